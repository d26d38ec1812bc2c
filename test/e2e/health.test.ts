import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bot, createBot } from '../../src/bot.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

const environment = {
  SLACK_BOT_TOKEN: 'xoxb-health',
  SLACK_SIGNING_SECRET: 'health-secret',
  // Nothing listens on the discard port, so Slack's auth.test is never reached either.
  SLACK_API_URL: 'http://127.0.0.1:9/api/',
  EASYMAKER_APPKEY: 'appkey',
  EASYMAKER_ACCESS_TOKEN: 'token',
  EASYMAKER_API_URL: 'http://127.0.0.1:9',
  HOST: '127.0.0.1',
  PORT: '0',
  BOT_ROLE: 'web',
  LOG_LEVEL: 'silent',
};

describe('health endpoint', () => {
  let bot: Bot;

  afterAll(async () => {
    await bot?.stop();
  });

  describe('when Redis does not answer', () => {
    beforeAll(async () => {
      bot = createBot(
        loadConfig({ ...environment, REDIS_URL: 'redis://127.0.0.1:9' }),
        createLogger('silent'),
      );
      await bot.start();
    });

    it('reports the bot unhealthy with the Redis state', async () => {
      const response = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as { ok: boolean; redis: string };
      expect(body.ok).toBe(false);
      expect(body.redis).not.toBe('ready');
    });
  });
});
