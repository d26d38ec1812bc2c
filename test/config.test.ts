import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

const minimal = {
  SLACK_BOT_TOKEN: 'xoxb-1',
  SLACK_SIGNING_SECRET: 'secret',
  EASYMAKER_APPKEY: 'appkey',
  EASYMAKER_ACCESS_TOKEN: 'token',
};

function problemsOf(environment: Record<string, string>): string[] {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('applies the defaults', () => {
    const config = loadConfig(minimal);
    expect(config.tracking.pollIntervalMs).toBe(10_000);
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.easymaker.region).toBe('kr1');
    expect(config.slack.socketMode).toBe(false);
  });

  it('lists every missing setting at once', () => {
    const problems = problemsOf({});
    expect(problems).toContain('SLACK_BOT_TOKEN is missing');
    expect(problems).toContain('EASYMAKER_APPKEY is missing');
    expect(problems).toContain(
      'SLACK_SIGNING_SECRET is missing (HTTP mode verifies request signatures)',
    );
    expect(
      problems.some((problem) => problem.startsWith('EASYMAKER_ACCESS_TOKEN is missing')),
    ).toBe(true);
  });

  it('rejects URLs of the wrong kind', () => {
    const problems = problemsOf({
      ...minimal,
      SLACK_API_URL: 'ftp:/x',
      EASYMAKER_OAUTH_URL: 'javascript:alert(1)',
      REDIS_URL: 'not a url',
    });
    expect(problems).toContain('SLACK_API_URL must be an http:// or https:// URL');
    expect(problems).toContain('EASYMAKER_OAUTH_URL must be an http:// or https:// URL');
    expect(problems).toContain('REDIS_URL must be a redis:// or rediss:// URL');
  });

  it('names an invalid value and its rule', () => {
    const problems = problemsOf({
      ...minimal,
      POLL_INTERVAL_SECONDS: 'soon',
      SLACK_BOT_TOKEN: 'xoxp-1',
    });
    expect(problems.some((problem) => problem.startsWith('POLL_INTERVAL_SECONDS'))).toBe(true);
    expect(problems).toContain('SLACK_BOT_TOKEN must be a bot token starting with xoxb-');
  });

  it('requires EasyMaker credentials of one kind', () => {
    const { EASYMAKER_ACCESS_TOKEN: _unused, ...withoutToken } = minimal;
    expect(problemsOf(withoutToken)[0]).toMatch(
      /^EASYMAKER_ACCESS_TOKEN is missing; set it, or set/,
    );
    expect(
      problemsOf({
        ...withoutToken,
        EASYMAKER_ACCESS_KEY_ID: 'id',
        EASYMAKER_SECRET_ACCESS_KEY: 'key',
      }),
    ).toEqual([]);
  });

  it('uses Socket Mode when an app-level token is set', () => {
    const { SLACK_SIGNING_SECRET: _unused, ...withoutSecret } = minimal;
    expect(loadConfig({ ...withoutSecret, SLACK_APP_TOKEN: 'xapp-1' }).slack.socketMode).toBe(true);
    expect(problemsOf(withoutSecret)).toContain(
      'SLACK_SIGNING_SECRET is missing (HTTP mode verifies request signatures)',
    );
  });

  it('never echoes a secret value in its problems', () => {
    const problems = problemsOf({ ...minimal, SLACK_BOT_TOKEN: 'xoxp-very-secret' });
    expect(problems.join('\n')).not.toContain('very-secret');
  });
});
