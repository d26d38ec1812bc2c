import { randomUUID } from 'node:crypto';
import { App, LogLevel } from '@slack/bolt';
import type { BotConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { createSlackLogger } from './bolt-logger.js';

/**
 * Creates the Bolt app: Socket Mode when an app-level token is configured, HTTP otherwise
 * (requests verified with the signing secret at `/slack/events`).
 */
export function createSlackApp(
  config: BotConfig,
  logger: Logger,
  redisStatus: () => string = () => 'ready',
): App {
  const slackLogger = createSlackLogger(logger, 'bolt');
  const clientOptions = {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    // Listener calls (views.open and views.update) must land within seconds or not at all.
    retryConfig: { retries: 1 },
    logger: createSlackLogger(logger, 'web-api'),
  };
  const common = {
    token: config.slack.botToken,
    logger: slackLogger,
    logLevel: logger.isLevelEnabled('debug') ? LogLevel.DEBUG : LogLevel.INFO,
    clientOptions,
  };
  const app = config.slack.socketMode
    ? new App({ ...common, socketMode: true, appToken: config.slack.appToken })
    : new App({
        ...common,
        signingSecret: config.slack.signingSecret ?? '',
        customRoutes: [
          {
            path: '/healthz',
            method: ['GET'],
            handler: (_request, response) => {
              // Without Redis the bot can acknowledge Slack requests but queue nothing, so it is unhealthy.
              const redis = redisStatus();
              const healthy = redis === 'ready';
              response.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
              response.end(JSON.stringify({ ok: healthy, redis }));
            },
          },
        ],
      });
  app.error(async (error) => {
    // The user sees Slack's generic failure; the reference ties it to this log line.
    logger.error({ err: error, reference: randomUUID().slice(0, 8) }, 'slack listener failed');
  });
  return app;
}
