import { ConfigError } from '../errors.js';
import { createLogger } from '../logger.js';
import { readSimulatorEnv } from './main-config.js';
import { createSimulator } from './simulator-server.js';

/*
 * Command line entry of the EasyMaker simulator (`npm run simulator`). Settings come from
 * SIMULATOR_HOST, SIMULATOR_PORT, SIMULATOR_SPEED, SIMULATOR_APPKEY, SIMULATOR_ACCESS_KEY_ID,
 * SIMULATOR_SECRET_ACCESS_KEY, SIMULATOR_ALLOW_REMOTE and the Object Storage credentials
 * SIMULATOR_OBJECT_STORAGE_TENANT_ID, SIMULATOR_OBJECT_STORAGE_USERNAME and
 * SIMULATOR_OBJECT_STORAGE_PASSWORD. Stops on SIGINT or SIGTERM.
 */

const logger = createLogger('info');

async function main(): Promise<void> {
  const options = readSimulatorEnv(process.env);
  const simulator = createSimulator({ ...options, logger });
  await simulator.start();
  logger.info({ url: simulator.url }, 'EasyMaker simulator listening');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal }, 'stopping the EasyMaker simulator');
    simulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'simulator stop failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    logger.error({ problems: error.problems }, 'invalid simulator configuration');
    process.stderr.write(`${error.message}\n`);
  } else {
    logger.error({ err: error }, 'simulator failed to start');
  }
  process.exit(1);
});
