import type { App } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import {
  type AccessTokenProvider,
  createStaticTokenProvider,
  createUserAccessKeyTokenProvider,
} from './api/access-token-provider.js';
import { resolveEasyMakerBaseUrl } from './api/base-url.js';
import { EasyMakerClient } from './api/easymaker-client.js';
import { createIdentityTokenProvider } from './api/identity-token-provider.js';
import { ObjectStorageClient } from './api/object-storage-client.js';
import { registerCommands } from './commands/index.js';
import type { BotConfig } from './config.js';
import type { BotQueues, JobDependencies } from './jobs/job-dependencies.js';
import { createQueues, startWorkers } from './jobs/workers.js';
import type { Logger } from './logger.js';
import { LookupService } from './services/lookup-service.js';
import { createSlackLogger } from './slack/bolt-logger.js';
import { createSlackApp } from './slack/create-slack-app.js';
import { DraftStore } from './state/draft-store.js';
import { OperationStore } from './state/operation-store.js';
import { RedisKeys } from './state/redis-keys.js';

export interface Bot {
  app: App;
  queues: BotQueues;
  redis: Redis;
  keys: RedisKeys;
  /** The HTTP port Slack requests arrive on, once started (the bound one when 0 was asked). */
  readonly port: number;
  /** Starts the Slack listener and the job workers that the configured role includes. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

function createTokenProvider(config: BotConfig, logger: Logger): AccessTokenProvider {
  const { accessToken, accessKeyId, secretAccessKey, oauthUrl } = config.easymaker;
  if (accessToken !== undefined) {
    return createStaticTokenProvider(accessToken);
  }
  return createUserAccessKeyTokenProvider({
    oauthUrl,
    accessKeyId: accessKeyId ?? '',
    secretAccessKey: secretAccessKey ?? '',
    logger,
  });
}

/** Creates the Object Storage client, or returns undefined without its credentials. */
function createStorageClient(config: BotConfig, logger: Logger): ObjectStorageClient | undefined {
  const { credentials, identityUrl } = config.objectStorage;
  if (credentials === undefined) {
    return undefined;
  }
  const tokenProvider = createIdentityTokenProvider({ identityUrl, ...credentials, logger });
  return new ObjectStorageClient({ tokenProvider, logger });
}

/** Wires the Slack app, the EasyMaker client, Redis state and the job workers together. */
export function createBot(config: BotConfig, logger: Logger): Bot {
  const redis = new Redis(config.redis.url, { maxRetriesPerRequest: null, lazyConnect: false });
  redis.on('error', (error) => logger.warn({ err: error }, 'redis connection error'));
  const keys = new RedisKeys(config.redis.keyPrefix);
  const easymaker = new EasyMakerClient({
    baseUrl: resolveEasyMakerBaseUrl({
      apiUrl: config.easymaker.apiUrl,
      region: config.easymaker.region,
      profile: config.easymaker.profile,
      environment: config.easymaker.environment,
    }),
    appKey: config.easymaker.appKey,
    tokenProvider: createTokenProvider(config, logger),
    timeoutMs: config.easymaker.timeoutMs,
    logger: logger.child({ component: 'easymaker-client' }),
  });
  const storage = createStorageClient(config, logger);
  const queues = createQueues(redis, keys.queuePrefix());
  for (const queue of Object.values(queues)) {
    // Without a listener, connection errors of a queue are printed raw to stderr.
    queue.on('error', (error: Error) =>
      logger.warn({ err: error, queue: queue.name }, 'queue error'),
    );
  }
  const operations = new OperationStore(redis, keys);
  const lookups = new LookupService(easymaker, redis, keys, logger);
  const slack = new WebClient(config.slack.botToken, {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 2 },
    logger: createSlackLogger(logger, 'web-api-jobs'),
  });
  const app = createSlackApp(config, logger, () => redis.status);
  registerCommands(app, {
    config,
    logger,
    drafts: new DraftStore(redis, keys),
    operations,
    lookups,
    easymaker,
    storage,
    queues,
    redis,
    keys,
  });
  const jobDependencies: JobDependencies = {
    config,
    logger,
    redis,
    keys,
    operations,
    easymaker,
    storage,
    lookups,
    slack,
    queues,
  };
  let workers: Worker[] = [];
  let port = config.slack.port;
  let stopped = false;

  return {
    app,
    queues,
    redis,
    keys,
    get port() {
      return port;
    },
    async start() {
      if (config.role !== 'web') {
        workers = startWorkers(redis, keys.queuePrefix(), jobDependencies);
      }
      if (config.role === 'worker') {
        logger.info({ role: config.role }, 'easymaker-bot started');
        return;
      }
      if (config.slack.socketMode) {
        await app.start();
      } else {
        const server = await app.start({ port: config.slack.port, host: config.slack.host });
        const address = server.address();
        port = typeof address === 'object' && address !== null ? address.port : config.slack.port;
      }
      logger.info(
        { role: config.role, socketMode: config.slack.socketMode, port },
        'easymaker-bot started',
      );
    },
    async stop() {
      if (stopped) {
        return;
      }
      stopped = true;
      await Promise.allSettled(workers.map((worker) => worker.close()));
      await app.stop().catch(() => undefined);
      await Promise.allSettled(Object.values(queues).map((queue) => queue.close()));
      await redis.quit().catch(() => redis.disconnect());
      logger.info('easymaker-bot stopped');
    },
  };
}
