import { DelayedError, type Job, type Queue, UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { EasyMakerApiError } from '../api/easymaker-api-error.js';
import { type AnyDescription, findDescriptionByKind } from '../resources/index.js';
import { classifyStatus, isTerminal } from '../resources/status-class.js';
import type { OperationRecord } from '../state/operation-store.js';
import { buildFinalReply, buildStatusReply } from '../views/thread-replies.js';
import type { JobDependencies } from './job-dependencies.js';
import {
  postFailureAlertOnce,
  postThreadReplyOnce,
  recordVisibleChange,
} from './operation-messages.js';
import { toViewModel } from './operation-view-model.js';
import { slackRetryAfterMs } from './slack-rate-limit.js';

export const TRACK_QUEUE = 'easymaker-track';
export const TRACK_RESOURCE_JOB = 'resource:track';

export const trackResourcePayloadSchema = z.object({ operationId: z.string().min(1) });
export type TrackResourcePayload = z.infer<typeof trackResourcePayloadSchema>;

/**
 * Starts tracking an operation's resource. One job per operation polls, then delays itself until
 * the next poll, so the poll schedule lives in Redis and survives restarts.
 */
export async function enqueueTrackResource(
  queue: Queue,
  payload: TrackResourcePayload,
  delayMs: number,
): Promise<void> {
  const data = trackResourcePayloadSchema.parse(payload);
  await queue.add(TRACK_RESOURCE_JOB, data, {
    jobId: `track_${data.operationId}`,
    delay: delayMs,
    attempts: 20,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: 1000,
    removeOnFail: 1000,
  });
}

/** Polls the resource once, posts what changed, and schedules the next poll until it ends. */
export async function processTrackResource(
  job: Job,
  token: string | undefined,
  dependencies: JobDependencies,
): Promise<void> {
  const { operationId } = trackResourcePayloadSchema.parse(job.data);
  const operation = await dependencies.operations.get(operationId);
  if (operation?.resourceId === undefined) {
    throw new UnrecoverableError(`operation ${operationId} has no resource to track`);
  }
  const description = findDescriptionByKind(operation.kind);
  if (description === undefined) {
    throw new UnrecoverableError(`unknown resource kind ${operation.kind}`);
  }
  const log = dependencies.logger.child({ operationId, resourceId: operation.resourceId });
  const pollLater = async (delayMs: number) => {
    await job.moveToDelayed(Date.now() + delayMs, token);
    throw new DelayedError();
  };

  let resource: unknown;
  try {
    resource = await dependencies.easymaker.get(
      `${description.api.collectionPath}/${encodeURIComponent(operation.resourceId)}`,
      description.api.objectKey,
      description.api.objectSchema,
    );
  } catch (error) {
    if (error instanceof EasyMakerApiError && error.httpStatus === 404) {
      await finish(operation, description, dependencies, {
        status: 'NOT_FOUND',
        reason: `The ${description.noun} no longer exists in EasyMaker; it was deleted outside Slack.`,
      });
      return;
    }
    log.warn({ err: error }, 'resource poll failed; polling again later');
    return pollLater(dependencies.config.tracking.pollIntervalMs);
  }

  try {
    await applyPoll(operation, description, resource, dependencies);
  } catch (error) {
    const retryAfterMs = slackRetryAfterMs(error);
    if (retryAfterMs !== undefined) {
      log.warn({ retryAfterMs }, 'slack rate limit while posting; polling again after the wait');
      return pollLater(retryAfterMs);
    }
    throw error;
  }
  const latest = await dependencies.operations.get(operationId);
  if (latest !== undefined && !isTerminal(latest.statusClass)) {
    return pollLater(dependencies.config.tracking.pollIntervalMs);
  }
}

async function applyPoll(
  operation: OperationRecord,
  description: AnyDescription,
  resource: unknown,
  dependencies: JobDependencies,
): Promise<void> {
  const status = description.statusOf(resource);
  const statusClass = classifyStatus(status, description.statuses);
  const elapsedSeconds = description.elapsedSecondsOf(resource);
  const progress = description.progressOf?.(resource) ?? [];
  const progressChanged = JSON.stringify(progress) !== JSON.stringify(operation.progress);
  if (isTerminal(statusClass)) {
    await finish(operation, description, dependencies, {
      status,
      elapsedSeconds,
      progress,
      resultSummary: description.summarizeResult(resource),
    });
    return;
  }
  const current: OperationRecord = {
    ...operation,
    status,
    statusClass,
    ...(elapsedSeconds !== undefined ? { elapsedSeconds } : {}),
  };
  // The reply is keyed by status, so a status seen again or re-polled after a crash is posted
  // once. It is posted before the record changes, so a failed post is tried again next poll.
  await postThreadReplyOnce(
    dependencies,
    current,
    `status:${status}`,
    buildStatusReply(toViewModel(current, description), description.statuses),
  );
  if (status !== operation.status || progressChanged) {
    await recordVisibleChange(dependencies, operation.operationId, {
      status,
      statusClass,
      progress,
      ...(elapsedSeconds !== undefined ? { elapsedSeconds } : {}),
    });
  } else if (elapsedSeconds !== undefined) {
    await dependencies.operations.update(operation.operationId, { elapsedSeconds });
  }
}

interface Outcome {
  status: string;
  elapsedSeconds?: number | undefined;
  resultSummary?: OperationRecord['resultSummary'];
  progress?: OperationRecord['progress'];
  reason?: string;
}

async function finish(
  operation: OperationRecord,
  description: AnyDescription,
  dependencies: JobDependencies,
  outcome: Outcome,
): Promise<void> {
  const statusClass =
    outcome.status === 'NOT_FOUND'
      ? 'failure'
      : classifyStatus(outcome.status, description.statuses);
  const finished: OperationRecord = {
    ...operation,
    status: outcome.status,
    statusClass,
    finishedAt: operation.finishedAt ?? Date.now(),
    resultSummary: outcome.resultSummary ?? [],
    progress: outcome.progress ?? operation.progress,
    ...(outcome.elapsedSeconds !== undefined ? { elapsedSeconds: outcome.elapsedSeconds } : {}),
    ...(outcome.reason !== undefined ? { failureReason: outcome.reason } : {}),
  };
  try {
    await postThreadReplyOnce(
      dependencies,
      finished,
      'final',
      buildFinalReply(toViewModel(finished, description), finished.resultSummary),
    );
  } catch (error) {
    // A thread in an archived or deleted channel cannot take the reply, but the alert
    // elsewhere must still go out; rate limits and outages are retried as usual.
    if (!isPermanentSlackError(error)) {
      throw error;
    }
    dependencies.logger.warn(
      { err: error, operationId: operation.operationId },
      'final reply could not be posted in its thread',
    );
  }
  if (statusClass !== 'success') {
    await postFailureAlertOnce(dependencies, finished, description);
  }
  await recordVisibleChange(dependencies, operation.operationId, {
    status: finished.status,
    statusClass: finished.statusClass,
    finishedAt: finished.finishedAt,
    resultSummary: finished.resultSummary,
    progress: finished.progress,
    ...(finished.elapsedSeconds !== undefined ? { elapsedSeconds: finished.elapsedSeconds } : {}),
    ...(finished.failureReason !== undefined ? { failureReason: finished.failureReason } : {}),
  });
  dependencies.logger.info(
    {
      operationId: operation.operationId,
      resourceId: operation.resourceId,
      status: outcome.status,
    },
    'tracking finished',
  );
}

const PERMANENT_SLACK_ERRORS = new Set([
  'is_archived',
  'channel_not_found',
  'not_in_channel',
  'thread_not_found',
  'message_not_found',
  'cannot_reply_to_message',
  'restricted_action',
]);

function isPermanentSlackError(error: unknown): boolean {
  const data =
    typeof error === 'object' && error !== null && 'data' in error
      ? (error as { data?: { error?: unknown } }).data
      : undefined;
  return typeof data?.error === 'string' && PERMANENT_SLACK_ERRORS.has(data.error);
}
