import type { ResponseUrlPost } from '../types.js';
import type { IdGenerator } from './ids.js';

/** A `response_url` accepts 5 posts within 30 minutes of the interaction. */
export const responseUrlMaxUses = 5;
export const responseUrlLifetimeMs = 30 * 60 * 1000;

/** The message an interaction came from; a command's `response_url` has none. */
export interface ResponseUrlOrigin {
  messageTs?: string;
  isEphemeral?: boolean;
}

export interface ResponseUrlRecord extends ResponseUrlOrigin {
  url: string;
  channel: string;
  user: string;
  issuedAt: number;
  uses: number;
}

export class ResponseUrlStore {
  private readonly records = new Map<string, ResponseUrlRecord>();
  readonly posts: ResponseUrlPost[] = [];

  constructor(
    private readonly ids: IdGenerator,
    private readonly now: () => number,
  ) {}

  /** Issues an absolute URL below `baseUrl` (which ends with `/`). */
  issue(baseUrl: string, channel: string, user: string, origin: ResponseUrlOrigin = {}): string {
    const id = this.ids.nextSecret();
    const url = `${baseUrl}response/${id}`;
    this.records.set(id, { ...origin, url, channel, user, issuedAt: this.now(), uses: 0 });
    return url;
  }

  find(id: string): ResponseUrlRecord | undefined {
    return this.records.get(id);
  }

  /** Returns why a post is refused (`expired_url`, `used_url`) or undefined when accepted. */
  admit(record: ResponseUrlRecord): string | undefined {
    if (this.now() - record.issuedAt > responseUrlLifetimeMs) {
      return 'expired_url';
    }
    if (record.uses >= responseUrlMaxUses) {
      return 'used_url';
    }
    record.uses += 1;
    return undefined;
  }
}
