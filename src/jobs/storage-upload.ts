import { randomUUID } from 'node:crypto';
import { type Job, type Queue, UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { BotError } from '../errors.js';
import type { EphemeralReply } from '../views/command-replies.js';
import {
  buildStorageFailedReply,
  buildStorageNotConfiguredReply,
  buildUploadDoneReply,
} from '../views/storage-replies.js';
import type { JobDependencies } from './job-dependencies.js';
import { readSlackFile } from './read-slack-file.js';

export const STORAGE_UPLOAD_QUEUE = 'easymaker-storage-upload';
export const STORAGE_UPLOAD_JOB = 'storage:upload';

/** Tries of one upload; a failure the user must fix ends it at once. */
const UPLOAD_ATTEMPTS = 3;

export const storageUploadPayloadSchema = z.object({
  /** `obs://` folder the file goes into, already checked by the command. */
  uri: z.string().min(1),
  fileId: z.string().regex(/^F[A-Z0-9]{2,}$/),
  userId: z.string().min(1),
  channelId: z.string().min(1),
  responseUrl: z.url(),
});

export type StorageUploadPayload = z.infer<typeof storageUploadPayloadSchema>;

/** Queues the upload of a Slack file to Object Storage. */
export async function enqueueStorageUpload(
  queue: Queue,
  payload: StorageUploadPayload,
): Promise<void> {
  const data = storageUploadPayloadSchema.parse(payload);
  await queue.add(STORAGE_UPLOAD_JOB, data, {
    attempts: UPLOAD_ATTEMPTS,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: 1000,
    removeOnFail: 1000,
  });
}

/**
 * Uploads a Slack file to `{uri}/{file name}` and reports the outcome to the requester. A listing of
 * the folder first checks the credentials and the container, so a bad target fails before the
 * file is downloaded. Failures that may pass (Slack or Object Storage unreachable, 5xx, 429)
 * are retried; the requester hears of a failure once, when it is final.
 */
export async function processStorageUpload(job: Job, dependencies: JobDependencies): Promise<void> {
  const parsed = storageUploadPayloadSchema.safeParse(job.data);
  if (!parsed.success) {
    throw new UnrecoverableError(`invalid storage upload payload in job ${job.id}`);
  }
  const payload = parsed.data;
  const { storage, config } = dependencies;
  const log = dependencies.logger.child({
    jobId: job.id,
    fileId: payload.fileId,
    userId: payload.userId,
  });
  if (storage === undefined) {
    await notifyRequester(
      dependencies,
      payload,
      buildStorageNotConfiguredReply(config.objectStorage.missingVariables),
    );
    throw new UnrecoverableError('Object Storage is not configured in the worker');
  }

  try {
    await storage.list(payload.uri, { limit: 1 });
    const file = await readSlackFile(payload.fileId, {
      slack: dependencies.slack,
      botToken: config.slack.botToken,
      maxBytes: config.objectStorage.uploadMaxBytes,
      limitSetting: 'OBJECT_STORAGE_UPLOAD_MAX_MB',
      logger: log,
    });
    const result = await storage.upload(payload.uri, file.name, file.bytes);
    log.info(
      { uri: result.uri, bytes: result.bytes, segmentCount: result.segmentCount },
      'Slack file uploaded to Object Storage',
    );
    await notifyRequester(dependencies, payload, buildUploadDoneReply(file.name, result));
  } catch (error) {
    const attempt = job.attemptsMade + 1;
    if (isTransient(error) && attempt < (job.opts.attempts ?? 1)) {
      log.warn({ err: error, attempt }, 'storage upload failed; it is retried');
      throw error;
    }
    const reference = randomUUID().slice(0, 8);
    log.warn({ err: error, attempt, reference }, 'storage upload failed');
    await notifyRequester(
      dependencies,
      payload,
      buildStorageFailedReply('upload to', payload.uri, error, reference),
    );
    throw new UnrecoverableError(`storage upload failed (reference ${reference})`);
  }
}

/** Tells whether a later try may succeed: Slack or Object Storage unreachable, 5xx or 429. */
function isTransient(error: unknown): boolean {
  if (!(error instanceof BotError)) {
    return true;
  }
  const httpStatus = error.context.httpStatus;
  const serverSide = typeof httpStatus !== 'number' || httpStatus >= 500 || httpStatus === 429;
  switch (error.code) {
    case 'ERR_SLACK_API':
      return true;
    case 'ERR_OBJECT_STORAGE':
    case 'ERR_OBJECT_STORAGE_AUTH':
      return serverSide;
    default:
      return false;
  }
}

/** Shows the requester a reply through the command's response URL, else as an ephemeral. */
async function notifyRequester(
  dependencies: JobDependencies,
  payload: StorageUploadPayload,
  reply: EphemeralReply,
): Promise<void> {
  const log = dependencies.logger.child({ userId: payload.userId });
  try {
    const response = await fetch(payload.responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(reply),
      signal: AbortSignal.timeout(10_000),
    });
    if (response.ok) {
      return;
    }
    log.warn({ status: response.status }, 'response URL rejected the storage reply');
  } catch (error) {
    log.warn({ err: error }, 'response URL post of the storage reply failed');
  }
  try {
    await dependencies.slack.chat.postEphemeral({
      channel: payload.channelId,
      user: payload.userId,
      text: reply.text,
    });
  } catch (error) {
    log.error({ err: error }, 'storage reply to the requester failed');
  }
}
