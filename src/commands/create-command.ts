import { randomUUID } from 'node:crypto';
import type { CreatableDescription } from '../resources/index.js';
import { validateParameters } from '../resources/validate-parameters.js';
import {
  buildArgumentErrorsReply,
  buildCreateQueuedReply,
  buildQueueUnavailableReply,
  buildSyntaxErrorReply,
  buildUnknownArgumentReply,
} from '../views/command-replies.js';
import type { CommandContext } from './command-context.js';
import { toInlineParameters } from './inline-parameters.js';
import { openCreateModal } from './open-create-modal.js';
import { queueOperation } from './queue-operation.js';

/**
 * Handles `/easymaker <resource> <verb> [key=value …]`. Complete, valid arguments are queued at
 * once; invalid ones get an ephemeral error naming each argument and its range; missing
 * required values open the form with what was given.
 */
export async function handleCreateCommand(
  context: CommandContext,
  description: CreatableDescription,
  named: Map<string, string>,
): Promise<void> {
  const { args, command, dependencies } = context;
  const inline = toInlineParameters(description, named);
  if (!inline.ok) {
    await args.ack(
      inline.duplicate !== undefined
        ? buildSyntaxErrorReply(inline.duplicate)
        : buildUnknownArgumentReply(description, inline.unknownNames ?? []),
    );
    return;
  }
  const validation = { defaultExperimentId: dependencies.config.easymaker.defaultExperimentId };
  const result = validateParameters(description.create, inline.raw, validation);
  const invalid = result.ok
    ? []
    : result.issues.filter((issue) => !issue.message.startsWith('is required'));
  if (invalid.length > 0) {
    await args.ack(buildArgumentErrorsReply(description, invalid));
    return;
  }
  if (!result.ok) {
    // Only required values are missing: the form opens with what was given.
    await args.ack();
    await openCreateModal(
      {
        client: args.client,
        triggerId: command.trigger_id,
        description,
        teamId: command.team_id,
        userId: command.user_id,
        channelId: command.channel_id,
        ...(command.channel_name ? { channelName: command.channel_name } : {}),
        raw: inline.raw,
        respond: (text) => args.respond({ response_type: 'ephemeral', text }),
      },
      dependencies,
    );
    return;
  }
  const name = description.create.nameOfParameters(result.parameters);
  try {
    await queueOperation(
      {
        description,
        name,
        raw: inline.raw,
        teamId: command.team_id,
        requesterId: command.user_id,
        channelId: command.channel_id,
        responseUrl: command.response_url,
      },
      dependencies,
    );
  } catch (error) {
    const reference = randomUUID().slice(0, 8);
    dependencies.logger.error(
      { err: error, reference, userId: command.user_id },
      'create request could not be queued',
    );
    await args.ack(buildQueueUnavailableReply(reference));
    return;
  }
  await args.ack(buildCreateQueuedReply(description, name));
}
