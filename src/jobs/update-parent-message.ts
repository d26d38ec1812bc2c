import { type Job, type Queue, Worker } from 'bullmq';
import { z } from 'zod';
import { findDescriptionByKind } from '../resources/index.js';
import { buildParentMessage } from '../views/parent-message.js';
import type { JobDependencies } from './job-dependencies.js';
import { toViewModel } from './operation-view-model.js';
import { slackRetryAfterMs } from './slack-rate-limit.js';

export const PARENT_UPDATES_QUEUE = 'easymaker-parent-updates';
export const UPDATE_PARENT_JOB = 'parent:update';

export const updateParentPayloadSchema = z.object({ operationId: z.string().min(1) });
export type UpdateParentPayload = z.infer<typeof updateParentPayloadSchema>;

/**
 * Schedules an edit of the operation's parent message. Requests within the debounce window
 * share one job, which renders the latest state when it runs, so bursts of status changes cost
 * one `chat.update`.
 */
export async function enqueueParentUpdate(
  queue: Queue,
  payload: UpdateParentPayload,
  debounceMs: number,
): Promise<void> {
  const data = updateParentPayloadSchema.parse(payload);
  await queue.add(UPDATE_PARENT_JOB, data, {
    delay: debounceMs,
    deduplication: { id: `parent_${data.operationId}`, ttl: Math.max(1, debounceMs) },
    removeOnComplete: true,
    removeOnFail: 1000,
    attempts: 8,
    backoff: { type: 'exponential', delay: 1000 },
  });
}

/** Renders the operation's current state into its parent message with `chat.update`. */
export async function processParentUpdate(
  job: Job,
  dependencies: JobDependencies,
  worker: Worker,
): Promise<void> {
  const { operationId } = updateParentPayloadSchema.parse(job.data);
  const operation = await dependencies.operations.get(operationId);
  if (operation?.parentTs === undefined) {
    return;
  }
  const description = findDescriptionByKind(operation.kind);
  if (description === undefined) {
    return;
  }
  const content = buildParentMessage(toViewModel(operation, description));
  try {
    await dependencies.slack.chat.update({
      channel: operation.channelId,
      ts: operation.parentTs,
      text: content.text,
      blocks: content.blocks,
    });
  } catch (error) {
    const retryAfterMs = slackRetryAfterMs(error);
    if (retryAfterMs !== undefined) {
      // chat.update is limited per workspace, so the whole queue waits, not only this job.
      dependencies.logger.warn({ operationId, retryAfterMs }, 'slack rate limit on chat.update');
      await worker.rateLimit(retryAfterMs);
      throw Worker.RateLimitError();
    }
    throw error;
  }
  await dependencies.operations.update(operationId, { renderedVersion: operation.version });
  const latest = await dependencies.operations.get(operationId);
  if (latest !== undefined && latest.version > operation.version) {
    await enqueueParentUpdate(
      dependencies.queues.parentUpdates,
      { operationId },
      dependencies.config.tracking.slackUpdateDebounceMs,
    );
  }
}
