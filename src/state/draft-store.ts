import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { RedisKeys } from './redis-keys.js';

const lookupItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  detail: z.string().optional(),
  vcpus: z.number().optional(),
  gpuCount: z.number().optional(),
  gpuFlavor: z.boolean().optional(),
});

/**
 * A form being filled in: where it was opened, and the lookup lists it offered, so that the
 * submission is checked against the same choices without calling EasyMaker before the ack.
 */
export const draftSchema = z.object({
  draftId: z.string(),
  kind: z.string(),
  teamId: z.string().optional(),
  userId: z.string(),
  channelId: z.string(),
  lookups: z.record(z.string(), z.array(lookupItemSchema)).default({}),
});

export type Draft = z.infer<typeof draftSchema>;

const DRAFT_TTL_SECONDS = 60 * 60 * 24;

/** Keeps form drafts in Redis for a day; the modal's `private_metadata` holds only the id. */
export class DraftStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  newDraftId(): string {
    return randomUUID();
  }

  async save(draft: Draft): Promise<void> {
    await this.redis.set(
      this.keys.draft(draft.draftId),
      JSON.stringify(draft),
      'EX',
      DRAFT_TTL_SECONDS,
    );
  }

  async get(draftId: string): Promise<Draft | undefined> {
    const text = await this.redis.get(this.keys.draft(draftId));
    if (text === null) {
      return undefined;
    }
    const parsed = draftSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  }
}
