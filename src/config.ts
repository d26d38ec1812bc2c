import { z } from 'zod';
import { ConfigError } from './errors.js';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** Like `optionalText`, without trimming: spaces may belong to a password. */
const optionalSecret = z
  .string()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const mebibyte = 1024 * 1024;

const httpUrl = z.url({
  protocol: /^https?$/,
  error: 'must be an http:// or https:// URL',
});

/** Environment variables the bot reads, with their defaults and ranges. */
const environmentSchema = z.object({
  SLACK_BOT_TOKEN: z.string().trim().startsWith('xoxb-', 'must be a bot token starting with xoxb-'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine(
    (value) => value === undefined || value.startsWith('xapp-'),
    {
      message: 'must be an app-level token starting with xapp-',
    },
  ),
  SLACK_API_URL: httpUrl.optional(),
  SLACK_ALERTS_CHANNEL_ID: optionalText,
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),

  EASYMAKER_APPKEY: z.string().trim().min(1, 'is required'),
  EASYMAKER_REGION: z.string().trim().toLowerCase().default('kr1'),
  EASYMAKER_PROFILE: optionalText,
  EASYMAKER_ENVIRONMENT: z.enum(['public', 'gov']).default('public'),
  EASYMAKER_API_URL: httpUrl.optional(),
  EASYMAKER_ACCESS_TOKEN: optionalText,
  EASYMAKER_ACCESS_KEY_ID: optionalText,
  EASYMAKER_SECRET_ACCESS_KEY: optionalText,
  EASYMAKER_OAUTH_URL: httpUrl.default('https://oauth.api.nhncloudservice.com'),
  EASYMAKER_EXPERIMENT_ID: optionalText,
  EASYMAKER_TIMEOUT_SECONDS: z.coerce.number().min(1).max(120).default(10),

  REDIS_URL: z
    .string()
    .trim()
    .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')
    .default('redis://127.0.0.1:6379'),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, "_" and "-"')
    .default('easymaker-bot'),

  POLL_INTERVAL_SECONDS: z.coerce.number().min(0.05).max(3600).default(10),
  POLL_BUDGET_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(20),
  TRACKING_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(50),
  SLACK_UPDATE_DEBOUNCE_MS: z.coerce.number().int().min(0).max(60_000).default(1500),
  CREATE_RECONCILE_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(6),
  CREATE_RECONCILE_DELAY_SECONDS: z.coerce.number().min(0.05).max(600).default(10),
  OBJECT_STORAGE_IDENTITY_URL: z
    .url()
    .default('https://api-identity-infrastructure.nhncloudservice.com'),
  OBJECT_STORAGE_TENANT_ID: optionalText,
  OBJECT_STORAGE_USERNAME: optionalText,
  OBJECT_STORAGE_PASSWORD: optionalSecret,
  // Slack stores files of at most 1 GB, so higher limits would never apply. Both transfers are
  // held in memory whole.
  OBJECT_STORAGE_UPLOAD_MAX_MB: z.coerce.number().positive().max(1024).default(100),
  OBJECT_STORAGE_GET_MAX_MB: z.coerce.number().positive().max(1024).default(5),

  BOT_ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SLACK_SOCKET_MODE: booleanFromEnv.optional(),
});

export interface BotConfig {
  slack: {
    botToken: string;
    signingSecret: string | undefined;
    appToken: string | undefined;
    /** Web API prefix, e.g. `https://slack.com/api/`; undefined keeps the client's default. */
    apiUrl: string | undefined;
    alertsChannelId: string | undefined;
    socketMode: boolean;
    port: number;
    host: string;
  };
  easymaker: {
    appKey: string;
    region: string;
    profile: string | undefined;
    environment: 'public' | 'gov';
    apiUrl: string | undefined;
    accessToken: string | undefined;
    accessKeyId: string | undefined;
    secretAccessKey: string | undefined;
    oauthUrl: string;
    defaultExperimentId: string | undefined;
    timeoutMs: number;
  };
  redis: { url: string; keyPrefix: string };
  tracking: {
    pollIntervalMs: number;
    pollBudgetPerSecond: number;
    concurrency: number;
    slackUpdateDebounceMs: number;
    reconcileAttempts: number;
    reconcileDelayMs: number;
  };
  objectStorage: ObjectStorageConfig;
  /** `web` serves Slack requests only, `worker` runs the job workers only, `all` does both. */
  role: 'all' | 'web' | 'worker';
  logLevel: string;
}

/** Settings of the `/easymaker storage` commands. */
export interface ObjectStorageConfig {
  /** Base URL of the identity service that issues Object Storage tokens. */
  identityUrl: string;
  /** Undefined unless the tenant id, the user name and the password are all set. */
  credentials: ObjectStorageCredentials | undefined;
  /** Names of the credential variables that are not set; empty when `credentials` is set. */
  missingVariables: string[];
  /** Largest Slack file `storage upload` takes, in bytes. */
  uploadMaxBytes: number;
  /** Largest object `storage get` posts into Slack, in bytes. */
  getMaxBytes: number;
}

export interface ObjectStorageCredentials {
  tenantId: string;
  username: string;
  /** Object Storage API password; it must never reach a log line, an error or Slack. */
  password: string;
}

/**
 * Reads the configuration from environment variables.
 *
 * @throws ConfigError listing every missing or invalid setting at once.
 */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): BotConfig {
  const parsed = environmentSchema.safeParse(environment);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = issue.path.join('.');
      const value = environment[name];
      problems.push(value === undefined ? `${name} is missing` : `${name} ${issue.message}`);
    }
  }
  // The rules across variables read the raw values, so one start lists every problem.
  const isSet = (name: string) => (environment[name] ?? '').trim() !== '';
  const socketMode =
    environment.SLACK_SOCKET_MODE !== undefined
      ? ['true', '1', 'yes'].includes(environment.SLACK_SOCKET_MODE)
      : isSet('SLACK_APP_TOKEN');
  if (socketMode && !isSet('SLACK_APP_TOKEN')) {
    problems.push('SLACK_APP_TOKEN is missing (Socket Mode needs an app-level token)');
  }
  if (!socketMode && !isSet('SLACK_SIGNING_SECRET')) {
    problems.push('SLACK_SIGNING_SECRET is missing (HTTP mode verifies request signatures)');
  }
  const hasKeyPair = isSet('EASYMAKER_ACCESS_KEY_ID') && isSet('EASYMAKER_SECRET_ACCESS_KEY');
  if (!isSet('EASYMAKER_ACCESS_TOKEN') && !hasKeyPair) {
    problems.push(
      'EASYMAKER_ACCESS_TOKEN is missing; set it, or set EASYMAKER_ACCESS_KEY_ID and ' +
        'EASYMAKER_SECRET_ACCESS_KEY to obtain tokens from the NHN Cloud OAuth API',
    );
  }
  if (problems.length > 0 || !parsed.success) {
    throw new ConfigError(problems);
  }
  const env = parsed.data;
  return {
    slack: {
      botToken: env.SLACK_BOT_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
      appToken: env.SLACK_APP_TOKEN,
      apiUrl: env.SLACK_API_URL,
      alertsChannelId: env.SLACK_ALERTS_CHANNEL_ID,
      socketMode,
      port: env.PORT,
      host: env.HOST,
    },
    easymaker: {
      appKey: env.EASYMAKER_APPKEY,
      region: env.EASYMAKER_REGION,
      profile: env.EASYMAKER_PROFILE,
      environment: env.EASYMAKER_ENVIRONMENT,
      apiUrl: env.EASYMAKER_API_URL,
      accessToken: env.EASYMAKER_ACCESS_TOKEN,
      accessKeyId: env.EASYMAKER_ACCESS_KEY_ID,
      secretAccessKey: env.EASYMAKER_SECRET_ACCESS_KEY,
      oauthUrl: env.EASYMAKER_OAUTH_URL,
      defaultExperimentId: env.EASYMAKER_EXPERIMENT_ID,
      timeoutMs: env.EASYMAKER_TIMEOUT_SECONDS * 1000,
    },
    redis: { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX },
    tracking: {
      pollIntervalMs: Math.round(env.POLL_INTERVAL_SECONDS * 1000),
      pollBudgetPerSecond: env.POLL_BUDGET_PER_SECOND,
      concurrency: env.TRACKING_CONCURRENCY,
      slackUpdateDebounceMs: env.SLACK_UPDATE_DEBOUNCE_MS,
      reconcileAttempts: env.CREATE_RECONCILE_ATTEMPTS,
      reconcileDelayMs: Math.round(env.CREATE_RECONCILE_DELAY_SECONDS * 1000),
    },
    objectStorage: readObjectStorageConfig(env),
    role: env.BOT_ROLE,
    logLevel: env.LOG_LEVEL,
  };
}

function readObjectStorageConfig(env: z.infer<typeof environmentSchema>): ObjectStorageConfig {
  const credentialVariables = {
    OBJECT_STORAGE_TENANT_ID: env.OBJECT_STORAGE_TENANT_ID,
    OBJECT_STORAGE_USERNAME: env.OBJECT_STORAGE_USERNAME,
    OBJECT_STORAGE_PASSWORD: env.OBJECT_STORAGE_PASSWORD,
  };
  const missingVariables = Object.entries(credentialVariables)
    .filter(([, value]) => value === undefined)
    .map(([name]) => name);
  const { OBJECT_STORAGE_TENANT_ID: tenantId, OBJECT_STORAGE_USERNAME: username } = env;
  const password = env.OBJECT_STORAGE_PASSWORD;
  const credentials =
    tenantId !== undefined && username !== undefined && password !== undefined
      ? { tenantId, username, password }
      : undefined;
  return {
    identityUrl: env.OBJECT_STORAGE_IDENTITY_URL,
    credentials,
    missingVariables,
    uploadMaxBytes: Math.floor(env.OBJECT_STORAGE_UPLOAD_MAX_MB * mebibyte),
    getMaxBytes: Math.floor(env.OBJECT_STORAGE_GET_MAX_MB * mebibyte),
  };
}
