import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { RedisKeys } from '../state/redis-keys.js';

/** `metadata.event_type` of every message the bot posts through `postMessageOnce`. */
export const POST_METADATA_EVENT_TYPE = 'easymaker_bot_post';

const POST_RECORD_TTL_SECONDS = 60 * 60 * 24 * 90;

export interface PostOnceRequest {
  /** Names the message for good: the same key never posts a second message. */
  postKey: string;
  channel: string;
  threadTs?: string;
  text: string;
  blocks: KnownBlock[];
}

export interface PostedMessage {
  channel: string;
  ts: string;
}

export interface PostOnceDependencies {
  client: WebClient;
  redis: Redis;
  keys: RedisKeys;
  logger: Logger;
}

/**
 * Posts a message at most once per `postKey`, even across crashes.
 *
 * The key is written to Redis as an intent before `chat.postMessage` and the message carries it
 * in its metadata. If a process dies between posting and recording the `ts`, the next attempt
 * finds the intent and looks for the message in the thread (or channel history) by its metadata
 * before posting again.
 */
export async function postMessageOnce(
  request: PostOnceRequest,
  dependencies: PostOnceDependencies,
): Promise<PostedMessage> {
  const { client, redis, keys, logger } = dependencies;
  const recordKey = keys.post(request.postKey);
  const record = await redis.hgetall(recordKey);
  if (record.ts && record.channel) {
    return { channel: record.channel, ts: record.ts };
  }
  if (record.intentAt) {
    const found = await findPostedMessage(request, Number(record.intentAt), client);
    if (found !== undefined) {
      logger.info({ postKey: request.postKey, ts: found.ts }, 'posted message recovered');
      await redis.hset(recordKey, { channel: found.channel, ts: found.ts });
      return found;
    }
  }
  await redis
    .multi()
    .hset(recordKey, { intentAt: String(Date.now()) })
    .expire(recordKey, POST_RECORD_TTL_SECONDS)
    .exec();
  const answer = await client.chat.postMessage({
    channel: request.channel,
    text: request.text,
    blocks: request.blocks,
    ...(request.threadTs ? { thread_ts: request.threadTs } : {}),
    unfurl_links: false,
    unfurl_media: false,
    metadata: {
      event_type: POST_METADATA_EVENT_TYPE,
      event_payload: { post_key: request.postKey },
    },
  });
  const posted = { channel: answer.channel ?? request.channel, ts: answer.ts ?? '' };
  await redis.hset(recordKey, posted);
  return posted;
}

/** Returns the `ts` recorded for a post key, if the message was posted. */
export async function findRecordedPost(
  postKey: string,
  dependencies: Pick<PostOnceDependencies, 'redis' | 'keys'>,
): Promise<PostedMessage | undefined> {
  const record = await dependencies.redis.hgetall(dependencies.keys.post(postKey));
  return record.ts && record.channel ? { channel: record.channel, ts: record.ts } : undefined;
}

async function findPostedMessage(
  request: PostOnceRequest,
  intentAt: number,
  client: WebClient,
): Promise<PostedMessage | undefined> {
  const oldest = ((intentAt - 60_000) / 1000).toFixed(6);
  const answer = request.threadTs
    ? await client.conversations.replies({
        channel: request.channel,
        ts: request.threadTs,
        oldest,
        limit: 200,
        include_all_metadata: true,
      })
    : await client.conversations.history({
        channel: request.channel,
        oldest,
        limit: 200,
        include_all_metadata: true,
      });
  const message = (answer.messages ?? []).find((candidate) => {
    const metadata = candidate.metadata as
      | { event_type?: string; event_payload?: Record<string, unknown> }
      | undefined;
    return (
      metadata?.event_type === POST_METADATA_EVENT_TYPE &&
      metadata.event_payload?.post_key === request.postKey
    );
  });
  return message?.ts ? { channel: request.channel, ts: message.ts } : undefined;
}
