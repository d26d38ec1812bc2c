import { z } from 'zod';
import type { Logger } from '../logger.js';
import type { AccessTokenProvider } from './access-token-provider.js';
import { checkApiPath } from './api-path.js';
import { EasyMakerTransport } from './easymaker-transport.js';
import { readEnvelope, readEnvelopeHeader } from './envelope.js';
import { type QueryParams, toSearchParams } from './query-params.js';

export interface EasyMakerClientOptions {
  /** API base URL without the `/v1.0/appkeys/...` prefix; see `resolveEasyMakerBaseUrl`. */
  baseUrl: string;
  appKey: string;
  tokenProvider: AccessTokenProvider;
  /** Timeout of one request, response body included; default 10000 ms. */
  timeoutMs?: number;
  /** Max retries of a GET after the first attempt; default 3. */
  readRetries?: number;
  /** Backoff before the first retry of a GET, doubled for each further retry; default 500 ms. */
  retryBaseDelayMs?: number;
  logger: Logger;
}

/**
 * REST client of the EasyMaker API. Paths are relative to `/v1.0/appkeys/{appKey}`, such as
 * `/trainings` or `/trainings/abc123`. The envelope header, not the HTTP status, decides
 * success: `header.isSuccessful: false` raises `EasyMakerApiError`.
 *
 * Retries: only GET is retried (network errors, timeouts, 429 and 5xx, honouring
 * `Retry-After`). POST, PUT and DELETE are sent once, so a caller may retry a stop or a delete
 * knowingly. On HTTP 401 with an envelope, every method invalidates the token and sends the
 * request once more with a new token. The server rejected the first request, so the repeat
 * cannot create or change anything twice.
 */
export class EasyMakerClient {
  private readonly transport: EasyMakerTransport;

  constructor(options: EasyMakerClientOptions) {
    const baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.transport = new EasyMakerTransport({
      appKeyUrl: `${baseUrl}/v1.0/appkeys/${encodeURIComponent(options.appKey)}`,
      tokenProvider: options.tokenProvider,
      timeoutMs: options.timeoutMs ?? 10_000,
      readRetries: options.readRetries ?? 3,
      retryBaseDelayMs: options.retryBaseDelayMs ?? 500,
      logger: options.logger.child({ component: 'easymaker-client' }),
    });
  }

  /**
   * Lists a collection (`GET /trainings`) and validates each item of `{listKey}`. An array in
   * `query` becomes a repeated parameter.
   */
  async list<T>(
    collectionPath: string,
    listKey: string,
    itemSchema: z.ZodType<T>,
    query?: QueryParams,
  ): Promise<T[]> {
    const path = checkApiPath(collectionPath);
    const call = { method: 'GET', path, searchParams: toSearchParams(query) } as const;
    const answer = await this.transport.send(call);
    return readEnvelope(answer.body, listKey, z.array(itemSchema), {
      method: call.method,
      path,
      httpStatus: answer.httpStatus,
    });
  }

  /** Fetches one resource (`GET /trainings/{id}`) and validates `{objectKey}`. */
  async get<T>(itemPath: string, objectKey: string, schema: z.ZodType<T>): Promise<T> {
    const path = checkApiPath(itemPath);
    const answer = await this.transport.send({ method: 'GET', path });
    return readEnvelope(answer.body, objectKey, schema, {
      method: 'GET',
      path,
      httpStatus: answer.httpStatus,
    });
  }

  /**
   * Creates a resource (`POST /trainings`) and validates `{objectKey}` of the response. Null and
   * undefined fields are left out of the body. Sent once: when the outcome cannot be known
   * (timeout, lost connection, 5xx without an envelope) it raises `ERR_CREATE_OUTCOME_UNKNOWN`,
   * and the caller lists the collection to find out whether the resource exists.
   */
  async create<T>(
    collectionPath: string,
    body: Record<string, unknown>,
    objectKey: string,
    schema: z.ZodType<T>,
  ): Promise<T> {
    const path = checkApiPath(collectionPath);
    const answer = await this.transport.send({ method: 'POST', path, body });
    return readEnvelope(answer.body, objectKey, schema, {
      method: 'POST',
      path,
      httpStatus: answer.httpStatus,
    });
  }

  /** Deletes a resource (`DELETE /trainings/{id}`); sent once. */
  async remove(itemPath: string): Promise<void> {
    const path = checkApiPath(itemPath);
    const answer = await this.transport.send({ method: 'DELETE', path });
    readEnvelopeHeader(answer.body, { method: 'DELETE', path, httpStatus: answer.httpStatus });
  }

  /** Stops or starts a resource (`PUT /trainings/{id}/stop`, no body); sent once. */
  async act(itemPath: string, action: 'stop' | 'start'): Promise<void> {
    const path = checkApiPath(`${itemPath}/${action}`);
    const answer = await this.transport.send({ method: 'PUT', path });
    readEnvelopeHeader(answer.body, { method: 'PUT', path, httpStatus: answer.httpStatus });
  }
}
