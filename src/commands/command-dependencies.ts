import type { Redis } from 'ioredis';
import type { EasyMakerClient } from '../api/easymaker-client.js';
import type { ObjectStorageClient } from '../api/object-storage-client.js';
import type { BotConfig } from '../config.js';
import type { BotQueues } from '../jobs/job-dependencies.js';
import type { Logger } from '../logger.js';
import type { LookupService } from '../services/lookup-service.js';
import type { DraftStore } from '../state/draft-store.js';
import type { OperationStore } from '../state/operation-store.js';
import type { RedisKeys } from '../state/redis-keys.js';

/** What the Slack listeners share; built once per process in `createBot`. */
export interface CommandDependencies {
  config: BotConfig;
  logger: Logger;
  drafts: DraftStore;
  operations: OperationStore;
  lookups: LookupService;
  easymaker: EasyMakerClient;
  /** Undefined unless the Object Storage credentials are configured. */
  storage: ObjectStorageClient | undefined;
  queues: BotQueues;
  redis: Redis;
  keys: RedisKeys;
}
