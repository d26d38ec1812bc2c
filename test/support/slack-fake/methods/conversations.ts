import { z } from 'zod';
import type { FakeState } from '../state/fake-state.js';
import type { StoredChannel } from '../state/workspace.js';
import type { FakeMessage } from '../types.js';
import {
  formBoolean,
  formInteger,
  formString,
  parseArgs,
  SlackApiError,
} from '../wire/api-error.js';
import type { MethodContext, MethodResult } from './method-context.js';

/** `conversations.info`, `conversations.join`, `conversations.history`, `conversations.replies`. */

function channelObject(channel: StoredChannel): Record<string, unknown> {
  if (channel.isIm) {
    return { id: channel.id, is_im: true, user: channel.members[0], is_archived: false };
  }
  return {
    id: channel.id,
    name: channel.name,
    is_channel: !channel.isPrivate,
    is_group: channel.isPrivate,
    is_im: false,
    is_mpim: false,
    is_private: channel.isPrivate,
    is_archived: channel.isArchived,
    is_general: channel.name === 'general',
    is_member: channel.botIsMember,
    num_members: channel.members.length + (channel.botIsMember ? 1 : 0),
  };
}

function readScopeFor(channel: StoredChannel, kind: 'read' | 'history'): string {
  if (channel.isIm) {
    return `im:${kind}`;
  }
  return channel.isPrivate ? `groups:${kind}` : `channels:${kind}`;
}

export function conversationInfo({ state, args }: MethodContext): MethodResult {
  const { channel: id } = parseArgs(z.object({ channel: formString.optional() }), args);
  const channel = state.workspace.visibleChannel(id);
  state.workspace.requireScope(readScopeFor(channel, 'read'));
  return { channel: channelObject(channel) };
}

export function joinConversation({ state, args }: MethodContext): MethodResult {
  state.workspace.requireScope('channels:join');
  const { channel: id } = parseArgs(z.object({ channel: formString.optional() }), args);
  const channel = state.workspace.visibleChannel(id);
  if (channel.isPrivate || channel.isIm) {
    throw new SlackApiError('method_not_supported_for_channel_type');
  }
  if (channel.isArchived) {
    throw new SlackApiError('is_archived');
  }
  if (channel.botIsMember) {
    return {
      channel: channelObject(channel),
      warning: 'already_in_channel',
      response_metadata: { warnings: ['already_in_channel'] },
    };
  }
  channel.botIsMember = true;
  return { channel: channelObject(channel) };
}

const pageArgs = z.object({
  channel: formString.optional(),
  ts: formString.optional(),
  cursor: formString.optional(),
  limit: formInteger.optional(),
  oldest: formString.optional(),
  latest: formString.optional(),
  inclusive: formBoolean.optional(),
  include_all_metadata: formBoolean.optional(),
});

type PageArgs = z.output<typeof pageArgs>;

/**
 * Filters by `oldest`/`latest`, pages with an opaque cursor and strips `metadata` unless
 * `include_all_metadata` is set.
 * NOTE: the default limit of 100, the metadata rule and the cursor format follow Slack's
 * method docs for `conversations.history`. They were not checked against Slack's servers.
 */
function page(messages: FakeMessage[], scalars: PageArgs): MethodResult {
  const inclusive = scalars.inclusive ?? false;
  const inRange = messages.filter((message) => {
    const ts = Number(message.ts);
    const afterOldest =
      scalars.oldest === undefined ||
      (inclusive ? ts >= Number(scalars.oldest) : ts > Number(scalars.oldest));
    const beforeLatest =
      scalars.latest === undefined ||
      (inclusive ? ts <= Number(scalars.latest) : ts < Number(scalars.latest));
    return afterOldest && beforeLatest;
  });
  const offset =
    scalars.cursor === undefined ? 0 : Number(Buffer.from(scalars.cursor, 'base64url').toString());
  if (!Number.isInteger(offset) || offset < 0) {
    throw new SlackApiError('invalid_cursor');
  }
  const limit = Math.min(Math.max(scalars.limit ?? 100, 1), 999);
  const slice = inRange.slice(offset, offset + limit).map((message) => {
    const copy = structuredClone(message);
    if (!scalars.include_all_metadata) {
      delete copy.metadata;
    }
    return copy;
  });
  const hasMore = offset + limit < inRange.length;
  const nextCursor = hasMore ? Buffer.from(String(offset + limit)).toString('base64url') : '';
  return { messages: slice, has_more: hasMore, response_metadata: { next_cursor: nextCursor } };
}

function readableChannel(state: FakeState, id: string | undefined): StoredChannel {
  const channel = state.workspace.visibleChannel(id);
  state.workspace.requireScope(readScopeFor(channel, 'history'));
  return state.workspace.memberChannel(id);
}

/** Top-level messages, newest first, as Slack returns them. */
export function conversationHistory({ state, args }: MethodContext): MethodResult {
  const scalars = parseArgs(pageArgs, args);
  const channel = readableChannel(state, scalars.channel);
  const newestFirst = state.messages.channelMessages(channel.id).reverse();
  return { ...page(newestFirst, scalars), pin_count: 0 };
}

/**
 * Returns the thread's parent followed by its replies, oldest first.
 * NOTE: a reply's own ts is assumed to return the whole thread, as a parent ts does.
 */
export function conversationReplies({ state, args }: MethodContext): MethodResult {
  const scalars = parseArgs(pageArgs, args);
  const channel = readableChannel(state, scalars.channel);
  const message = state.messages.get(channel.id, scalars.ts);
  if (message === undefined) {
    throw new SlackApiError('thread_not_found');
  }
  const thread = state.messages.thread(channel.id, message.thread_ts ?? message.ts);
  return page(thread, scalars);
}
