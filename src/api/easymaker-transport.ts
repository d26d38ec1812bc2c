import { setTimeout as sleep } from 'node:timers/promises';
import { BotError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { AccessTokenProvider } from './access-token-provider.js';
import { parseEnvelopeHeader } from './envelope.js';
import { type HttpExchange, sendHttpRequest, TransportError } from './http-exchange.js';
import { computeRetryDelayMs, isRetryableStatus } from './read-retry.js';
import { omitNullFields } from './request-body.js';
import { toCreateOutcomeUnknown, toRequestFailure } from './request-failure.js';

export interface EasyMakerTransportOptions {
  /** `{baseUrl}/v1.0/appkeys/{appKey}`; call paths are appended to it. */
  appKeyUrl: string;
  tokenProvider: AccessTokenProvider;
  timeoutMs: number;
  readRetries: number;
  retryBaseDelayMs: number;
  logger: Logger;
}

/** One EasyMaker call; `path` is relative to `/v1.0/appkeys/{appKey}` and already checked. */
export interface ApiCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  searchParams?: URLSearchParams;
  body?: Record<string, unknown>;
}

/** A decoded JSON body that has an envelope header, successful or not. */
export interface ApiAnswer {
  body: unknown;
  httpStatus: number;
}

/**
 * Sends EasyMaker calls with the bearer token, retries reads, and renews the token once on an
 * HTTP 401 that carries an envelope. It does not judge the envelope: a failure envelope is
 * returned like a success, and `readEnvelope` raises on it.
 */
export class EasyMakerTransport {
  private readonly options: EasyMakerTransportOptions;
  private readonly log: Logger;

  constructor(options: EasyMakerTransportOptions) {
    this.options = options;
    this.log = options.logger;
  }

  /**
   * Sends a call and returns its decoded body. Only GET is retried (network errors, timeouts,
   * 429 and 5xx, honouring `Retry-After`, at most `readRetries` times). On HTTP 401 with an
   * envelope, any method is sent once more with a new token: the server rejected the first
   * request, so the repeat cannot create or change anything twice.
   */
  async send(call: ApiCall): Promise<ApiAnswer> {
    const maxRetries = call.method === 'GET' ? this.options.readRetries : 0;
    let retries = 0;
    let tokenRenewed = false;

    for (;;) {
      let exchange: HttpExchange;
      try {
        exchange = await this.exchange(call);
      } catch (error) {
        if (!(error instanceof TransportError)) {
          throw error;
        }
        this.log.debug(
          {
            method: call.method,
            path: call.path,
            errorCode: error.code,
            durationMs: error.durationMs,
          },
          'EasyMaker request failed without a response',
        );
        if (retries < maxRetries) {
          retries += 1;
          await this.waitBeforeRetry(call, retries, undefined, { errorCode: error.code });
          continue;
        }
        const failed = { ...call, timeoutMs: this.options.timeoutMs, attempts: retries + 1 };
        throw toRequestFailure(failed, error);
      }

      if (isRetryableStatus(exchange.statusCode) && retries < maxRetries) {
        retries += 1;
        const retryAfter = firstHeaderValue(exchange.headers['retry-after']);
        await this.waitBeforeRetry(call, retries, retryAfter, { status: exchange.statusCode });
        continue;
      }

      const body = this.decodeBody(call, exchange);
      const header = parseEnvelopeHeader(body);
      if (!header) {
        throw this.invalidResponse(call, exchange.statusCode, 'without an envelope header');
      }
      if (exchange.statusCode === 401 && !header.isSuccessful && !tokenRenewed) {
        tokenRenewed = true;
        this.options.tokenProvider.invalidate();
        this.log.info(
          { method: call.method, path: call.path, resultCode: header.resultCode },
          'EasyMaker rejected the access token; sending the request once more with a new token',
        );
        continue;
      }
      return { body, httpStatus: exchange.statusCode };
    }
  }

  private async exchange(call: ApiCall): Promise<HttpExchange> {
    const token = await this.options.tokenProvider.getToken();
    const headers: Record<string, string> = {
      'x-nhn-authorization': `Bearer ${token}`,
      'accept-language': 'en',
      accept: 'application/json',
      'user-agent': 'easymaker-bot',
    };
    let body: string | undefined;
    if (call.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(omitNullFields(call.body));
    }

    const exchange = await sendHttpRequest({
      method: call.method,
      url: `${this.options.appKeyUrl}${call.path}`,
      headers,
      searchParams: call.searchParams,
      body,
      timeoutMs: this.options.timeoutMs,
    });
    this.log.debug(
      {
        method: call.method,
        path: call.path,
        status: exchange.statusCode,
        durationMs: exchange.durationMs,
      },
      'EasyMaker request finished',
    );
    return exchange;
  }

  private async waitBeforeRetry(
    call: ApiCall,
    retry: number,
    retryAfter: string | undefined,
    reason: { status?: number; errorCode?: string },
  ): Promise<void> {
    const delayMs = computeRetryDelayMs(retry, this.options.retryBaseDelayMs, retryAfter);
    const maxRetries = this.options.readRetries;
    this.log.warn(
      { method: call.method, path: call.path, retry, maxRetries, delayMs, ...reason },
      'retrying EasyMaker read',
    );
    await sleep(delayMs);
  }

  private decodeBody(call: ApiCall, exchange: HttpExchange): unknown {
    try {
      return JSON.parse(exchange.body);
    } catch {
      throw this.invalidResponse(call, exchange.statusCode, 'with a body that is not JSON');
    }
  }

  /**
   * Builds the error for a response that is not an envelope. For a POST with a 5xx status it is
   * `ERR_CREATE_OUTCOME_UNKNOWN` instead, because a gateway may have passed the request on.
   */
  private invalidResponse(call: ApiCall, httpStatus: number, problem: string): BotError {
    const error = new BotError(
      'ERR_EASYMAKER_RESPONSE_INVALID',
      `EasyMaker API ${call.method} ${call.path} returned HTTP ${httpStatus} ${problem}`,
      { context: { method: call.method, path: call.path, httpStatus } },
    );
    if (call.method === 'POST' && httpStatus >= 500) {
      return toCreateOutcomeUnknown(call.path, httpStatus, error);
    }
    return error;
  }
}

function firstHeaderValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
