import { createBot } from './bot.js';
import { loadConfig } from './config.js';
import { ConfigError } from './errors.js';
import { createLogger } from './logger.js';

/** Starts the bot from environment variables and stops it cleanly on SIGINT or SIGTERM. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const bot = createBot(config, logger);
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutdown requested');
    await bot.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  // Bolt checks the bot token with auth.test in the background; a rejection arrives here.
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, describeStartupFailure(reason));
    process.exit(1);
  });
  await bot.start();
}

/** Names the setting behind a failure that stops the bot, when the failure points at one. */
function describeStartupFailure(reason: unknown): string {
  const slackError =
    typeof reason === 'object' && reason !== null && 'data' in reason
      ? (reason as { data?: { error?: unknown } }).data?.error
      : undefined;
  if (
    typeof slackError === 'string' &&
    ['invalid_auth', 'not_authed', 'token_revoked', 'account_inactive'].includes(slackError)
  ) {
    return `Slack rejected SLACK_BOT_TOKEN (${slackError}); check the bot token`;
  }
  return 'easymaker-bot stopped on an unexpected error';
}

main().catch((error: unknown) => {
  process.stderr.write(`easymaker-bot failed to start: ${String(error)}\n`);
  process.exit(1);
});
