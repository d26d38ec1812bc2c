import { z } from 'zod';
import { BotError } from '../errors.js';
import type { Logger } from '../logger.js';
import { sendHttpRequest, TransportError } from './http-exchange.js';
import { createRenewingTokenProvider } from './renewing-token-provider.js';

/** Source of the bearer token sent to EasyMaker and Log & Crash Search. */
export interface AccessTokenProvider {
  /** Returns a token that is valid now, fetching a new one when needed. */
  getToken(): Promise<string>;
  /** Drops the cached token, so the next `getToken()` fetches a new one (used after HTTP 401). */
  invalidate(): void;
}

/** Creates a provider of one fixed token issued outside the bot; `invalidate()` does nothing. */
export function createStaticTokenProvider(token: string): AccessTokenProvider {
  return {
    getToken: async () => token,
    invalidate: () => {},
  };
}

export interface UserAccessKeyTokenProviderOptions {
  /** NHN Cloud OAuth base URL, such as `https://oauth.api.nhncloudservice.com`. */
  oauthUrl: string;
  accessKeyId: string;
  secretAccessKey: string;
  logger: Logger;
  /** Seconds before expiry at which the token is renewed; default 3600. */
  renewBeforeSeconds?: number;
  /** Clock in epoch milliseconds; tests inject a fake one. */
  now?: () => number;
  /** Timeout of the token request; default 10000 ms. */
  timeoutMs?: number;
}

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().positive(),
});

/**
 * Creates a provider that exchanges a User Access Key for a bearer token with
 * `POST {oauthUrl}/oauth2/token/create` (client credentials, HTTP Basic auth). It caches the
 * token, renews it `renewBeforeSeconds` before it expires, and lets concurrent callers share one
 * in-flight request. When a renewal fails while the cached token has not yet expired, it logs a
 * warning and keeps using the cached token.
 */
export function createUserAccessKeyTokenProvider(
  options: UserAccessKeyTokenProviderOptions,
): AccessTokenProvider {
  const now = options.now ?? Date.now;
  return createRenewingTokenProvider({
    requestToken: async () => {
      const requestedAtMs = now();
      const tokenResponse = await requestToken(options);
      return {
        token: tokenResponse.access_token,
        expiresAtMs: requestedAtMs + tokenResponse.expires_in * 1000,
      };
    },
    renewBeforeMs: (options.renewBeforeSeconds ?? 3600) * 1000,
    now,
    log: options.logger.child({ component: 'access-token-provider' }),
    issuedLog: (issued) => ({
      fields: { expiresInSeconds: Math.round((issued.expiresAtMs - now()) / 1000) },
      message: 'access token issued',
    }),
    renewalFailedMessage: 'access token renewal failed; the cached token is still valid',
  });
}

async function requestToken(
  options: UserAccessKeyTokenProviderOptions,
): Promise<z.infer<typeof tokenResponseSchema>> {
  const url = `${options.oauthUrl.replace(/\/+$/, '')}/oauth2/token/create`;
  const credentials = Buffer.from(`${options.accessKeyId}:${options.secretAccessKey}`).toString(
    'base64',
  );
  let exchange: Awaited<ReturnType<typeof sendHttpRequest>>;
  try {
    exchange = await sendHttpRequest({
      method: 'POST',
      url,
      headers: {
        authorization: `Basic ${credentials}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
      timeoutMs: options.timeoutMs ?? 10_000,
    });
  } catch (error) {
    const reason = error instanceof TransportError ? error.message : 'request failed';
    throw new BotError('ERR_EASYMAKER_AUTH', `Access token request failed: ${reason}`, {
      cause: error,
      context: { oauthUrl: options.oauthUrl },
    });
  }

  if (exchange.statusCode < 200 || exchange.statusCode >= 300) {
    throw new BotError(
      'ERR_EASYMAKER_AUTH',
      `Access token request failed: HTTP ${exchange.statusCode}; check the User Access Key ID and secret`,
      { context: { oauthUrl: options.oauthUrl, httpStatus: exchange.statusCode } },
    );
  }

  let json: unknown;
  try {
    json = JSON.parse(exchange.body);
  } catch {
    // The parser's message quotes part of the body, so it stays out of the error.
    throw new BotError(
      'ERR_EASYMAKER_AUTH',
      `Access token response is not JSON (HTTP ${exchange.statusCode})`,
      { context: { oauthUrl: options.oauthUrl, httpStatus: exchange.statusCode } },
    );
  }
  const parsed = tokenResponseSchema.safeParse(json);
  if (!parsed.success) {
    const paths = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
    throw new BotError(
      'ERR_EASYMAKER_AUTH',
      `Access token response is invalid (HTTP ${exchange.statusCode}): ${paths.join(', ')}`,
      { context: { oauthUrl: options.oauthUrl, httpStatus: exchange.statusCode } },
    );
  }
  return parsed.data;
}
