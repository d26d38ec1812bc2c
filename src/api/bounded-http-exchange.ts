import type { IncomingHttpHeaders } from 'node:http';
import { got } from 'got';
import { TransportError, toTransportError } from './http-exchange.js';

/** One HTTP request whose response body is read up to a size limit. */
export interface BoundedHttpRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  searchParams?: URLSearchParams;
  /** Request body. A POST or PUT without one sends an empty body. */
  body?: string | Uint8Array;
  /** Limit of the whole exchange, response body included. */
  timeoutMs: number;
  /** Response bytes kept. Once the body passes this size, the connection is closed. */
  maxBodyBytes: number;
}

/** A response of any status, with the first `maxBodyBytes` of its body. */
export interface BoundedHttpExchange {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** True when the body was longer than `maxBodyBytes` and was cut there. */
  truncated: boolean;
  durationMs: number;
}

/**
 * Sends one request with a got stream and returns the response whatever its status, with
 * binary bodies kept as bytes. It stops reading once the body passes `maxBodyBytes`, so a huge
 * response costs at most that much memory. Retries and redirects are off, as in
 * `sendHttpRequest`. Failures without a response raise `TransportError`.
 */
export function sendBoundedRequest(request: BoundedHttpRequest): Promise<BoundedHttpExchange> {
  const startedAt = performance.now();
  const elapsedMs = () => Math.round(performance.now() - startedAt);
  const hasBody = request.method === 'POST' || request.method === 'PUT';

  return new Promise((resolve, reject) => {
    // A got stream for POST or PUT without a body waits for one to be piped in, so an
    // empty body is passed explicitly.
    const stream = got.stream(request.url, {
      method: request.method,
      headers: request.headers,
      searchParams: request.searchParams,
      body: hasBody ? (request.body ?? '') : undefined,
      throwHttpErrors: false,
      followRedirect: false,
      retry: { limit: 0 },
      timeout: { request: request.timeoutMs },
    });
    let response: { statusCode: number; headers: IncomingHttpHeaders } | undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;

    const finish = (truncated: boolean) => {
      if (settled) {
        return;
      }
      settled = true;
      if (!response) {
        const message = 'the connection closed before a response arrived';
        reject(new TransportError('network', 'ERR_NO_RESPONSE', message, elapsedMs()));
        return;
      }
      resolve({
        statusCode: response.statusCode,
        headers: response.headers,
        body: Buffer.concat(chunks),
        truncated,
        durationMs: elapsedMs(),
      });
    };

    stream.on('response', (incoming: { statusCode: number; headers: IncomingHttpHeaders }) => {
      response = { statusCode: incoming.statusCode, headers: incoming.headers };
    });
    stream.on('data', (chunk: Buffer) => {
      const room = request.maxBodyBytes - size;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        size += room;
        finish(true);
        stream.destroy();
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    });
    stream.on('end', () => finish(false));
    stream.on('error', (error: unknown) => {
      if (!settled) {
        settled = true;
        reject(toTransportError(error, elapsedMs()));
      }
    });
  });
}
