import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { RedisKeys } from './redis-keys.js';

/** Stages of a create request; each is written before the step that follows it runs. */
export const createStageSchema = z.enum([
  /** Queued; nothing was sent to EasyMaker. */
  'queued',
  /** The create request was sent; its outcome is not known yet. */
  'sent',
  /** EasyMaker accepted it; `resourceId` is set. */
  'created',
  /** EasyMaker or the bot rejected it; nothing exists. */
  'rejected',
  /** The request may or may not have created something, and none was found. */
  'unknown',
]);

const summaryFieldSchema = z.object({ label: z.string(), value: z.string() });

/**
 * One create-and-track operation: the request, the Slack messages that show it, and the
 * resource's last known status. Every Slack message state lives here, not in memory, so any
 * process can take over after a restart.
 */
export const operationRecordSchema = z.object({
  operationId: z.string(),
  kind: z.string(),
  teamId: z.string().optional(),
  requesterId: z.string(),
  channelId: z.string(),
  responseUrl: z.string().optional(),
  name: z.string(),
  parameters: z.unknown(),
  createStage: createStageSchema,
  createSentAt: z.number().optional(),
  reconcileAttempts: z.number().default(0),
  resourceId: z.string().optional(),
  parentTs: z.string().optional(),
  summary: z.array(summaryFieldSchema).default([]),
  resultSummary: z.array(summaryFieldSchema).default([]),
  /** Fields that change while the resource runs, such as a tuning's trial counts. */
  progress: z.array(summaryFieldSchema).default([]),
  status: z.string(),
  statusClass: z.enum(['going', 'success', 'failure', 'stopped']),
  elapsedSeconds: z.number().optional(),
  startedAt: z.number(),
  finishedAt: z.number().optional(),
  failureReason: z.string().optional(),
  /** Bumped at every change the parent message shows; the updater compares it. */
  version: z.number().default(0),
  renderedVersion: z.number().default(-1),
});

export type OperationRecord = z.infer<typeof operationRecordSchema>;

const RECORD_TTL_SECONDS = 60 * 60 * 24 * 90;

/** Reads and writes operation records as Redis hashes of JSON-encoded fields. */
export class OperationStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  /** Stores a new record unless one with the same id exists; returns whether it was stored. */
  async createIfAbsent(record: OperationRecord): Promise<boolean> {
    const key = this.keys.operation(record.operationId);
    const stored = await this.redis.hsetnx(key, 'operationId', JSON.stringify(record.operationId));
    if (stored === 0) {
      return false;
    }
    await this.redis.multi().hset(key, encode(record)).expire(key, RECORD_TTL_SECONDS).exec();
    return true;
  }

  async get(operationId: string): Promise<OperationRecord | undefined> {
    const fields = await this.redis.hgetall(this.keys.operation(operationId));
    if (Object.keys(fields).length === 0) {
      return undefined;
    }
    const decoded: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(fields)) {
      decoded[field] = JSON.parse(value);
    }
    return operationRecordSchema.parse(decoded);
  }

  /** Writes the given fields; pass `bumpVersion` when the parent message must show them. */
  async update(
    operationId: string,
    patch: Partial<OperationRecord>,
    options: { bumpVersion?: boolean } = {},
  ): Promise<void> {
    const key = this.keys.operation(operationId);
    const transaction = this.redis.multi();
    const encoded = encode(patch);
    if (Object.keys(encoded).length > 0) {
      transaction.hset(key, encoded);
    }
    if (options.bumpVersion) {
      transaction.hincrby(key, 'version', 1);
    }
    await transaction.exec();
  }

  /** Links a resource id to its operation; returns the operation id already linked, if any. */
  async linkResource(kind: string, resourceId: string, operationId: string): Promise<string> {
    const key = this.keys.trackedResource(kind, resourceId);
    await this.redis.set(key, operationId, 'EX', RECORD_TTL_SECONDS, 'NX');
    return (await this.redis.get(key)) ?? operationId;
  }

  async findByResource(kind: string, resourceId: string): Promise<string | undefined> {
    return (await this.redis.get(this.keys.trackedResource(kind, resourceId))) ?? undefined;
  }
}

function encode(values: Partial<OperationRecord>): Record<string, string> {
  const encoded: Record<string, string> = {};
  for (const [field, value] of Object.entries(values)) {
    if (value !== undefined) {
      encoded[field] = JSON.stringify(value);
    }
  }
  return encoded;
}
