import { randomUUID } from 'node:crypto';
import type { AnyDescription } from '../resources/index.js';
import {
  buildOperationFailedReply,
  buildSyntaxErrorReply,
  type EphemeralReply,
} from '../views/command-replies.js';
import {
  buildConfirmationMessage,
  type ConfirmableOperation,
} from '../views/confirmation-message.js';
import { buildResourceDetailsMessage } from '../views/resource-details-message.js';
import type { CommandContext } from './command-context.js';
import { queueWatch } from './queue-operation.js';

const RESOURCE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The operations on one resource by id that the router hands here. */
export type ResourceOperation = 'show' | 'watch' | ConfirmableOperation;

/**
 * Handles `show`, `watch`, `delete`, `stop` and `start` on one resource id. Delete, stop and
 * start only ask for confirmation here; the confirm button does the work.
 */
export async function handleResourceOperation(
  context: CommandContext,
  description: AnyDescription,
  operation: ResourceOperation,
  resourceId: string | undefined,
): Promise<void> {
  const { args, command } = context;
  if (resourceId === undefined || !RESOURCE_ID.test(resourceId)) {
    await args.ack(
      buildSyntaxErrorReply(
        `Give the ${description.noun} id: /easymaker ${description.words[0]} ${operation} <id>`,
      ),
    );
    return;
  }
  if (operation === 'show') {
    await args.ack();
    await args.respond(await showResource(context, description, resourceId));
    return;
  }
  if (operation === 'watch') {
    await watchResource(context, description, resourceId);
    return;
  }
  if (!description.operations[operation]) {
    await args.ack(
      buildSyntaxErrorReply(
        `A ${description.noun} cannot be ${pastParticiple(operation)} from here.`,
      ),
    );
    return;
  }
  const confirmation = buildConfirmationMessage(description, {
    kind: description.kind,
    operation,
    resourceId,
    userId: command.user_id,
  });
  await args.ack({ response_type: 'ephemeral', ...confirmation });
}

function pastParticiple(operation: ConfirmableOperation): string {
  return { delete: 'deleted', stop: 'stopped', start: 'started' }[operation];
}

async function showResource(
  context: CommandContext,
  description: AnyDescription,
  resourceId: string,
): Promise<
  EphemeralReply | ({ response_type: 'ephemeral' } & ReturnType<typeof buildResourceDetailsMessage>)
> {
  const { dependencies } = context;
  try {
    const resource = await dependencies.easymaker.get(
      `${description.api.collectionPath}/${resourceId}`,
      description.api.objectKey,
      description.api.objectSchema,
    );
    return { response_type: 'ephemeral', ...buildResourceDetailsMessage(description, resource) };
  } catch (error) {
    const reference = randomUUID().slice(0, 8);
    dependencies.logger.warn(
      { err: error, reference, kind: description.kind, resourceId },
      'show request failed',
    );
    return buildOperationFailedReply(`show ${description.noun} ${resourceId}`, error, reference);
  }
}

async function watchResource(
  context: CommandContext,
  description: AnyDescription,
  resourceId: string,
): Promise<void> {
  const { args, command, dependencies } = context;
  try {
    const existing = await queueWatch(
      {
        description,
        resourceId,
        teamId: command.team_id,
        requesterId: command.user_id,
        channelId: command.channel_id,
        responseUrl: command.response_url,
      },
      dependencies,
    );
    await args.ack({
      response_type: 'ephemeral',
      text: existing
        ? `This ${description.noun} is already tracked in a thread; no second thread is started.`
        : `:eyes: Watching ${description.noun} \`${resourceId}\`. Its thread starts in this channel.`,
    });
  } catch (error) {
    const reference = randomUUID().slice(0, 8);
    dependencies.logger.error({ err: error, reference, resourceId }, 'watch could not be queued');
    await args.ack(
      buildOperationFailedReply(`watch ${description.noun} ${resourceId}`, error, reference),
    );
  }
}
