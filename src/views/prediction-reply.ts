import type { KnownBlock } from '@slack/types';
import type { EphemeralReply } from './command-replies.js';
import { codeSpan, escapeMrkdwn, truncate } from './mrkdwn.js';

/** Characters of a response shown in the reply; the rest is counted, not shown. */
export const PREDICTION_PREVIEW_CHARACTERS = 2500;

export interface PredictionReplyInput {
  endpointId: string;
  stageName: string;
  modelName: string;
  /** HTTP status of the model server's response. */
  status: number;
  /** Parsed JSON, or text. */
  body: unknown;
  /** True when the inference client read only the first part of a very large response. */
  truncated: boolean;
}

/**
 * Writes JSON for reading in Slack: objects and nested lists one entry per line, and lists of
 * numbers or strings on one line, so a batch of predictions takes one line per instance.
 */
export function formatJson(value: unknown, depth = 0): string {
  const indent = '  '.repeat(depth + 1);
  const closing = '  '.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0 || value.every(isScalar)) {
      return JSON.stringify(value);
    }
    const items = value.map((item) => `${indent}${formatJson(item, depth + 1)}`);
    return `[\n${items.join(',\n')}\n${closing}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) {
      return '{}';
    }
    const lines = entries.map(
      ([key, item]) => `${indent}${JSON.stringify(key)}: ${formatJson(item, depth + 1)}`,
    );
    return `{\n${lines.join(',\n')}\n${closing}}`;
  }
  return JSON.stringify(value) ?? String(value);
}

function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/**
 * Escapes text for a code block and cuts it so that the escaped text has at most `limit`
 * characters, after the last whole line that fits when there is one. Returns the block's text
 * and how many characters of the original were left out.
 */
export function previewText(text: string, limit: number): { shown: string; omitted: number } {
  const characters = [...text];
  let shown = '';
  let count = 0;
  let lineEnd = { shown: '', count: 0 };
  for (const character of characters) {
    const escaped = escapeCodeCharacter(character);
    if (shown.length + escaped.length > limit) {
      break;
    }
    if (character === '\n') {
      lineEnd = { shown, count };
    }
    shown += escaped;
    count += 1;
  }
  if (count < characters.length && lineEnd.count > 0) {
    ({ shown, count } = lineEnd);
  }
  return { shown, omitted: characters.length - count };
}

/** Escapes mrkdwn, and follows a backtick with a zero-width space so none can close the block. */
function escapeCodeCharacter(character: string): string {
  return character === '`' ? '`\u200b' : escapeMrkdwn(character);
}

/** Builds the reply to `/easymaker endpoint predict`: the model server's response, whole or cut. */
export function buildPredictionReply(input: PredictionReplyInput): EphemeralReply {
  const succeeded = input.status >= 200 && input.status < 300;
  const where = `endpoint ${codeSpan(input.endpointId)} · stage ${codeSpan(input.stageName)} · model ${codeSpan(input.modelName || '-')}`;
  const heading = succeeded
    ? `:white_check_mark: Prediction from ${where} · HTTP ${input.status}`
    : `:warning: The model server answered HTTP ${input.status} for ${where}.`;
  const text = typeof input.body === 'string' ? input.body : formatJson(input.body);
  const { shown, omitted } = previewText(text, PREDICTION_PREVIEW_CHARACTERS);
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: truncate(heading, 3000) } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `\`\`\`${codeBlockText(shown, omitted)}\`\`\`` },
    },
  ];
  const notes: string[] = [];
  if (omitted > 0) {
    notes.push(
      `${omitted} more characters not shown (the response has ${[...text].length} characters).`,
    );
  }
  if (input.truncated) {
    notes.push('The response was over 1 MiB, so only its first part was read.');
  }
  if (notes.length > 0) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(escapeMrkdwn(notes.join(' ')), 3000) }],
    });
  }
  return { response_type: 'ephemeral', text: truncate(heading, 3000), blocks };
}

function codeBlockText(shown: string, omitted: number): string {
  if (shown === '') {
    return omitted > 0 ? '…' : '(empty response)';
  }
  return omitted > 0 ? `${shown}\n…` : shown;
}

/** Builds the ephemeral reply to a prediction that was rejected or could not be sent. */
export function buildPredictionFailedReply(message: string): EphemeralReply {
  return { response_type: 'ephemeral', text: `:warning: ${escapeMrkdwn(message)}` };
}
