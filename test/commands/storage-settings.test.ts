import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';

const minimal = {
  SLACK_BOT_TOKEN: 'xoxb-1',
  SLACK_SIGNING_SECRET: 'secret',
  EASYMAKER_APPKEY: 'appkey',
  EASYMAKER_ACCESS_TOKEN: 'token',
};

const credentials = {
  OBJECT_STORAGE_TENANT_ID: 'tenant',
  OBJECT_STORAGE_USERNAME: 'user@example.com',
  OBJECT_STORAGE_PASSWORD: ' pass word ',
};

describe('loadConfig objectStorage', () => {
  it('applies the defaults without credentials', () => {
    const { objectStorage } = loadConfig(minimal);
    expect(objectStorage.identityUrl).toBe(
      'https://api-identity-infrastructure.nhncloudservice.com',
    );
    expect(objectStorage.credentials).toBeUndefined();
    expect(objectStorage.missingVariables).toEqual([
      'OBJECT_STORAGE_TENANT_ID',
      'OBJECT_STORAGE_USERNAME',
      'OBJECT_STORAGE_PASSWORD',
    ]);
    expect(objectStorage.uploadMaxBytes).toBe(100 * 1024 * 1024);
    expect(objectStorage.getMaxBytes).toBe(5 * 1024 * 1024);
  });

  it('keeps the password as given', () => {
    const { objectStorage } = loadConfig({ ...minimal, ...credentials });
    expect(objectStorage.credentials).toEqual({
      tenantId: 'tenant',
      username: 'user@example.com',
      password: ' pass word ',
    });
    expect(objectStorage.missingVariables).toEqual([]);
  });

  it('names the credentials still missing', () => {
    const { OBJECT_STORAGE_PASSWORD: _unused, ...partial } = credentials;
    const { objectStorage } = loadConfig({ ...minimal, ...partial });
    expect(objectStorage.credentials).toBeUndefined();
    expect(objectStorage.missingVariables).toEqual(['OBJECT_STORAGE_PASSWORD']);
  });

  it('reads size limits in MB', () => {
    const { objectStorage } = loadConfig({
      ...minimal,
      OBJECT_STORAGE_UPLOAD_MAX_MB: '0.5',
      OBJECT_STORAGE_GET_MAX_MB: '12',
    });
    expect(objectStorage.uploadMaxBytes).toBe(512 * 1024);
    expect(objectStorage.getMaxBytes).toBe(12 * 1024 * 1024);
  });

  it('rejects an invalid limit without echoing the password', () => {
    let problems: string[] = [];
    try {
      loadConfig({ ...minimal, ...credentials, OBJECT_STORAGE_UPLOAD_MAX_MB: '-1' });
    } catch (error) {
      if (!(error instanceof ConfigError)) {
        throw error;
      }
      problems = error.problems;
    }
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^OBJECT_STORAGE_UPLOAD_MAX_MB /);
    expect(problems.join('\n')).not.toContain('pass word');
  });
});
