import { z } from 'zod';
import { BotError } from '../errors.js';
import { EasyMakerApiError } from './easymaker-api-error.js';

/** `header` of every EasyMaker response; the payload sits in one key beside it. */
export const envelopeHeaderSchema = z.object({
  isSuccessful: z.boolean(),
  resultCode: z.number().int(),
  resultMessage: z.string().nullish(),
});

export type EnvelopeHeader = z.infer<typeof envelopeHeaderSchema>;

/** The request a response belongs to, for error messages. */
export interface EnvelopeRequest {
  method: string;
  /** Path relative to `/v1.0/appkeys/{appKey}`. */
  path: string;
  httpStatus: number;
}

const envelopeSchema = z.object({ header: envelopeHeaderSchema });

/** Returns the envelope header of a decoded body, or `undefined` when it has none. */
export function parseEnvelopeHeader(body: unknown): EnvelopeHeader | undefined {
  const parsed = envelopeSchema.safeParse(body);
  return parsed.success ? parsed.data.header : undefined;
}

/** Number of zod issues quoted in an error message; the rest are counted. */
const quotedIssueCount = 5;

/**
 * Checks the envelope header of a decoded response body and returns it. Raises
 * `ERR_EASYMAKER_RESPONSE_INVALID` when the header is missing or malformed, and
 * `EasyMakerApiError` when `header.isSuccessful` is false, whatever the HTTP status.
 */
export function readEnvelopeHeader(body: unknown, request: EnvelopeRequest): EnvelopeHeader {
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success) {
    throw invalidResponseError(request, 'header', '', parsed.error);
  }
  const { header } = parsed.data;
  if (!header.isSuccessful) {
    throw new EasyMakerApiError({
      resultCode: header.resultCode,
      resultMessage: header.resultMessage ?? '(no resultMessage)',
      httpStatus: request.httpStatus,
      method: request.method,
      path: request.path,
    });
  }
  return header;
}

/**
 * Checks the envelope header, then validates the payload under `key` (such as `training` or
 * `trainingList`) with `schema` and returns it. Unknown keys are stripped by the schema.
 */
export function readEnvelope<T>(
  body: unknown,
  key: string,
  schema: z.ZodType<T>,
  request: EnvelopeRequest,
): T {
  readEnvelopeHeader(body, request);
  const payload = (body as Record<string, unknown>)[key];
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw invalidResponseError(request, key, key, parsed.error);
  }
  return parsed.data;
}

/** Builds the error for a response that fails `schema`; `rootPath` prefixes the issue paths. */
function invalidResponseError(
  request: EnvelopeRequest,
  key: string,
  rootPath: string,
  error: z.ZodError,
): BotError {
  const issuePaths = error.issues.map((issue) => formatIssuePath(rootPath, issue.path));
  const issues = error.issues.map((issue, index) => `${issuePaths[index]}: ${issue.message}`);
  const quoted = issues.slice(0, quotedIssueCount).join('; ');
  const more =
    issues.length > quotedIssueCount ? ` (${issues.length - quotedIssueCount} more)` : '';
  return new BotError(
    'ERR_EASYMAKER_RESPONSE_INVALID',
    `EasyMaker API ${request.method} ${request.path} returned an invalid "${key}" ` +
      `(HTTP ${request.httpStatus}): ${quoted}${more}`,
    {
      context: {
        method: request.method,
        path: request.path,
        httpStatus: request.httpStatus,
        key,
        issuePaths,
      },
    },
  );
}

/** Formats a zod issue path such as `trainingList[0].flavor.id`; an empty path is `(root)`. */
function formatIssuePath(rootPath: string, path: readonly PropertyKey[]): string {
  let formatted = rootPath;
  for (const segment of path) {
    if (typeof segment === 'number') {
      formatted += `[${segment}]`;
    } else {
      formatted += formatted === '' ? String(segment) : `.${String(segment)}`;
    }
  }
  return formatted === '' ? '(root)' : formatted;
}
