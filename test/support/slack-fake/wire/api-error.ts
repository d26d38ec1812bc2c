import { z } from 'zod';
import { toResponseMessages } from '../block-kit/validate.js';

/** A Web API failure: answered with HTTP 200 `{ ok: false, error, ...extra }`. */
export class SlackApiError extends Error {
  readonly error: string;
  readonly extra: Record<string, unknown>;

  constructor(error: string, extra: Record<string, unknown> = {}) {
    super(`Slack API error: ${error}`);
    this.name = 'SlackApiError';
    this.error = error;
    this.extra = extra;
  }
}

/** Failure with Block Kit style detail strings in `errors` and `response_metadata.messages`. */
export function detailedError(error: string, details: readonly string[]): SlackApiError {
  return new SlackApiError(error, {
    errors: [...details],
    response_metadata: { messages: toResponseMessages(details) },
  });
}

/** Form fields arrive as strings; JSON bodies carry real booleans and numbers. */
export const formBoolean = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((value) => value === true || value === 'true' || value === '1');

export const formString = z.union([z.string(), z.number()]).transform(String);

export const formInteger = z
  .union([z.number().int(), z.string().regex(/^-?\d+$/)])
  .transform((value) => Number(value));

/** Parses scalar arguments; a wrong type is Slack's `invalid_arguments`. */
export function parseArgs<T extends z.ZodType>(
  schema: T,
  args: Record<string, unknown>,
): z.output<T> {
  const result = schema.safeParse(args);
  if (!result.success) {
    const details = result.error.issues.map(
      (issue) => `${issue.message} [json-pointer:/${issue.path.map(String).join('/')}]`,
    );
    throw detailedError('invalid_arguments', details);
  }
  return result.data;
}

/**
 * Reads an argument that carries JSON: a string in form bodies, a value in JSON bodies.
 * Returns undefined when absent and throws `errorCode` when the string is not valid JSON.
 */
export function jsonArg(args: Record<string, unknown>, name: string, errorCode: string): unknown {
  const value = args[name];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    return value;
  }
  try {
    return JSON.parse(value);
  } catch {
    throw detailedError(errorCode, [`${name} is not valid JSON [json-pointer:/${name}]`]);
  }
}
