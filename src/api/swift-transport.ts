import { setTimeout as sleep } from 'node:timers/promises';
import { BotError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { AccessTokenProvider } from './access-token-provider.js';
import { type BoundedHttpExchange, sendBoundedRequest } from './bounded-http-exchange.js';
import { TransportError } from './http-exchange.js';
import { computeRetryDelayMs, isRetryableStatus } from './read-retry.js';

export interface SwiftTransportOptions {
  tokenProvider: AccessTokenProvider;
  readRetries: number;
  retryBaseDelayMs: number;
  logger: Logger;
}

/** One Object Storage (Swift) call. */
export interface SwiftCall {
  method: 'GET' | 'HEAD' | 'PUT';
  url: string;
  searchParams?: URLSearchParams;
  headers?: Record<string, string>;
  body?: Uint8Array;
  timeoutMs: number;
  /** Response bytes kept, as in `sendBoundedRequest`. */
  maxBodyBytes: number;
}

/**
 * Sends Swift calls with the `X-Auth-Token` header. GET and HEAD are retried like EasyMaker
 * reads (network errors, timeouts, 429 and 5xx, honouring `Retry-After`, at most `readRetries`
 * times). A PUT is retried only when its connection could not be opened, so no byte of it
 * reached the server. On HTTP 401 any call is sent once more with a new token. Responses of
 * any other status are returned for the caller to judge.
 */
export class SwiftTransport {
  private readonly options: SwiftTransportOptions;
  private readonly log: Logger;

  constructor(options: SwiftTransportOptions) {
    this.options = options;
    this.log = options.logger;
  }

  async send(call: SwiftCall): Promise<BoundedHttpExchange> {
    const isRead = call.method !== 'PUT';
    const path = new URL(call.url).pathname;
    let retries = 0;
    let tokenRenewed = false;

    for (;;) {
      let exchange: BoundedHttpExchange;
      try {
        exchange = await this.exchange(call);
      } catch (error) {
        if (!(error instanceof TransportError)) {
          throw error;
        }
        const retryable = isRead || error.kind === 'not-sent';
        if (retryable && retries < this.options.readRetries) {
          retries += 1;
          await this.waitBeforeRetry(call, path, retries, undefined, { errorCode: error.code });
          continue;
        }
        throw toTransportFailure(call, path, error, retries + 1);
      }

      if (isRead && isRetryableStatus(exchange.statusCode)) {
        if (retries < this.options.readRetries) {
          retries += 1;
          const retryAfter = firstHeaderValue(exchange.headers['retry-after']);
          await this.waitBeforeRetry(call, path, retries, retryAfter, {
            status: exchange.statusCode,
          });
          continue;
        }
      }
      if (exchange.statusCode === 401 && !tokenRenewed) {
        tokenRenewed = true;
        this.options.tokenProvider.invalidate();
        this.log.info(
          { method: call.method, path },
          'Object Storage rejected the token; sending the request once more with a new token',
        );
        continue;
      }
      return exchange;
    }
  }

  private async exchange(call: SwiftCall): Promise<BoundedHttpExchange> {
    const token = await this.options.tokenProvider.getToken();
    const exchange = await sendBoundedRequest({
      method: call.method,
      url: call.url,
      headers: { ...call.headers, 'x-auth-token': token, 'user-agent': 'easymaker-bot' },
      searchParams: call.searchParams,
      body: call.body,
      timeoutMs: call.timeoutMs,
      maxBodyBytes: call.maxBodyBytes,
    });
    this.log.debug(
      {
        method: call.method,
        path: new URL(call.url).pathname,
        status: exchange.statusCode,
        durationMs: exchange.durationMs,
      },
      'Object Storage request finished',
    );
    return exchange;
  }

  private async waitBeforeRetry(
    call: SwiftCall,
    path: string,
    retry: number,
    retryAfter: string | undefined,
    reason: { status?: number; errorCode?: string },
  ): Promise<void> {
    const delayMs = computeRetryDelayMs(retry, this.options.retryBaseDelayMs, retryAfter);
    const maxRetries = this.options.readRetries;
    this.log.warn(
      { method: call.method, path, retry, maxRetries, delayMs, ...reason },
      'retrying Object Storage request',
    );
    await sleep(delayMs);
  }
}

function toTransportFailure(
  call: SwiftCall,
  path: string,
  error: TransportError,
  attempts: number,
): BotError {
  const problem =
    error.kind === 'timeout'
      ? `timed out after ${call.timeoutMs} ms`
      : `failed: ${error.message} (${error.code})`;
  const attemptsText = attempts > 1 ? ` (${attempts} attempts)` : '';
  return new BotError(
    'ERR_OBJECT_STORAGE',
    `Object Storage ${call.method} ${path} ${problem}${attemptsText}`,
    { cause: error, context: { method: call.method, path, errorCode: error.code, attempts } },
  );
}

function firstHeaderValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
