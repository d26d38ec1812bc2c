import type { AnyDescription } from '../resources/index.js';
import { postMessageOnce } from '../slack/post-message-once.js';
import type { OperationRecord } from '../state/operation-store.js';
import type { EphemeralReply } from '../views/command-replies.js';
import type { SlackMessageContent } from '../views/parent-message.js';
import { buildFailureAlert } from '../views/thread-replies.js';
import type { JobDependencies } from './job-dependencies.js';
import { toViewModel } from './operation-view-model.js';
import { enqueueParentUpdate } from './update-parent-message.js';

/** Posts a reply in the operation's thread once per `suffix`. */
export async function postThreadReplyOnce(
  dependencies: JobDependencies,
  operation: OperationRecord,
  suffix: string,
  content: SlackMessageContent,
): Promise<void> {
  if (operation.parentTs === undefined) {
    return;
  }
  await postMessageOnce(
    {
      postKey: `${operation.operationId}:${suffix}`,
      channel: operation.channelId,
      threadTs: operation.parentTs,
      text: content.text,
      blocks: content.blocks,
    },
    postDependencies(dependencies),
  );
}

/** Posts the failure alert in the alerts channel once, linking back to the thread. */
export async function postFailureAlertOnce(
  dependencies: JobDependencies,
  operation: OperationRecord,
  description: AnyDescription,
): Promise<void> {
  const alertsChannel = dependencies.config.slack.alertsChannelId;
  if (alertsChannel === undefined) {
    return;
  }
  let threadLink: string | undefined;
  if (operation.parentTs !== undefined) {
    try {
      const answer = await dependencies.slack.chat.getPermalink({
        channel: operation.channelId,
        message_ts: operation.parentTs,
      });
      threadLink = answer.permalink;
    } catch (error) {
      dependencies.logger.warn(
        { err: error, operationId: operation.operationId },
        'permalink lookup failed; alert links the channel instead',
      );
    }
  }
  const content = buildFailureAlert(
    toViewModel(operation, description),
    threadLink,
    operation.channelId,
  );
  await postMessageOnce(
    {
      postKey: `${operation.operationId}:alert`,
      channel: alertsChannel,
      text: content.text,
      blocks: content.blocks,
    },
    postDependencies(dependencies),
  );
}

function postDependencies(dependencies: JobDependencies) {
  const { slack, redis, keys, logger } = dependencies;
  return { client: slack, redis, keys, logger };
}

/** Shows the requester a message only they see: through the command's response URL if any. */
export async function notifyRequester(
  dependencies: JobDependencies,
  operation: OperationRecord,
  reply: EphemeralReply,
): Promise<void> {
  try {
    if (operation.responseUrl !== undefined) {
      const response = await fetch(operation.responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(reply),
      });
      if (response.ok) {
        return;
      }
      dependencies.logger.warn(
        { operationId: operation.operationId, status: response.status },
        'response URL rejected the reply; falling back to an ephemeral message',
      );
    }
    await dependencies.slack.chat.postEphemeral({
      channel: operation.channelId,
      user: operation.requesterId,
      text: reply.text,
    });
  } catch (error) {
    dependencies.logger.error(
      { err: error, operationId: operation.operationId },
      'requester notification failed',
    );
  }
}

/** Writes a change the parent message shows and schedules its (debounced) edit. */
export async function recordVisibleChange(
  dependencies: JobDependencies,
  operationId: string,
  patch: Partial<OperationRecord>,
): Promise<void> {
  await dependencies.operations.update(operationId, patch, { bumpVersion: true });
  await enqueueParentUpdate(
    dependencies.queues.parentUpdates,
    { operationId },
    dependencies.config.tracking.slackUpdateDebounceMs,
  );
}
