import { RawBody, type RouteResponse } from '../router.js';

/** Builds a plain-text response for the routes that do not return JSON (Object Storage). */
export function textResponse(
  status: number,
  text: string,
  headers: Record<string, string> = {},
): RouteResponse {
  return {
    status,
    body: new RawBody(Buffer.from(text, 'utf8'), 'text/plain; charset=utf-8'),
    headers,
  };
}
