/** Per-method rate limits of Slack's tiers, plus failures and 429s queued by tests. */

/** Calls per minute for the tiered methods the fake serves. */
const perMinuteLimits: Record<string, number> = {
  'usergroups.users.list': 20,
  'chat.update': 50,
  'chat.delete': 50,
  'conversations.info': 50,
  'conversations.join': 50,
  'conversations.history': 50,
  'conversations.replies': 50,
  'reactions.add': 50,
  'views.open': 100,
  'views.update': 100,
  'views.push': 100,
  'users.info': 100,
  'chat.postEphemeral': 100,
  'files.getUploadURLExternal': 100,
  'files.completeUploadExternal': 100,
};

const windowMs = 60_000;
const postMessageIntervalMs = 1000;

export type ForcedOutcome =
  | { kind: 'ratelimited'; retryAfter: number }
  | { kind: 'error'; error: string };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly forcedLimits = new Map<string, number[]>();
  private readonly forcedErrors = new Map<string, string[]>();
  private readonly windows = new Map<string, number[]>();
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly now: () => number,
    private readonly enforce: boolean,
    private readonly postMessageBurst: number,
  ) {}

  forceRateLimit(method: string, count: number, retryAfterSeconds: number): void {
    const queue = this.forcedLimits.get(method) ?? [];
    queue.push(...Array.from({ length: count }, () => retryAfterSeconds));
    this.forcedLimits.set(method, queue);
  }

  forceError(method: string, error: string, count: number): void {
    const queue = this.forcedErrors.get(method) ?? [];
    queue.push(...Array.from({ length: count }, () => error));
    this.forcedErrors.set(method, queue);
  }

  /** Takes the next queued 429 or failure for the method; 429s come first. */
  takeForced(method: string): ForcedOutcome | undefined {
    const retryAfter = this.forcedLimits.get(method)?.shift();
    if (retryAfter !== undefined) {
      return { kind: 'ratelimited', retryAfter };
    }
    const error = this.forcedErrors.get(method)?.shift();
    return error === undefined ? undefined : { kind: 'error', error };
  }

  /**
   * Counts a call against the method's budget. Returns the `Retry-After` seconds when the call
   * is over the limit, or undefined when it may proceed (always, unless enforcement is on).
   */
  admit(method: string, channel: string | undefined): number | undefined {
    if (!this.enforce) {
      return undefined;
    }
    if (method === 'chat.postMessage') {
      return this.admitPostMessage(channel ?? '');
    }
    const limit = perMinuteLimits[method];
    if (limit === undefined) {
      return undefined;
    }
    const now = this.now();
    const recent = (this.windows.get(method) ?? []).filter((time) => now - time < windowMs);
    this.windows.set(method, recent);
    const oldest = recent[0];
    if (recent.length >= limit && oldest !== undefined) {
      return Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
    }
    recent.push(now);
    return undefined;
  }

  /** Token bucket per channel: `postMessageBurst` messages at once, then one per second. */
  private admitPostMessage(channel: string): number | undefined {
    const now = this.now();
    const bucket = this.buckets.get(channel) ?? { tokens: this.postMessageBurst, updatedAt: now };
    const refilled = (now - bucket.updatedAt) / postMessageIntervalMs;
    bucket.tokens = Math.min(this.postMessageBurst, bucket.tokens + refilled);
    bucket.updatedAt = now;
    this.buckets.set(channel, bucket);
    if (bucket.tokens < 1) {
      return Math.max(1, Math.ceil(((1 - bucket.tokens) * postMessageIntervalMs) / 1000));
    }
    bucket.tokens -= 1;
    return undefined;
  }
}
