import { isIP } from 'node:net';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { defaultSimulatorPort, type SimulatorOptions } from './simulator-server.js';

const envSchema = z.object({
  SIMULATOR_HOST: z.string().min(1, { error: 'must not be empty' }).default('127.0.0.1'),
  SIMULATOR_PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int({ error: 'must be an integer port number' })
    .min(0, { error: 'must be between 0 and 65535' })
    .max(65535, { error: 'must be between 0 and 65535' })
    .default(defaultSimulatorPort),
  SIMULATOR_SPEED: z.coerce
    .number({ error: 'must be a number' })
    .positive({ error: 'must be a positive number (1 = about 5 s per status step)' })
    .max(10_000, { error: 'must be at most 10000' })
    .default(1),
  SIMULATOR_APPKEY: z.string().min(1, { error: 'must not be empty' }).optional(),
  SIMULATOR_ACCESS_KEY_ID: z.string().min(1, { error: 'must not be empty' }).optional(),
  SIMULATOR_SECRET_ACCESS_KEY: z.string().min(1, { error: 'must not be empty' }).optional(),
  SIMULATOR_OBJECT_STORAGE_TENANT_ID: z.string().min(1, { error: 'must not be empty' }).optional(),
  SIMULATOR_OBJECT_STORAGE_USERNAME: z.string().min(1, { error: 'must not be empty' }).optional(),
  SIMULATOR_OBJECT_STORAGE_PASSWORD: z.string().min(1, { error: 'must not be empty' }).optional(),
  SIMULATOR_ALLOW_REMOTE: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false'),
});

/** True for `localhost` and the IPv4 (127.0.0.0/8) and IPv6 (::1) loopback addresses. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host === '::1') {
    return true;
  }
  return isIP(host) === 4 && host.startsWith('127.');
}

/**
 * Reads the simulator settings from the environment. Throws a `ConfigError` listing every
 * invalid variable, and rejects a non-loopback host unless `SIMULATOR_ALLOW_REMOTE=true`,
 * because the simulator accepts well-known default credentials.
 */
export function readSimulatorEnv(env: NodeJS.ProcessEnv): SimulatorOptions {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.map(String).join('.');
        return `${name}=${JSON.stringify(env[name] ?? '')} ${issue.message}`;
      }),
    );
  }
  const settings = result.data;
  if (!isLoopbackHost(settings.SIMULATOR_HOST) && settings.SIMULATOR_ALLOW_REMOTE !== 'true') {
    throw new ConfigError([
      `SIMULATOR_HOST=${settings.SIMULATOR_HOST} is not a loopback address; bind to 127.0.0.1, ` +
        '::1 or localhost, or set SIMULATOR_ALLOW_REMOTE=true to expose the simulator',
    ]);
  }
  return {
    host: settings.SIMULATOR_HOST,
    port: settings.SIMULATOR_PORT,
    speed: settings.SIMULATOR_SPEED,
    appKey: settings.SIMULATOR_APPKEY,
    accessKeyId: settings.SIMULATOR_ACCESS_KEY_ID,
    secretAccessKey: settings.SIMULATOR_SECRET_ACCESS_KEY,
    objectStorageTenantId: settings.SIMULATOR_OBJECT_STORAGE_TENANT_ID,
    objectStorageUsername: settings.SIMULATOR_OBJECT_STORAGE_USERNAME,
    objectStoragePassword: settings.SIMULATOR_OBJECT_STORAGE_PASSWORD,
  };
}
