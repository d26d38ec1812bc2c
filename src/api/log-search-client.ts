import { z } from 'zod';
import { BotError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { AccessTokenProvider } from './access-token-provider.js';
import { envelopeHeaderSchema, parseEnvelopeHeader } from './envelope.js';
import { type HttpExchange, sendHttpRequest, TransportError } from './http-exchange.js';
import { buildLogSearchBody, type LogSearchRequest } from './log-search-request.js';

/** Log & Crash Search API host of the public NHN Cloud. */
export const defaultLogSearchBaseUrl = 'https://api-lncs-search.nhncloudservice.com';

export interface LogSearchClientOptions {
  /** Default `defaultLogSearchBaseUrl`. */
  baseUrl?: string;
  /** Same User Access Key token as EasyMaker. */
  tokenProvider: AccessTokenProvider;
  /** Default 10000 ms. */
  timeoutMs?: number;
  logger: Logger;
  /** Clock in epoch milliseconds, for the 90-day check; tests inject a fake one. */
  now?: () => number;
}

/** One log record: the fields sent with the log plus `logTime` (epoch ms) and the like. */
export type LogRecord = Record<string, unknown>;

const searchPageSchema = z.object({
  totalItems: z.number().int(),
  pageNumber: z.number().int(),
  pageSize: z.number().int(),
  data: z.array(z.record(z.string(), z.unknown())),
});

export type LogSearchPage = z.infer<typeof searchPageSchema>;

const searchResponseSchema = z.object({ header: envelopeHeaderSchema, body: searchPageSchema });

/**
 * Client of Log & Crash Search v3 (`POST /v3/{appKey}/logs/search`). Each search is sent once;
 * on HTTP 401 with an envelope it is sent once more with a new token. Failures raise
 * `ERR_LOG_SEARCH`, and searches outside the published limits raise `ERR_INPUT_INVALID`.
 */
export class LogSearchClient {
  private readonly baseUrl: string;
  private readonly tokenProvider: AccessTokenProvider;
  private readonly timeoutMs: number;
  private readonly log: Logger;
  private readonly now: () => number;

  constructor(options: LogSearchClientOptions) {
    this.baseUrl = (options.baseUrl ?? defaultLogSearchBaseUrl).replace(/\/+$/, '');
    this.tokenProvider = options.tokenProvider;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.log = options.logger.child({ component: 'log-search-client' });
    this.now = options.now ?? Date.now;
  }

  /** Fetches one page of log records that match a Lucene query. */
  async searchLogs(request: LogSearchRequest): Promise<LogSearchPage> {
    const body = JSON.stringify(buildLogSearchBody(request, this.now()));
    const path = `/v3/${request.appKey}/logs/search`;

    let exchange = await this.send(path, body);
    let decoded = decodeJson(exchange);
    if (exchange.statusCode === 401 && parseEnvelopeHeader(decoded)?.isSuccessful === false) {
      this.tokenProvider.invalidate();
      this.log.info({ path }, 'Log & Crash Search rejected the access token; searching once more');
      exchange = await this.send(path, body);
      decoded = decodeJson(exchange);
    }

    const header = parseEnvelopeHeader(decoded);
    if (!header) {
      throw searchError(`returned HTTP ${exchange.statusCode} without an envelope header`, {
        httpStatus: exchange.statusCode,
      });
    }
    if (!header.isSuccessful) {
      const resultMessage = header.resultMessage ?? '(no resultMessage)';
      throw searchError(`failed: ${header.resultCode} ${resultMessage}`, {
        httpStatus: exchange.statusCode,
        resultCode: header.resultCode,
      });
    }
    const parsed = searchResponseSchema.safeParse(decoded);
    if (!parsed.success) {
      const paths = parsed.error.issues.map((issue) => issue.path.join('.'));
      throw searchError(`returned an invalid body: ${paths.join(', ')}`, {
        httpStatus: exchange.statusCode,
      });
    }
    return parsed.data.body;
  }

  private async send(path: string, body: string): Promise<HttpExchange> {
    const token = await this.tokenProvider.getToken();
    try {
      const exchange = await sendHttpRequest({
        method: 'POST',
        url: `${this.baseUrl}${path}`,
        headers: {
          'X-NHN-Authorization': `Bearer ${token}`,
          'content-type': 'application/json',
          accept: 'application/json',
          'user-agent': 'easymaker-bot',
        },
        body,
        timeoutMs: this.timeoutMs,
      });
      const { statusCode: status, durationMs } = exchange;
      this.log.debug({ path, status, durationMs }, 'Log & Crash Search request finished');
      return exchange;
    } catch (error) {
      if (error instanceof TransportError) {
        const problem =
          error.kind === 'timeout'
            ? `timed out after ${this.timeoutMs} ms`
            : `failed: ${error.message}`;
        throw searchError(problem, { errorCode: error.code }, error);
      }
      throw error;
    }
  }
}

function decodeJson(exchange: HttpExchange): unknown {
  try {
    return JSON.parse(exchange.body);
  } catch {
    throw searchError(`returned HTTP ${exchange.statusCode} with a body that is not JSON`, {
      httpStatus: exchange.statusCode,
    });
  }
}

function searchError(problem: string, context: Record<string, unknown>, cause?: unknown): BotError {
  return new BotError('ERR_LOG_SEARCH', `Log & Crash Search ${problem}`, { cause, context });
}
