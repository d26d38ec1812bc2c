import type { Redis } from 'ioredis';
import type { EasyMakerClient } from '../api/easymaker-client.js';
import type { Logger } from '../logger.js';
import { lookupDescriptions } from '../resources/lookups.js';
import type { LookupItem, LookupKind, LookupSnapshot } from '../resources/resource-description.js';
import type { RedisKeys } from '../state/redis-keys.js';

const CACHE_TTL_SECONDS = 60;

/**
 * Loads lookup lists (instance types, images, algorithms, experiments) from EasyMaker and keeps
 * each for a minute in Redis, so that opening several forms in a row costs one call per list.
 */
export class LookupService {
  constructor(
    private readonly client: EasyMakerClient,
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly logger: Logger,
  ) {}

  /** Returns the list, from the cache when it is fresh unless `fresh` is set. */
  async list(kind: LookupKind, options: { fresh?: boolean } = {}): Promise<LookupItem[]> {
    const cacheKey = this.keys.lookupCache(kind);
    if (!options.fresh) {
      const cached = await this.redis.get(cacheKey);
      if (cached !== null) {
        return JSON.parse(cached) as LookupItem[];
      }
    }
    const description = lookupDescriptions[kind];
    const objects = await this.client.list(
      description.collectionPath,
      description.listKey,
      description.itemSchema,
    );
    const items = objects
      .filter((object) => description.includes?.(object as never) ?? true)
      .map((object) => description.toItem(object as never));
    await this.redis.set(cacheKey, JSON.stringify(items), 'EX', CACHE_TTL_SECONDS);
    this.logger.debug({ lookup: kind, count: items.length }, 'lookup list loaded');
    return items;
  }

  /** Loads several lists at once. */
  async snapshot(kinds: readonly LookupKind[]): Promise<LookupSnapshot> {
    const lists = await Promise.all(kinds.map((kind) => this.list(kind)));
    const snapshot: LookupSnapshot = {};
    kinds.forEach((kind, index) => {
      snapshot[kind] = lists[index];
    });
    return snapshot;
  }

  /** Drops the cached list, after creating an object that belongs in it. */
  async forget(kind: LookupKind): Promise<void> {
    await this.redis.del(this.keys.lookupCache(kind));
  }
}
