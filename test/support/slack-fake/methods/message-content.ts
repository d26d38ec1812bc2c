import { z } from 'zod';
import {
  markdownTextLength,
  maxMarkdownTextLength,
  validateMessageBlocks,
} from '../block-kit/validate.js';
import type { FakeMessage, MessageMetadata } from '../types.js';
import { detailedError, jsonArg, SlackApiError } from '../wire/api-error.js';

/** Content arguments shared by `chat.postMessage`, `chat.update` and `chat.postEphemeral`. */
export interface MessageContent {
  text?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  markdownText?: string;
  metadata?: MessageMetadata;
}

/**
 * Message metadata as `chat.postMessage` accepts it.
 * NOTE: the error codes `invalid_metadata_format` (not JSON) and `invalid_metadata_schema`
 * (wrong shape) are assumed from Slack's method docs.
 */
const metadataSchema = z.strictObject({
  event_type: z.string().min(1).max(255),
  event_payload: z.record(z.string(), z.unknown()),
});

const maxAttachments = 100;

function nonEmptyString(value: unknown): string | undefined {
  if (typeof value === 'number') {
    return String(value);
  }
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function readBlocks(args: Record<string, unknown>): unknown[] | undefined {
  const blocks = jsonArg(args, 'blocks', 'invalid_blocks_format');
  if (blocks === undefined) {
    return undefined;
  }
  if (!Array.isArray(blocks)) {
    throw detailedError('invalid_blocks_format', ['must provide an array [json-pointer:/blocks]']);
  }
  const problems = validateMessageBlocks(blocks);
  if (problems.length > 0) {
    throw detailedError('invalid_blocks', problems);
  }
  if (markdownTextLength(blocks) > maxMarkdownTextLength) {
    throw new SlackApiError('msg_blocks_too_long');
  }
  return blocks;
}

function readAttachments(args: Record<string, unknown>): unknown[] | undefined {
  const attachments = jsonArg(args, 'attachments', 'invalid_attachments');
  if (attachments === undefined) {
    return undefined;
  }
  if (!Array.isArray(attachments)) {
    throw new SlackApiError('invalid_attachments');
  }
  if (attachments.length > maxAttachments) {
    throw new SlackApiError('too_many_attachments');
  }
  return attachments;
}

function readMetadata(args: Record<string, unknown>): MessageMetadata | undefined {
  const metadata = jsonArg(args, 'metadata', 'invalid_metadata_format');
  if (metadata === undefined) {
    return undefined;
  }
  const result = metadataSchema.safeParse(metadata);
  if (!result.success) {
    throw new SlackApiError('invalid_metadata_schema');
  }
  return result.data;
}

/** Decodes and validates the content arguments; absent ones stay undefined. */
export function readContent(args: Record<string, unknown>): MessageContent {
  const text = nonEmptyString(args.text);
  const markdownText = nonEmptyString(args.markdown_text);
  const blocks = readBlocks(args);
  const attachments = readAttachments(args);
  const metadata = readMetadata(args);
  if (markdownText !== undefined && (text !== undefined || blocks !== undefined)) {
    throw new SlackApiError('markdown_text_conflict');
  }
  return {
    ...(text === undefined ? {} : { text }),
    ...(markdownText === undefined ? {} : { markdownText }),
    ...(blocks === undefined ? {} : { blocks }),
    ...(attachments === undefined ? {} : { attachments }),
    ...(metadata === undefined ? {} : { metadata }),
  };
}

/**
 * Throws `no_text` unless the content has text, non-empty blocks, attachments or markdown_text.
 * NOTE: an empty `blocks` list is assumed to count as no content, as an empty `text` does.
 */
export function requireContent(content: MessageContent): void {
  const { text, blocks, attachments, markdownText } = content;
  const hasBlocks = blocks !== undefined && blocks.length > 0;
  if (text === undefined && !hasBlocks && attachments === undefined && markdownText === undefined) {
    throw new SlackApiError('no_text');
  }
}

/** Message text as stored: the text, or the markdown source, or empty for blocks only. */
export function storedText(content: MessageContent): string {
  return content.text ?? content.markdownText ?? '';
}

/** Message fields that come from the content, for building or updating a stored message. */
export function contentFields(
  content: MessageContent,
  normalize: (blocks: unknown[]) => unknown[],
): Partial<FakeMessage> {
  return {
    text: storedText(content),
    ...(content.blocks === undefined ? {} : { blocks: normalize(content.blocks) }),
    ...(content.attachments === undefined ? {} : { attachments: content.attachments }),
    ...(content.metadata === undefined ? {} : { metadata: content.metadata }),
  };
}
