import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { isLoopbackHost, readSimulatorEnv } from '../../src/simulator/main-config.js';

describe('readSimulatorEnv', () => {
  it('applies the defaults', () => {
    expect(readSimulatorEnv({})).toEqual({
      host: '127.0.0.1',
      port: 10090,
      speed: 1,
      appKey: undefined,
      accessKeyId: undefined,
      secretAccessKey: undefined,
    });
  });

  it('reads every variable', () => {
    const options = readSimulatorEnv({
      SIMULATOR_HOST: '::1',
      SIMULATOR_PORT: '0',
      SIMULATOR_SPEED: '10',
      SIMULATOR_APPKEY: 'app',
      SIMULATOR_ACCESS_KEY_ID: 'id',
      SIMULATOR_SECRET_ACCESS_KEY: 'secret',
      SIMULATOR_OBJECT_STORAGE_TENANT_ID: 'tenant',
      SIMULATOR_OBJECT_STORAGE_USERNAME: 'user',
      SIMULATOR_OBJECT_STORAGE_PASSWORD: 'password',
    });
    expect(options).toEqual({
      host: '::1',
      port: 0,
      speed: 10,
      appKey: 'app',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      objectStorageTenantId: 'tenant',
      objectStorageUsername: 'user',
      objectStoragePassword: 'password',
    });
  });

  it('names each invalid variable', () => {
    let caught: unknown;
    try {
      readSimulatorEnv({ SIMULATOR_PORT: 'http', SIMULATOR_SPEED: '-1' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('SIMULATOR_PORT="http"');
    expect(problems[1]).toContain('SIMULATOR_SPEED="-1" must be a positive number');
  });

  it('rejects a port above 65535', () => {
    expect(() => readSimulatorEnv({ SIMULATOR_PORT: '70000' })).toThrow(/between 0 and 65535/);
  });

  it('rejects a non-loopback host unless remote access is allowed', () => {
    expect(() => readSimulatorEnv({ SIMULATOR_HOST: '0.0.0.0' })).toThrow(/SIMULATOR_ALLOW_REMOTE/);
    const options = readSimulatorEnv({
      SIMULATOR_HOST: '0.0.0.0',
      SIMULATOR_ALLOW_REMOTE: 'true',
    });
    expect(options.host).toBe('0.0.0.0');
  });
});

describe('isLoopbackHost', () => {
  it('accepts loopback names and addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost']) {
      expect(isLoopbackHost(host)).toBe(true);
    }
  });

  it('rejects other hosts', () => {
    for (const host of ['0.0.0.0', '10.0.0.1', '::', 'example.com', '127.example.com']) {
      expect(isLoopbackHost(host)).toBe(false);
    }
  });
});
