import type { WebClient } from '@slack/web-api';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { EasyMakerClient } from '../api/easymaker-client.js';
import type { ObjectStorageClient } from '../api/object-storage-client.js';
import type { BotConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { LookupService } from '../services/lookup-service.js';
import type { OperationStore } from '../state/operation-store.js';
import type { RedisKeys } from '../state/redis-keys.js';

export interface BotQueues {
  create: Queue;
  track: Queue;
  parentUpdates: Queue;
  storageUploads: Queue;
}

/** What the job processors share; built once per process in `createBot`. */
export interface JobDependencies {
  config: BotConfig;
  logger: Logger;
  redis: Redis;
  keys: RedisKeys;
  operations: OperationStore;
  easymaker: EasyMakerClient;
  /** Undefined unless the Object Storage credentials are configured. */
  storage: ObjectStorageClient | undefined;
  lookups: LookupService;
  /** Web API client for work after the ack; rejects rate-limited calls so jobs can wait. */
  slack: WebClient;
  queues: BotQueues;
}
