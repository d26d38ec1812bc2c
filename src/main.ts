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
  await bot.start();
}

main().catch((error: unknown) => {
  process.stderr.write(`easymaker-bot failed to start: ${String(error)}\n`);
  process.exit(1);
});
