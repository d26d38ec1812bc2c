import { randomUUID } from 'node:crypto';
import { type Bot, createBot } from '../../src/bot.js';
import { type BotConfig, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createSimulator, type Simulator } from '../../src/simulator/simulator-server.js';
import { deleteKeysWithPrefix } from '../support/delete-keys-with-prefix.js';
import { localStackEnvironment } from '../support/local-stack-environment.js';
import { SlackDriver } from '../support/slack-driver/index.js';
import { SlackFake } from '../support/slack-fake/index.js';

export const SIGNING_SECRET = 'e2e-signing-secret';
export const CHANNEL = 'C0GENERAL';
export const ALERTS_CHANNEL = 'C0ALERTS';
export const ALICE = 'U0ALICE';

export interface HarnessOptions {
  /** Simulator step speed; 1 is about 5 s per status step. */
  speed?: number;
  /** Extra environment for the bot's configuration. */
  environment?: Record<string, string>;
}

/**
 * Everything an end-to-end test talks to: the EasyMaker simulator, the strict Slack fake, the bot
 * (real Bolt app, real Redis, real BullMQ workers) and the signed driver that plays Slack.
 */
export interface Harness {
  simulator: Simulator;
  fake: SlackFake;
  bot: Bot;
  driver: SlackDriver;
  config: BotConfig;
  environment: Record<string, string>;
  /** Calls the simulator's control API. */
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  /** Calls the simulator's EasyMaker API as another client would, with its own token. */
  easymaker(method: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
  /** Counts requests the simulator received with this method and path ending. */
  countRequests(method: string, pathEnd: string): Promise<number>;
  /** Stops the bot and starts a new one on the same Redis state and port. */
  restartBot(): Promise<void>;
  stop(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const simulator = createSimulator({
    port: 0,
    speed: options.speed ?? 20,
    logger: createLogger(process.env.E2E_LOG_LEVEL ?? 'silent'),
  });
  await simulator.start();
  const fake = new SlackFake();
  await fake.start();
  const prefix = `e2e-${randomUUID().slice(0, 8)}`;
  const environment: Record<string, string> = {
    ...localStackEnvironment({
      slackApiUrl: fake.apiUrl,
      slackBotToken: fake.botToken,
      signingSecret: SIGNING_SECRET,
      simulatorUrl: simulator.url,
      alertsChannelId: ALERTS_CHANNEL,
      redisKeyPrefix: prefix,
    }),
    EASYMAKER_TIMEOUT_SECONDS: '2',
    POLL_INTERVAL_SECONDS: '0.2',
    SLACK_UPDATE_DEBOUNCE_MS: '50',
    CREATE_RECONCILE_DELAY_SECONDS: '0.5',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent',
    ...options.environment,
  };
  const config = loadConfig(environment);
  const logger = createLogger(config.logLevel);
  let bot = createBot(config, logger);
  await bot.start();
  const port = bot.port;
  const makeDriver = () =>
    new SlackDriver({
      botUrl: `http://127.0.0.1:${port}/slack/events`,
      signingSecret: SIGNING_SECRET,
      fake,
    });

  const harness: Harness = {
    simulator,
    fake,
    bot,
    driver: makeDriver(),
    config,
    environment,
    async control(method, path, body) {
      const response = await fetch(`${simulator.url}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (!response.ok) {
        throw new Error(`simulator control ${method} ${path} failed: ${response.status} ${text}`);
      }
      return text === '' ? undefined : JSON.parse(text);
    },
    async easymaker(method, path, body) {
      const basic = Buffer.from('simulator-access-key:simulator-secret-key').toString('base64');
      const tokenResponse = await fetch(`${simulator.url}/oauth2/token/create`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      });
      const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
      const response = await fetch(`${simulator.url}/v1.0/appkeys/simulator-appkey${path}`, {
        method,
        headers: {
          'x-nhn-authorization': `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return (await response.json()) as Record<string, unknown>;
    },
    async countRequests(method, pathEnd) {
      const log = (await harness.control('GET', '/_simulator/requests')) as {
        requestList: Array<{ method: string; path: string }>;
      };
      return log.requestList.filter(
        (request) => request.method === method && request.path.endsWith(pathEnd),
      ).length;
    },
    async restartBot() {
      await bot.stop();
      const restartedConfig = loadConfig({ ...environment, PORT: String(port) });
      bot = createBot(restartedConfig, logger);
      harness.bot = bot;
      await bot.start();
    },
    async stop() {
      await bot.stop();
      await fake.stop();
      await simulator.stop();
      await deleteKeysWithPrefix(environment.REDIS_URL as string, prefix);
    },
  };
  return harness;
}

/** Texts of a thread's replies, in order. */
export function replyTexts(fake: SlackFake, channel: string, threadTs: string): string[] {
  return fake.replies(channel, threadTs).map((message) => message.text);
}

/** Builds a complete inline `/easymaker train` command for the simulator's seed data. */
export function inlineTrainCommand(name: string, extra = ''): string {
  return [
    'train',
    `training_name=${name}`,
    'experiment_name=e2e-experiment',
    'image="Ubuntu 22.04 CPU TensorFlow Training"',
    'instance=m2.c4m8',
    'source_dir_uri=obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_e2e/bucket/src',
    'entry_point=train.py',
    'model_upload_uri=obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_e2e/bucket/model',
    'dataset_list=train=obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_e2e/bucket/data',
    'data_storage_size=300',
    extra,
  ]
    .join(' ')
    .trim();
}

export { randomUUID };
