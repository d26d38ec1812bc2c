import type { z } from 'zod';
import { messageBlocks } from './block-schemas.js';
import { modalView } from './view-schema.js';

/**
 * Block Kit validation with Slack's error detail format:
 * `"<problem> [json-pointer:/blocks/0/text/text]"`. Callers add the `[ERROR] ` prefix for
 * `response_metadata.messages`.
 * NOTE: two wordings are copied from Slack responses quoted in Slack's docs and SDK issues
 * ("must be less than 3001 characters", "no more than 50 items allowed"). The wording of the
 * other problems is assumed.
 */

type Issue = z.core.$ZodIssue;

function escapePointerToken(token: PropertyKey): string {
  return String(token).replaceAll('~', '~0').replaceAll('/', '~1');
}

function pointer(prefix: string, path: readonly PropertyKey[]): string {
  return prefix + path.map((token) => `/${escapePointerToken(token)}`).join('');
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function typeOf(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'type' in value) {
    return value.type;
  }
  return undefined;
}

/** Turns one zod issue into Slack detail strings (one per unknown key for strict objects). */
function describeIssue(issue: Issue, prefix: string): string[] {
  const path = issue.path;
  const at = (problem: string, where: readonly PropertyKey[] = path) =>
    `${problem} [json-pointer:${pointer(prefix, where)}]`;
  const parent = path.slice(0, -1);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) {
        return [at(`missing required field: ${String(path.at(-1))}`, parent)];
      }
      return [at(`must provide ${article(issue.expected)}`)];
    case 'too_big':
      if (issue.origin === 'string') {
        return [at(`must be less than ${Number(issue.maximum) + 1} characters`)];
      }
      if (issue.origin === 'array') {
        return [at(`no more than ${Number(issue.maximum)} items allowed`)];
      }
      return [at(`must be less than or equal to ${Number(issue.maximum)}`)];
    case 'too_small':
      if (issue.origin === 'string') {
        return [at(`must be more than ${Number(issue.minimum) - 1} characters`)];
      }
      if (issue.origin === 'array') {
        return [at(`must provide at least ${Number(issue.minimum)} items`)];
      }
      return [at(`must be greater than or equal to ${Number(issue.minimum)}`)];
    case 'unrecognized_keys':
      return issue.keys.map((key) => at(`invalid additional property: ${key}`));
    case 'invalid_union': {
      if (issue.discriminator === undefined) {
        return [at('failed to match all allowed schemas')];
      }
      const type = typeOf(issue.input);
      if (type === undefined) {
        return [at('missing required field: type', parent)];
      }
      return [at(`unsupported type: ${String(type)}`)];
    }
    case 'invalid_value':
      return [at(`must be one of: ${issue.values.map(String).join(', ')}`)];
    case 'invalid_format':
      return [at(`does not match the required format ${issue.format}`)];
    default:
      return [at(issue.message)];
  }
}

function describeIssues(issues: readonly Issue[], prefix: string): string[] {
  return issues.flatMap((issue) => describeIssue(issue, prefix));
}

/** Returns the problems of a message's `blocks`; an empty list means valid. */
export function validateMessageBlocks(blocks: unknown): string[] {
  const result = messageBlocks.safeParse(blocks, { reportInput: true });
  return result.success ? [] : describeIssues(result.error.issues, '/blocks');
}

/** Returns the problems of a modal `view`; an empty list means valid. */
export function validateModalView(view: unknown): string[] {
  const result = modalView.safeParse(view, { reportInput: true });
  return result.success ? [] : describeIssues(result.error.issues, '/view');
}

/** Total `text` length of the `markdown` blocks in a block list. */
export function markdownTextLength(blocks: readonly unknown[]): number {
  let total = 0;
  for (const block of blocks) {
    if (typeOf(block) === 'markdown' && typeof block === 'object' && block !== null) {
      const text = 'text' in block ? block.text : undefined;
      total += typeof text === 'string' ? text.length : 0;
    }
  }
  return total;
}

/** Maximum total `markdown` block text per payload (`msg_blocks_too_long` above it). */
export const maxMarkdownTextLength = 12_000;

/** Prefixes detail strings the way Slack fills `response_metadata.messages`. */
export function toResponseMessages(details: readonly string[]): string[] {
  return details.map((detail) => `[ERROR] ${detail}`);
}
