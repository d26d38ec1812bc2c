import { randomUUID } from 'node:crypto';
import { enqueueStorageUpload } from '../jobs/storage-upload.js';
import {
  buildStorageRejectedReply,
  buildUploadNotQueuedReply,
  buildUploadQueuedReply,
} from '../views/storage-replies.js';
import type { StorageRequest } from './storage-command.js';

const FILE_ID = /^F[A-Z0-9]{2,}$/;

// The ack must leave within Slack's 3 s, so a Redis that does not respond fails the request fast.
const QUEUE_TIMEOUT_MS = 1500;

/**
 * Handles `/easymaker storage upload obs://…/{folder} file=<Slack file id>`: checks the file id,
 * queues the upload job and acknowledges. The job reads the file from Slack, uploads it as
 * `{folder}/{file name}` and reports the result to the requester.
 */
export async function handleStorageUpload(request: StorageRequest): Promise<void> {
  const { context, uri, named } = request;
  const { args, command, dependencies } = context;
  const fileId = named.get('file');
  if (fileId === undefined || !FILE_ID.test(fileId)) {
    await args.ack(
      buildStorageRejectedReply(
        fileId === undefined
          ? 'Name the Slack file to upload: /easymaker storage upload obs://…/{folder} file=<Slack file id>'
          : `file must be a Slack file id, such as F0123ABCD, not "${fileId}"`,
      ),
    );
    return;
  }
  try {
    await withTimeout(
      enqueueStorageUpload(dependencies.queues.storageUploads, {
        uri,
        fileId,
        userId: command.user_id,
        channelId: command.channel_id,
        responseUrl: command.response_url,
      }),
      QUEUE_TIMEOUT_MS,
    );
  } catch (error) {
    const reference = randomUUID().slice(0, 8);
    dependencies.logger.error(
      { err: error, reference, fileId, userId: command.user_id },
      'storage upload could not be queued',
    );
    await args.ack(buildUploadNotQueuedReply(reference));
    return;
  }
  dependencies.logger.info({ fileId, userId: command.user_id }, 'storage upload queued');
  await args.ack(buildUploadQueuedReply(fileId, uri));
}

async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Redis did not respond in time')), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
