import { z } from 'zod';
import { normalizeBlocks } from '../block-kit/view-state.js';
import type { FakeState } from '../state/fake-state.js';
import { tsPattern } from '../state/ids.js';
import type { StoredChannel } from '../state/workspace.js';
import type { FakeMessage } from '../types.js';
import {
  detailedError,
  formBoolean,
  formString,
  parseArgs,
  SlackApiError,
} from '../wire/api-error.js';
import { contentFields, readContent, requireContent, storedText } from './message-content.js';
import type { MethodContext, MethodResult } from './method-context.js';

/** `chat.postMessage` and `chat.postEphemeral`. */

/** Slack truncates posted text beyond this length instead of failing. */
const truncateTextAt = 40_000;

/** `chat.update` and `chat.postEphemeral` fail with `msg_too_long` above this length. */
export const maxEditableTextLength = 4000;

const postArgs = z.object({
  channel: formString.optional(),
  thread_ts: formString.optional(),
  reply_broadcast: formBoolean.optional(),
  unfurl_links: formBoolean.optional(),
  unfurl_media: formBoolean.optional(),
  mrkdwn: formBoolean.optional(),
});

/**
 * Checks that `thread_ts` names a top-level message of the channel.
 * NOTE: Slack itself accepts an unknown `thread_ts`, and the reply is then never shown. The fake
 * rejects it with `cannot_reply_to_message` so that such a bug fails the test.
 */
function checkThreadParent(state: FakeState, channel: StoredChannel, threadTs: string): void {
  const parent = tsPattern.test(threadTs) ? state.messages.get(channel.id, threadTs) : undefined;
  if (parent === undefined || !state.messages.isTopLevel(parent)) {
    throw detailedError('cannot_reply_to_message', [
      `thread_ts ${threadTs} is not a top-level message in ${channel.id} [json-pointer:/thread_ts]`,
    ]);
  }
}

export function postMessage({ state, args }: MethodContext): MethodResult {
  state.workspace.requireScope('chat:write');
  const scalars = parseArgs(postArgs, args);
  const channel = state.workspace.postableChannel(scalars.channel);
  const content = readContent(args);
  requireContent(content);
  if (scalars.thread_ts !== undefined) {
    checkThreadParent(state, channel, scalars.thread_ts);
  }

  const ts = state.ids.nextTs();
  const fields = contentFields(content, (blocks) =>
    normalizeBlocks(blocks, () => state.ids.nextBlockId()),
  );
  const message: FakeMessage = state.botMessage({
    ts,
    ...fields,
    text: storedText(content).slice(0, truncateTextAt),
    ...(scalars.thread_ts === undefined
      ? {}
      : {
          thread_ts: scalars.thread_ts,
          parent_user_id: state.messages.get(channel.id, scalars.thread_ts)?.user,
        }),
    ...(scalars.reply_broadcast && scalars.thread_ts !== undefined
      ? { subtype: 'thread_broadcast' }
      : {}),
  });
  state.messages.add(channel.id, message);
  return { channel: channel.id, ts, message: structuredClone(message) };
}

const ephemeralArgs = z.object({
  channel: formString.optional(),
  user: formString.optional(),
  thread_ts: formString.optional(),
});

export function postEphemeral({ state, args }: MethodContext): MethodResult {
  state.workspace.requireScope('chat:write');
  const scalars = parseArgs(ephemeralArgs, args);
  const channel = state.workspace.postableChannel(scalars.channel);
  if (scalars.user === undefined || !state.workspace.isMember(channel, scalars.user)) {
    throw new SlackApiError('user_not_in_channel');
  }
  const content = readContent(args);
  requireContent(content);
  if ((content.text?.length ?? 0) > maxEditableTextLength) {
    throw new SlackApiError('msg_too_long');
  }

  const messageTs = state.ids.nextTs();
  state.ephemerals.push({
    channel: channel.id,
    user: scalars.user,
    messageTs,
    source: 'chat.postEphemeral',
    ...(content.text === undefined ? {} : { text: content.text }),
    ...(content.blocks === undefined ? {} : { blocks: content.blocks }),
    ...(scalars.thread_ts === undefined ? {} : { threadTs: scalars.thread_ts }),
  });
  return { message_ts: messageTs };
}
