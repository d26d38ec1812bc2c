import { randomUUID } from 'node:crypto';
import { WebAPIPlatformError } from '@slack/web-api';
import { BotError } from '../errors.js';
import {
  buildFilePostFailedReply,
  buildGetPostedReply,
  buildGetStartedReply,
  buildObjectFileComment,
  buildStorageFailedReply,
  buildStorageRejectedReply,
} from '../views/storage-replies.js';
import type { StorageRequest } from './storage-command.js';

/** A message ts, such as `1712345678.123456`. */
const MESSAGE_TS = /^\d{9,10}\.\d{6}$/;
/** The ts as a message link writes it, such as `p1712345678123456`. */
const LINK_TS = /^p(\d{9,10})(\d{6})$/;

/**
 * Handles `/easymaker storage get obs://…/{object} [thread=<ts>]`: acknowledges at once, then
 * downloads the object, which is rejected before download when it is over the configured limit.
 * Posts it with `files.uploadV2` into the channel, or into the thread of the message `thread`
 * names.
 */
export async function handleStorageGet(request: StorageRequest): Promise<void> {
  const { context, storage, uri, path, named } = request;
  const { args, command, dependencies } = context;
  const threadText = named.get('thread');
  const threadTs = threadText === undefined ? undefined : readThreadTs(threadText);
  if (threadText !== undefined && threadTs === undefined) {
    await args.ack(
      buildStorageRejectedReply(
        `thread must be the ts of the thread's parent message, such as 1712345678.123456, not "${threadText}"`,
      ),
    );
    return;
  }
  const fileName = path.split('/').at(-1) ?? '';
  if (fileName === '') {
    await args.ack(
      buildStorageRejectedReply(
        `${uri} names a container or a folder, not an object: /easymaker storage list shows its objects`,
      ),
    );
    return;
  }
  await args.ack(buildGetStartedReply(uri));

  const log = dependencies.logger.child({ userId: command.user_id, channelId: command.channel_id });
  let bytes: Buffer;
  try {
    bytes = await storage.download(uri, dependencies.config.objectStorage.getMaxBytes);
  } catch (error) {
    const reference = randomUUID().slice(0, 8);
    log[error instanceof BotError ? 'warn' : 'error'](
      { err: error, reference },
      'storage get failed',
    );
    await args.respond(buildStorageFailedReply('fetch', uri, error, reference));
    return;
  }
  if (bytes.length === 0) {
    await args.respond(
      buildStorageRejectedReply(`${uri} is empty (0 bytes), and Slack takes no empty files`),
    );
    return;
  }

  try {
    const file = {
      file: bytes,
      filename: fileName,
      title: fileName,
      initial_comment: buildObjectFileComment(uri, bytes.length, command.user_id),
    };
    const channel_id = command.channel_id;
    await (threadTs === undefined
      ? args.client.files.uploadV2({ ...file, channel_id })
      : args.client.files.uploadV2({ ...file, channel_id, thread_ts: threadTs }));
  } catch (error) {
    const reference = randomUUID().slice(0, 8);
    const code = error instanceof WebAPIPlatformError ? error.data.error : undefined;
    log.warn({ err: error, reference, slackError: code }, 'posting a stored object failed');
    await args.respond(buildFilePostFailedReply(uri, code, reference));
    return;
  }
  log.info({ path, bytes: bytes.length, threadTs }, 'stored object posted to Slack');
  await args.respond(buildGetPostedReply(fileName, bytes.length, threadTs));
}

function readThreadTs(text: string): string | undefined {
  if (MESSAGE_TS.test(text)) {
    return text;
  }
  const link = LINK_TS.exec(text);
  return link ? `${link[1]}.${link[2]}` : undefined;
}
