import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { SimulatedClock } from './clock.js';
import { SimulatorFailure } from './envelope.js';

export interface AuthSettings {
  accessKeyId: string;
  secretAccessKey: string;
  /** Bearer tokens accepted without the OAuth call; also accepted as `X-EasyMaker-Token`. */
  staticAccessTokens: readonly string[];
  tokenLifetimeSeconds: number;
}

/** Response body of the NHN Cloud OAuth token call (no envelope). */
export interface IssuedToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/**
 * Access tokens of the simulator: issues them for a User Access Key (HTTP Basic credentials)
 * and checks the bearer header of later requests. Expiry follows the simulated clock, so
 * advancing the clock past `tokenLifetimeSeconds` expires issued tokens.
 */
export class TokenRegistry {
  /** Issued token -> simulated epoch ms at which it expires. */
  private readonly expiryByToken = new Map<string, number>();

  constructor(
    private readonly settings: AuthSettings,
    private readonly clock: SimulatedClock,
  ) {}

  /** True when `authorization` is `Basic base64(accessKeyId:secretAccessKey)` for the key served. */
  hasValidClientCredentials(authorization: string | undefined): boolean {
    const match = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
    if (!match?.[1]) {
      return false;
    }
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator < 0) {
      return false;
    }
    const id = decoded.slice(0, separator);
    const secret = decoded.slice(separator + 1);
    const idMatches = constantTimeEquals(id, this.settings.accessKeyId);
    const secretMatches = constantTimeEquals(secret, this.settings.secretAccessKey);
    return idMatches && secretMatches;
  }

  issue(): IssuedToken {
    const nowMs = this.clock.nowMs();
    for (const [token, expiresAtMs] of this.expiryByToken) {
      if (expiresAtMs <= nowMs) {
        this.expiryByToken.delete(token);
      }
    }
    const token = randomBytes(24).toString('base64url');
    this.expiryByToken.set(token, nowMs + this.settings.tokenLifetimeSeconds * 1000);
    return {
      access_token: token,
      token_type: 'Bearer',
      expires_in: this.settings.tokenLifetimeSeconds,
    };
  }

  /**
   * Throws an `unauthorized` failure unless the request carries an accepted token:
   * `x-nhn-authorization: Bearer {token}` with an issued, unexpired or static token, or, when
   * `acceptPlatformToken` is set, `X-EasyMaker-Token` equal to a static token.
   */
  authenticate(headers: IncomingHttpHeaders, acceptPlatformToken: boolean): void {
    const authorization = singleHeader(headers['x-nhn-authorization']);
    const platformToken = singleHeader(headers['x-easymaker-token']);
    if (authorization === undefined) {
      if (acceptPlatformToken && platformToken !== undefined) {
        if (this.isStaticToken(platformToken)) {
          return;
        }
        throw new SimulatorFailure('unauthorized', 'X-EasyMaker-Token is invalid');
      }
      throw new SimulatorFailure('unauthorized', 'x-nhn-authorization header is missing');
    }
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) {
      throw new SimulatorFailure(
        'unauthorized',
        'x-nhn-authorization header must have the form "Bearer {accessToken}"',
      );
    }
    if (!this.isAcceptedBearer(match[1])) {
      throw new SimulatorFailure('unauthorized', 'access token is invalid or expired');
    }
  }

  private isAcceptedBearer(token: string): boolean {
    if (this.isStaticToken(token)) {
      return true;
    }
    const expiresAtMs = this.expiryByToken.get(token);
    return expiresAtMs !== undefined && expiresAtMs > this.clock.nowMs();
  }

  private isStaticToken(token: string): boolean {
    return this.settings.staticAccessTokens.some((accepted) => constantTimeEquals(token, accepted));
  }
}

function singleHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function constantTimeEquals(left: string, right: string): boolean {
  const leftBytes = Buffer.from(left, 'utf8');
  const rightBytes = Buffer.from(right, 'utf8');
  if (leftBytes.length !== rightBytes.length) {
    return false;
  }
  return timingSafeEqual(leftBytes, rightBytes);
}
