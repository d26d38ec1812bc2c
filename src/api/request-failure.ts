import { BotError } from '../errors.js';
import type { TransportError } from './http-exchange.js';

/** The request a failure belongs to. */
export interface FailedRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path relative to `/v1.0/appkeys/{appKey}`. */
  path: string;
  timeoutMs: number;
  attempts: number;
}

/**
 * Maps a request that got no response to a `BotError`:
 * - a POST that may have reached the server (timeout, connection lost after it opened) becomes
 *   `ERR_CREATE_OUTCOME_UNKNOWN`, because the resource may exist and the caller must reconcile
 *   by listing before it creates again;
 * - a POST whose connection could not be opened (refused, host not found) becomes
 *   `ERR_EASYMAKER_HTTP`: no byte left the client, so nothing was created;
 * - any other timeout becomes `ERR_EASYMAKER_TIMEOUT`, and any other failure `ERR_EASYMAKER_HTTP`.
 */
export function toRequestFailure(request: FailedRequest, error: TransportError): BotError {
  const context = {
    method: request.method,
    path: request.path,
    errorCode: error.code,
    attempts: request.attempts,
  };
  const subject = `EasyMaker API ${request.method} ${request.path}`;
  const problem =
    error.kind === 'timeout'
      ? `timed out after ${request.timeoutMs} ms`
      : `failed: ${error.message} (${error.code})`;

  if (request.method === 'POST' && error.kind !== 'not-sent') {
    return new BotError(
      'ERR_CREATE_OUTCOME_UNKNOWN',
      `${subject} ${problem}; the resource may or may not have been created, so list it before ` +
        'creating it again',
      { cause: error, context },
    );
  }
  const attempts = request.attempts > 1 ? ` (${request.attempts} attempts)` : '';
  return new BotError(
    error.kind === 'timeout' ? 'ERR_EASYMAKER_TIMEOUT' : 'ERR_EASYMAKER_HTTP',
    `${subject} ${problem}${attempts}`,
    { cause: error, context },
  );
}

/**
 * Maps a create whose response has a 5xx status and no valid envelope to
 * `ERR_CREATE_OUTCOME_UNKNOWN`. Such responses usually come from a gateway (502, 504) that may
 * have passed the request on before it failed, so the resource may exist.
 */
export function toCreateOutcomeUnknown(
  path: string,
  httpStatus: number,
  cause: BotError,
): BotError {
  return new BotError(
    'ERR_CREATE_OUTCOME_UNKNOWN',
    `EasyMaker API POST ${path} returned HTTP ${httpStatus} without a valid envelope; the ` +
      'resource may or may not have been created, so list it before creating it again',
    { cause, context: { method: 'POST', path, httpStatus } },
  );
}
