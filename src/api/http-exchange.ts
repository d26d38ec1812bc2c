import type { IncomingHttpHeaders } from 'node:http';
import { got, RequestError, TimeoutError } from 'got';

/** One HTTP request as the API clients send it; the body is already serialised. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  searchParams?: URLSearchParams;
  body?: string;
  timeoutMs: number;
}

/** A response of any status, with its body as text. */
export interface HttpExchange {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: string;
  durationMs: number;
}

/**
 * Kind of failure of a request without a response. `timeout`: no complete response in time.
 * `not-sent`: the connection could not be opened, so the server received no byte. `network`:
 * the connection broke after it was opened, so the server may have received the request.
 */
export type TransportFailureKind = 'timeout' | 'not-sent' | 'network';

/** Socket error codes raised before a connection exists, so before any request byte left. */
const notSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

/**
 * A request that got no response. It keeps only the error code and message of the underlying
 * got error, because got errors carry the request options, headers and token included.
 */
export class TransportError extends Error {
  readonly kind: TransportFailureKind;
  readonly code: string;
  readonly durationMs: number;

  constructor(kind: TransportFailureKind, code: string, message: string, durationMs: number) {
    super(message);
    this.name = 'TransportError';
    this.kind = kind;
    this.code = code;
    this.durationMs = durationMs;
  }
}

/**
 * Sends one request with got and returns the response whatever its status. Got's own retries
 * and redirects are off: callers decide on retries, and a redirect would carry the token
 * header to whatever host the `Location` names.
 */
export async function sendHttpRequest(request: HttpRequest): Promise<HttpExchange> {
  const startedAt = performance.now();
  try {
    const response = await got(request.url, {
      method: request.method,
      headers: request.headers,
      searchParams: request.searchParams,
      body: request.body,
      responseType: 'text',
      throwHttpErrors: false,
      followRedirect: false,
      retry: { limit: 0 },
      timeout: { request: request.timeoutMs },
    });
    return {
      statusCode: response.statusCode,
      headers: response.headers,
      body: response.body,
      durationMs: Math.round(performance.now() - startedAt),
    };
  } catch (error) {
    throw toTransportError(error, Math.round(performance.now() - startedAt));
  }
}

/** Maps an error thrown by got to a `TransportError` that keeps only its code and message. */
export function toTransportError(error: unknown, durationMs: number): TransportError {
  if (error instanceof TimeoutError) {
    return new TransportError('timeout', error.code, error.message, durationMs);
  }
  if (error instanceof RequestError) {
    const kind = notSentCodes.has(error.code) ? 'not-sent' : 'network';
    return new TransportError(kind, error.code, error.message, durationMs);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new TransportError('network', 'ERR_UNKNOWN', message, durationMs);
}
