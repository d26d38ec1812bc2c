import { z } from 'zod';
import { BotError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { AccessTokenProvider } from './access-token-provider.js';
import { type HttpExchange, sendHttpRequest, TransportError } from './http-exchange.js';
import { createRenewingTokenProvider } from './renewing-token-provider.js';

export interface IdentityTokenProviderOptions {
  /** Identity service base URL, such as `https://api-identity-infrastructure.nhncloudservice.com`. */
  identityUrl: string;
  tenantId: string;
  /** NHN Cloud account (user id) that owns the Object Storage API password. */
  username: string;
  /** Object Storage API password, which never reaches a log line or an error. */
  password: string;
  logger: Logger;
  /** Seconds before expiry at which the token is renewed; default 600. */
  renewBeforeSeconds?: number;
  /** Clock in epoch milliseconds; tests inject a fake one. */
  now?: () => number;
  /** Timeout of the token request; default 10000 ms. */
  timeoutMs?: number;
}

const identityResponseSchema = z.object({
  access: z.object({
    token: z.object({
      id: z.string().min(1),
      /** UTC, such as `2025-05-28T04:44:46Z`. */
      expires: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'invalid date'),
    }),
  }),
});

/**
 * Creates a provider of Object Storage (Swift) tokens from the NHN Cloud identity service:
 * `POST {identityUrl}/v2.0/tokens` with the tenant id, the user name and the Object Storage API
 * password, which returns `access.token.id` and `access.token.expires`. It caches the token
 * and renews it when fewer than `renewBeforeSeconds` remain (tokens that live shorter than
 * that are renewed at half their lifetime). Concurrent callers share one request, and a failed
 * renewal keeps the cached token while it has not expired. Failures raise
 * `ERR_OBJECT_STORAGE_AUTH`.
 */
export function createIdentityTokenProvider(
  options: IdentityTokenProviderOptions,
): AccessTokenProvider {
  return createRenewingTokenProvider({
    requestToken: async () => {
      const { id, expires } = await requestToken(options);
      return { token: id, expiresAtMs: Date.parse(expires) };
    },
    renewBeforeMs: (options.renewBeforeSeconds ?? 600) * 1000,
    now: options.now ?? Date.now,
    log: options.logger.child({ component: 'identity-token-provider' }),
    issuedLog: (issued) => ({
      fields: { tenantId: options.tenantId, expires: new Date(issued.expiresAtMs).toISOString() },
      message: 'Object Storage token issued',
    }),
    renewalFailedMessage: 'Object Storage token renewal failed; the cached token is valid',
  });
}

async function requestToken(
  options: IdentityTokenProviderOptions,
): Promise<{ id: string; expires: string }> {
  const url = `${options.identityUrl.replace(/\/+$/, '')}/v2.0/tokens`;
  const context = { identityUrl: options.identityUrl, tenantId: options.tenantId };
  const body = {
    auth: {
      tenantId: options.tenantId,
      passwordCredentials: { username: options.username, password: options.password },
    },
  };
  let exchange: HttpExchange;
  try {
    exchange = await sendHttpRequest({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      timeoutMs: options.timeoutMs ?? 10_000,
    });
  } catch (error) {
    const reason = error instanceof TransportError ? error.message : 'request failed';
    throw new BotError(
      'ERR_OBJECT_STORAGE_AUTH',
      `Object Storage token request failed: ${reason}`,
      {
        cause: error,
        context,
      },
    );
  }

  const httpStatus = exchange.statusCode;
  if (httpStatus < 200 || httpStatus >= 300) {
    throw new BotError(
      'ERR_OBJECT_STORAGE_AUTH',
      `Object Storage token request failed: HTTP ${httpStatus}; check the tenant ID, the user ` +
        'name and the Object Storage API password',
      { context: { ...context, httpStatus } },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(exchange.body);
  } catch {
    // The parser's message quotes part of the body, so it stays out of the error.
    throw new BotError(
      'ERR_OBJECT_STORAGE_AUTH',
      `Object Storage token response is not JSON (HTTP ${httpStatus})`,
      { context: { ...context, httpStatus } },
    );
  }
  const parsed = identityResponseSchema.safeParse(json);
  if (!parsed.success) {
    const paths = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
    throw new BotError(
      'ERR_OBJECT_STORAGE_AUTH',
      `Object Storage token response is invalid (HTTP ${httpStatus}): ${paths.join(', ')}`,
      { context: { ...context, httpStatus } },
    );
  }
  return parsed.data.access.token;
}
