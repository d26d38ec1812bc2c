import type { IncomingMessage, ServerResponse } from 'node:http';
import { SimulatorFailure } from './envelope.js';
import { RawBody } from './router.js';

/** Largest request body accepted; a bulk seed of 10,000 items fits well below it. */
export const maxBodyBytes = 10 * 1024 * 1024;

/** Reads the whole request body; throws a `payloadTooLarge` failure above the limit. */
export async function readRequestBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBodyBytes) {
      throw new SimulatorFailure('payloadTooLarge', `request body exceeds ${maxBodyBytes} bytes`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON body; an empty body counts as malformed because every call here needs one. */
export function parseJsonBody(rawBody: string): unknown {
  if (rawBody.trim() === '') {
    throw new SimulatorFailure('malformedJson', 'request body is empty; a JSON body is required');
  }
  try {
    return JSON.parse(rawBody) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SimulatorFailure('malformedJson', `request body is not valid JSON: ${reason}`);
  }
}

/** Decodes a body for the request log: JSON, form fields, the raw text (cut at 1000), or null. */
export function decodeBodyForLog(rawBody: string, contentType: string | undefined): unknown {
  if (rawBody === '') {
    return null;
  }
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(rawBody));
  }
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    return rawBody.slice(0, 1000);
  }
}

/** Converts query parameters to an object; a repeated parameter becomes a list. */
export function queryToObject(query: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    result[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return result;
}

/** Decodes each path segment; throws an `invalidRequest` failure on a bad percent escape. */
export function decodePath(rawPath: string): string {
  try {
    return rawPath
      .split('/')
      .map((segment) => decodeURIComponent(segment))
      .join('/');
  } catch {
    throw new SimulatorFailure('invalidRequest', `path ${rawPath} has an invalid percent escape`);
  }
}

/**
 * Writes a route response: a `RawBody` as it is, anything else as JSON. A 204 response has no
 * body. For HEAD requests Node sends the headers only, so `content-length` stays the body size.
 */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (response.destroyed || response.writableEnded) {
    return;
  }
  if (status === 204) {
    response.writeHead(status, headers);
    response.end();
    return;
  }
  if (body instanceof RawBody) {
    response.writeHead(status, {
      'content-type': body.contentType,
      'content-length': body.bytes.length.toString(),
      ...headers,
    });
    response.end(body.bytes);
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text).toString(),
    ...headers,
  });
  response.end(text);
}
