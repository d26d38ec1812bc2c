import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { SimulatedClock } from '../clock.js';

export interface ObjectStorageSettings {
  /** The one Object Storage tenant (project) served; its account is `AUTH_{tenantId}`. */
  tenantId: string;
  /** NHN Cloud account name accepted by the identity token call. */
  username: string;
  /** Object Storage API password of that account. */
  password: string;
}

// NOTE: the lifetime of identity tokens is not published; 12 hours is assumed.
const tokenLifetimeMs = 12 * 60 * 60 * 1000;

/**
 * Identity tokens of the simulated Object Storage: issued for the configured tenant and
 * credentials and accepted as `X-Auth-Token` until they expire on the simulated clock.
 */
export class IdentityTokenRegistry {
  private readonly expiryByToken = new Map<string, number>();

  constructor(
    private readonly settings: ObjectStorageSettings,
    private readonly clock: SimulatedClock,
  ) {}

  /** True when the tenant, user name and password are the configured ones. */
  hasValidCredentials(tenantId: string, username: string, password: string): boolean {
    const tenantMatches = constantTimeEquals(tenantId, this.settings.tenantId);
    const userMatches = constantTimeEquals(username, this.settings.username);
    const passwordMatches = constantTimeEquals(password, this.settings.password);
    return tenantMatches && userMatches && passwordMatches;
  }

  issue(): { id: string; issuedAtMs: number; expiresAtMs: number } {
    const nowMs = this.clock.nowMs();
    for (const [token, expiresAtMs] of this.expiryByToken) {
      if (expiresAtMs <= nowMs) {
        this.expiryByToken.delete(token);
      }
    }
    const id = randomBytes(16).toString('hex');
    const expiresAtMs = nowMs + tokenLifetimeMs;
    this.expiryByToken.set(id, expiresAtMs);
    return { id, issuedAtMs: nowMs, expiresAtMs };
  }

  isValid(token: string | undefined): boolean {
    if (token === undefined) {
      return false;
    }
    const expiresAtMs = this.expiryByToken.get(token);
    return expiresAtMs !== undefined && expiresAtMs > this.clock.nowMs();
  }
}

function constantTimeEquals(left: string, right: string): boolean {
  const leftBytes = Buffer.from(left, 'utf8');
  const rightBytes = Buffer.from(right, 'utf8');
  return leftBytes.length === rightBytes.length && timingSafeEqual(leftBytes, rightBytes);
}
