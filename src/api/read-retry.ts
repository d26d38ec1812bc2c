/**
 * Tells whether a read that returned this status is worth sending again: 429 (rate limited)
 * and every 5xx, 503 included.
 */
export function isRetryableStatus(statusCode: number): boolean {
  return statusCode === 429 || statusCode >= 500;
}

/** Max wait honoured from a `Retry-After` header. */
export const maxRetryAfterMs = 30_000;

/**
 * Returns how long to wait before retry number `attempt` (1 for the first retry): the
 * `Retry-After` value when the response has one (delta seconds or an HTTP date, capped at
 * `maxRetryAfterMs`), otherwise an exponential backoff of `baseDelayMs * 2^(attempt - 1)`.
 */
export function computeRetryDelayMs(
  attempt: number,
  baseDelayMs: number,
  retryAfter: string | undefined,
  now: number = Date.now(),
): number {
  const retryAfterMs = parseRetryAfterMs(retryAfter, now);
  if (retryAfterMs !== undefined) {
    // NOTE: the 30 s cap is a choice of this client; the API publishes no maximum.
    return Math.min(retryAfterMs, maxRetryAfterMs);
  }
  return baseDelayMs * 2 ** (attempt - 1);
}

function parseRetryAfterMs(retryAfter: string | undefined, now: number): number | undefined {
  const value = retryAfter?.trim();
  if (!value) {
    return undefined;
  }
  if (/^\d+$/.test(value)) {
    return Number(value) * 1000;
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
