import type { Logger } from '../logger.js';
import type { AccessTokenProvider } from './access-token-provider.js';

/** A token as its issuer returned it, with the moment it expires. */
export interface IssuedToken {
  token: string;
  expiresAtMs: number;
}

export interface RenewingTokenProviderOptions {
  /** Requests a new token from the issuer. */
  requestToken(): Promise<IssuedToken>;
  /** Milliseconds before expiry at which the token is renewed. */
  renewBeforeMs: number;
  /** Clock in epoch milliseconds. */
  now: () => number;
  log: Logger;
  /** Log fields and the phrase logged when a token is issued. */
  issuedLog(issued: IssuedToken): { fields: Record<string, unknown>; message: string };
  /** Message logged when a renewal fails while the cached token is still valid. */
  renewalFailedMessage: string;
}

interface CachedToken {
  token: string;
  renewAtMs: number;
  expiresAtMs: number;
}

/**
 * Creates a provider that caches a token and renews it `renewBeforeMs` before it expires. A
 * token that lives shorter than that margin is renewed at half its lifetime, so not every call
 * fetches a new one. Concurrent callers share one in-flight request, and a failed renewal keeps
 * the cached token while it has not expired.
 */
export function createRenewingTokenProvider(
  options: RenewingTokenProviderOptions,
): AccessTokenProvider {
  const { now, log } = options;
  let cached: CachedToken | undefined;
  let inFlight: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    const requestedAtMs = now();
    try {
      const issued = await options.requestToken();
      const lifetimeMs = issued.expiresAtMs - requestedAtMs;
      const renewAtMs =
        lifetimeMs > options.renewBeforeMs
          ? issued.expiresAtMs - options.renewBeforeMs
          : requestedAtMs + lifetimeMs / 2;
      cached = { token: issued.token, renewAtMs, expiresAtMs: issued.expiresAtMs };
      const entry = options.issuedLog(issued);
      log.info(entry.fields, entry.message);
      return issued.token;
    } catch (error) {
      if (cached && now() < cached.expiresAtMs) {
        log.warn({ err: error }, options.renewalFailedMessage);
        return cached.token;
      }
      throw error;
    }
  }

  return {
    getToken: async () => {
      if (cached && now() < cached.renewAtMs) {
        return cached.token;
      }
      if (!inFlight) {
        inFlight = fetchToken().finally(() => {
          inFlight = undefined;
        });
      }
      return inFlight;
    },
    invalidate: () => {
      cached = undefined;
    },
  };
}
