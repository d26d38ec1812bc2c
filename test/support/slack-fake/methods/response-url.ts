import { z } from 'zod';
import { validateMessageBlocks } from '../block-kit/validate.js';
import { normalizeBlocks } from '../block-kit/view-state.js';
import type { FakeState } from '../state/fake-state.js';
import type { ResponseUrlRecord } from '../state/response-url-store.js';
import type { ResponseUrlPost } from '../types.js';

/**
 * Posts to `response_url`s. Up to 5 posts within 30 minutes; `in_channel` posts become channel
 * messages, `ephemeral` ones (the default) are shown only to the user.
 * NOTE: Slack documents the limits but not the responses. Assumed here: 200 `{"ok":true}`
 * on success, 404 with `expired_url`/`used_url`, 400 with `no_text`/`invalid_blocks`/
 * `invalid_payload`, and `replace_original` defaulting to false.
 */

const responsePayload = z.looseObject({
  text: z.string().optional(),
  blocks: z.array(z.unknown()).optional(),
  response_type: z.enum(['ephemeral', 'in_channel']).optional(),
  replace_original: z.boolean().optional(),
  delete_original: z.boolean().optional(),
  thread_ts: z.string().optional(),
});

type ResponsePayload = z.output<typeof responsePayload>;

export interface ResponseUrlAnswer {
  status: number;
  body: Record<string, unknown>;
}

function parsePayload(body: Buffer): ResponsePayload | undefined {
  try {
    const result = responsePayload.safeParse(JSON.parse(body.toString('utf8')));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

/** Checks the content of a post that shows a message; returns an error response or undefined. */
function contentProblem(payload: ResponsePayload): ResponseUrlAnswer | undefined {
  if ((payload.text ?? '') === '' && payload.blocks === undefined) {
    return { status: 400, body: { ok: false, error: 'no_text' } };
  }
  const problems = payload.blocks === undefined ? [] : validateMessageBlocks(payload.blocks);
  if (problems.length > 0) {
    const messages = problems.map((problem) => `[ERROR] ${problem}`);
    return {
      status: 400,
      body: { ok: false, error: 'invalid_blocks', response_metadata: { messages } },
    };
  }
  return undefined;
}

function applyPost(
  state: FakeState,
  record: ResponseUrlRecord,
  payload: ResponsePayload,
): ResponseUrlAnswer {
  const original = record.messageTs;
  if (payload.delete_original === true) {
    if (original !== undefined && !record.isEphemeral) {
      state.messages.delete(record.channel, original);
    }
    return { status: 200, body: { ok: true } };
  }
  const problem = contentProblem(payload);
  if (problem !== undefined) {
    return problem;
  }
  const blocks =
    payload.blocks === undefined
      ? undefined
      : normalizeBlocks(payload.blocks, () => state.ids.nextBlockId());
  const text = payload.text ?? '';

  if (payload.replace_original === true && original !== undefined) {
    if (record.isEphemeral) {
      const ephemeral = state.ephemerals.find((entry) => entry.messageTs === original);
      if (ephemeral !== undefined) {
        ephemeral.text = text;
        ephemeral.blocks = blocks;
      }
    } else {
      state.messages.update(record.channel, original, { text, blocks }, false);
    }
    return { status: 200, body: { ok: true } };
  }

  if (payload.response_type === 'in_channel') {
    const ts = state.ids.nextTs();
    const threadFields = payload.thread_ts === undefined ? {} : { thread_ts: payload.thread_ts };
    state.messages.add(
      record.channel,
      state.botMessage({ ts, text, ...(blocks ? { blocks } : {}), ...threadFields }),
    );
    return { status: 200, body: { ok: true } };
  }

  state.ephemerals.push({
    channel: record.channel,
    user: record.user,
    messageTs: state.ids.nextTs(),
    text,
    source: 'response_url',
    ...(blocks === undefined ? {} : { blocks }),
    ...(payload.thread_ts === undefined ? {} : { threadTs: payload.thread_ts }),
  });
  return { status: 200, body: { ok: true } };
}

/** Handles a POST to `/response/<id>` and records it for `SlackFake.responseUrlPosts()`. */
export function receiveResponseUrlPost(
  state: FakeState,
  id: string,
  url: string,
  body: Buffer,
): ResponseUrlAnswer {
  const record = state.responseUrls.find(id);
  if (record === undefined) {
    return { status: 404, body: { ok: false, error: 'invalid_url' } };
  }
  const refusal = state.responseUrls.admit(record);
  const payload = parsePayload(body);
  let answer: ResponseUrlAnswer;
  if (refusal !== undefined) {
    answer = { status: 404, body: { ok: false, error: refusal } };
  } else if (payload === undefined) {
    answer = { status: 400, body: { ok: false, error: 'invalid_payload' } };
  } else {
    answer = applyPost(state, record, payload);
  }

  const post: ResponseUrlPost = {
    url,
    channel: record.channel,
    user: record.user,
    body: payload ?? body.toString('utf8'),
    responseType: payload?.response_type ?? 'ephemeral',
    replaceOriginal: payload?.replace_original ?? false,
    deleteOriginal: payload?.delete_original ?? false,
    ...(payload?.thread_ts === undefined ? {} : { threadTs: payload.thread_ts }),
    status: answer.status,
    ...(answer.body.ok === true ? {} : { error: String(answer.body.error) }),
    time: state.now(),
  };
  state.responseUrls.posts.push(post);
  return answer;
}
