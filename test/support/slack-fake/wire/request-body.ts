import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';

/** Decoding of Web API requests and encoding of answers, as `slack.com/api` does it. */

export type BodyError =
  | 'invalid_json'
  | 'json_not_object'
  | 'invalid_post_type'
  | 'invalid_form_data';

export interface DecodedRequest {
  args: Record<string, unknown>;
  token?: string;
  isJson: boolean;
  /** JSON body sent without `; charset=utf-8`. Slack answers with a `missing_charset` warning. */
  missingCharset: boolean;
  bodyError?: BodyError;
}

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function firstValues(
  parsed: Record<string, string | string[] | undefined>,
): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    args[key] = Array.isArray(value) ? value[0] : value;
  }
  return args;
}

async function decodeMultipart(
  body: Buffer,
  contentType: string,
): Promise<Record<string, unknown>> {
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  const args: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    args[key] = typeof value === 'string' ? value : Buffer.from(await value.arrayBuffer());
  }
  return args;
}

function decodeJson(body: Buffer): { args: Record<string, unknown>; error?: BodyError } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { args: {}, error: 'invalid_json' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { args: {}, error: 'json_not_object' };
  }
  return { args: { ...parsed } };
}

function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/**
 * Decodes arguments and token. Form, multipart and query arguments may carry `token`; a JSON
 * body may not, so JSON callers must send the `Authorization` header.
 */
export async function decodeApiRequest(
  request: IncomingMessage,
  body: Buffer,
  url: URL,
): Promise<DecodedRequest> {
  const contentType = request.headers['content-type'];
  const type = mediaType(contentType);
  const queryArgs = Object.fromEntries(url.searchParams.entries());
  let args: Record<string, unknown> = { ...queryArgs };
  let isJson = false;
  let bodyError: BodyError | undefined;

  if (type === 'application/json') {
    isJson = true;
    const decoded = decodeJson(body);
    bodyError = decoded.error;
    args = { ...args, ...decoded.args };
  } else if (type === 'application/x-www-form-urlencoded') {
    args = { ...args, ...firstValues(parseQuery(body.toString('utf8'))) };
  } else if (type === 'multipart/form-data') {
    try {
      args = { ...args, ...(await decodeMultipart(body, contentType ?? '')) };
    } catch {
      bodyError = 'invalid_form_data';
    }
  } else if (body.length > 0) {
    bodyError = 'invalid_post_type';
  }

  const headerToken = bearerToken(request);
  const fieldToken = !isJson && typeof args.token === 'string' ? args.token : undefined;
  const { token: _ignored, ...withoutToken } = args;
  const token = headerToken ?? fieldToken;
  return {
    args: withoutToken,
    ...(token === undefined ? {} : { token }),
    isJson,
    missingCharset: isJson && !/charset=/i.test(contentType ?? ''),
    ...(bodyError === undefined ? {} : { bodyError }),
  };
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}
