import { z } from 'zod';
import { normalizeBlocks } from '../block-kit/view-state.js';
import type { FakeMessage } from '../types.js';
import { formString, parseArgs, SlackApiError } from '../wire/api-error.js';
import { maxEditableTextLength } from './chat-post.js';
import { readContent, requireContent } from './message-content.js';
import type { MethodContext, MethodResult } from './method-context.js';

/** `chat.update`, `chat.delete` and `chat.getPermalink`. */

const messageArgs = z.object({ channel: formString.optional(), ts: formString.optional() });

/**
 * Applies an edit. Omitted `blocks`, `attachments` and `metadata` keep their old values (so an
 * update without `blocks` changes nothing visible); `blocks: []` removes the blocks.
 * NOTE: an omitted `text` is assumed to keep the old text as well.
 */
export function updateMessage({ state, args }: MethodContext): MethodResult {
  state.workspace.requireScope('chat:write');
  const scalars = parseArgs(messageArgs, args);
  const channel = state.workspace.visibleChannel(scalars.channel);
  const message = state.messages.get(channel.id, scalars.ts);
  if (scalars.ts === undefined || message === undefined) {
    throw new SlackApiError('message_not_found');
  }
  if (!state.isBotMessage(message)) {
    throw new SlackApiError('cant_update_message');
  }
  const content = readContent(args);
  requireContent(content);
  if ((content.text?.length ?? 0) > maxEditableTextLength) {
    throw new SlackApiError('msg_too_long');
  }

  const changes: Partial<FakeMessage> = {
    edited: { user: state.options.botUserId, ts: state.ids.nextTs() },
  };
  if (content.text !== undefined || content.markdownText !== undefined) {
    changes.text = content.text ?? content.markdownText;
  }
  if (content.blocks !== undefined) {
    changes.blocks = normalizeBlocks(content.blocks, () => state.ids.nextBlockId());
  }
  if (content.attachments !== undefined) {
    changes.attachments = content.attachments;
  }
  if (content.metadata !== undefined) {
    changes.metadata = content.metadata;
  }
  const updated = state.messages.update(channel.id, scalars.ts, changes);
  return {
    channel: channel.id,
    ts: scalars.ts,
    text: updated?.text ?? '',
    message: structuredClone(updated),
  };
}

export function deleteMessage({ state, args }: MethodContext): MethodResult {
  state.workspace.requireScope('chat:write');
  const scalars = parseArgs(messageArgs, args);
  const channel = state.workspace.visibleChannel(scalars.channel);
  const message = state.messages.get(channel.id, scalars.ts);
  if (scalars.ts === undefined || message === undefined) {
    throw new SlackApiError('message_not_found');
  }
  if (!state.isBotMessage(message)) {
    throw new SlackApiError('cant_delete_message');
  }
  state.messages.delete(channel.id, scalars.ts);
  return { channel: channel.id, ts: scalars.ts };
}

const permalinkArgs = z.object({
  channel: formString.optional(),
  message_ts: formString.optional(),
});

export function getPermalink({ state, args }: MethodContext): MethodResult {
  const scalars = parseArgs(permalinkArgs, args);
  const channel = state.workspace.visibleChannel(scalars.channel);
  const message = state.messages.get(channel.id, scalars.message_ts);
  if (message === undefined) {
    throw new SlackApiError('message_not_found');
  }
  const base = `https://${state.options.teamDomain}.slack.com/archives/${channel.id}/p${message.ts.replace('.', '')}`;
  const isReply = message.thread_ts !== undefined && message.thread_ts !== message.ts;
  const permalink = isReply ? `${base}?thread_ts=${message.thread_ts}&cid=${channel.id}` : base;
  return { channel: channel.id, permalink };
}
