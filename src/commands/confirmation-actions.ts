import { randomUUID } from 'node:crypto';
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { findDescriptionByKind } from '../resources/index.js';
import { buildOperationFailedReply } from '../views/command-replies.js';
import { codeSpan } from '../views/mrkdwn.js';
import type { CommandDependencies } from './command-dependencies.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

const confirmationSchema = z.object({
  kind: z.string(),
  operation: z.enum(['delete', 'stop', 'start']),
  resourceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  userId: z.string(),
});

const DONE: Record<z.infer<typeof confirmationSchema>['operation'], string> = {
  delete: 'Deleted',
  stop: 'Stop requested for',
  start: 'Started',
};

/**
 * Carries out a confirmed delete, stop or start. Only the user who asked may confirm; the
 * question is replaced by the result, so a second click finds nothing to press.
 */
export async function handleConfirmButton(
  args: ButtonArgs,
  dependencies: CommandDependencies,
): Promise<void> {
  await args.ack();
  const parsed = confirmationSchema.safeParse(safeJson(args.action.value));
  const description = parsed.success ? findDescriptionByKind(parsed.data.kind) : undefined;
  if (!parsed.success || description === undefined) {
    await args.respond({
      replace_original: true,
      text: ':warning: This button is no longer valid.',
    });
    return;
  }
  const { operation, resourceId, userId } = parsed.data;
  if (args.body.user.id !== userId) {
    await args.respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: ':no_entry: Only the user who asked can confirm this.',
    });
    return;
  }
  // Slack sends one payload per click, and a double click arrives before the buttons are gone.
  const containerTs = args.body.container?.message_ts ?? args.body.actions[0]?.action_ts ?? '';
  const first = await dependencies.redis.set(
    dependencies.keys.confirmation(containerTs, args.action.value ?? ''),
    '1',
    'EX',
    3600,
    'NX',
  );
  if (first === null) {
    return;
  }
  const path = `${description.api.collectionPath}/${resourceId}`;
  const log = dependencies.logger.child({ kind: description.kind, resourceId, operation, userId });
  try {
    if (operation === 'delete') {
      await dependencies.easymaker.remove(path);
    } else {
      await dependencies.easymaker.act(path, operation);
    }
  } catch (error) {
    const reference = randomUUID().slice(0, 8);
    log.warn({ err: error, reference }, 'confirmed operation failed');
    const reply = buildOperationFailedReply(
      `${operation} ${description.noun} ${resourceId}`,
      error,
      reference,
    );
    await args.respond({ replace_original: true, text: reply.text });
    return;
  }
  log.info('confirmed operation done');
  await args.respond({
    replace_original: true,
    text: `:white_check_mark: ${DONE[operation]} ${description.noun} ${codeSpan(resourceId)}.`,
  });
}

/** Removes the question when the user cancels. */
export async function handleCancelButton(args: ButtonArgs): Promise<void> {
  await args.ack();
  await args.respond({ delete_original: true });
}

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}
