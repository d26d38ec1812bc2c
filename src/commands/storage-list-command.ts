import { randomUUID } from 'node:crypto';
import type { ObjectStorageClient } from '../api/object-storage-client.js';
import { BotError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { EphemeralReply } from '../views/command-replies.js';
import {
  buildObjectListMessage,
  OBJECT_PAGE_SIZE,
  type ObjectListMessage,
  type ObjectPageReference,
} from '../views/object-list-message.js';
import { buildStorageFailedReply } from '../views/storage-replies.js';
import type { StorageRequest } from './storage-command.js';

/**
 * Handles `/easymaker storage list obs://…/{prefix}`: acknowledges at once, then posts the
 * first page through the command's response URL.
 */
export async function handleStorageList(request: StorageRequest): Promise<void> {
  const { context, storage, uri, path } = request;
  await context.args.ack();
  const message = await fetchObjectPage(
    storage,
    { uri, page: 0, marker: '', back: [] },
    path,
    context.dependencies.logger.child({ userId: context.command.user_id }),
  );
  await context.args.respond({ response_type: 'ephemeral', ...message });
}

/**
 * Lists one page of objects and renders it. One object more than a page is asked for, so the
 * last page has no Next button. A failure renders as an error with a reference.
 */
export async function fetchObjectPage(
  storage: ObjectStorageClient,
  reference: ObjectPageReference,
  prefix: string,
  logger: Logger,
): Promise<ObjectListMessage | EphemeralReply> {
  try {
    const listed = await storage.list(reference.uri, {
      limit: OBJECT_PAGE_SIZE + 1,
      ...(reference.marker === '' ? {} : { marker: reference.marker }),
    });
    const objects = listed.objects.slice(0, OBJECT_PAGE_SIZE);
    const last = objects.at(-1);
    const hasNext = listed.objects.length > OBJECT_PAGE_SIZE && last !== undefined;
    return buildObjectListMessage({
      reference,
      prefix,
      objects,
      ...(hasNext ? { nextMarker: last.name } : {}),
    });
  } catch (error) {
    const logReference = randomUUID().slice(0, 8);
    const level = error instanceof BotError ? 'warn' : 'error';
    logger[level](
      { err: error, reference: logReference, page: reference.page },
      'storage list failed',
    );
    return buildStorageFailedReply('list', reference.uri, error, logReference);
  }
}
