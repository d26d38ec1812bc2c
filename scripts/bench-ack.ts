/**
 * Measures how fast the bot acknowledges Slack requests under concurrency: rounds of 50 signed
 * requests sent at once (help, inline create, and the modal opener). The bot runs as its own
 * process, with its workers, against the local stack (simulator, Slack fake, real Redis); this
 * process plays Slack. Prints p50, p95, p99 and max per kind.
 *
 * Usage: npm run bench:ack [-- --rounds 10]
 */
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createSimulator } from '../src/simulator/simulator-server.js';
import { BotProcess, findFreePort } from '../test/support/bot-process.js';
import { deleteKeysWithPrefix } from '../test/support/delete-keys-with-prefix.js';
import { localStackEnvironment } from '../test/support/local-stack-environment.js';
import { SlackDriver } from '../test/support/slack-driver/index.js';
import { SlackFake } from '../test/support/slack-fake/index.js';

const CONCURRENCY = 50;
const roundsArgument = process.argv.indexOf('--rounds');
const ROUNDS = roundsArgument > 0 ? Number(process.argv[roundsArgument + 1]) : 10;

function percentile(sorted: number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const quiet = createLogger('silent');
  const simulator = createSimulator({ port: 0, speed: 50, logger: quiet });
  await simulator.start();
  const fake = new SlackFake();
  await fake.start();
  const signingSecret = randomUUID();
  const redisKeyPrefix = `bench-${randomUUID().slice(0, 8)}`;
  const environment = {
    ...localStackEnvironment({
      slackApiUrl: fake.apiUrl,
      slackBotToken: fake.botToken,
      signingSecret,
      simulatorUrl: simulator.url,
      alertsChannelId: 'C0ALERTS',
      redisKeyPrefix,
    }),
    PORT: String(await findFreePort()),
    LOG_LEVEL: 'silent',
  };
  const config = loadConfig(environment);
  // One process answers Slack and another runs the workers, as a deployment that scales out
  // would; the answers then do not wait for the work the earlier requests queued.
  const bot = new BotProcess({ ...environment, BOT_ROLE: 'web' });
  const worker = new BotProcess({ ...environment, BOT_ROLE: 'worker', LOG_LEVEL: 'info' });
  await bot.start();
  await worker.start();
  const driver = new SlackDriver({
    botUrl: `${bot.url}/slack/events`,
    signingSecret,
    fake,
  });
  const texts: Record<string, (index: number) => string> = {
    help: () => 'help',
    'train (modal)': () => 'train',
    'train (inline, queued)': (index) =>
      `train name=bench-${index} experiment_name=bench image="Ubuntu 22.04 CPU TensorFlow Training" instance=m2.c4m8 source_dir_uri=nas://n:/src entry_point=a.py model_upload_uri=nas://n:/m dataset_list=d=nas://n:/d`,
  };
  // One warm-up request per kind, so module loading is not measured.
  for (const make of Object.values(texts)) {
    await driver.sendCommand({
      command: '/easymaker',
      text: make(0),
      userId: 'U0ALICE',
      channelId: 'C0GENERAL',
    });
  }
  process.stdout.write(
    `| request | requests | p50 ms | p95 ms | p99 ms | max ms |\n|---|--:|--:|--:|--:|--:|\n`,
  );
  for (const [kind, make] of Object.entries(texts)) {
    const timings: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const answers = await Promise.all(
        Array.from({ length: CONCURRENCY }, (_, index) =>
          driver.sendCommand({
            command: '/easymaker',
            text: make(round * CONCURRENCY + index),
            userId: 'U0ALICE',
            channelId: 'C0GENERAL',
          }),
        ),
      );
      timings.push(...answers.map((answer) => answer.elapsedMs));
    }
    timings.sort((left, right) => left - right);
    const row = [0.5, 0.95, 0.99].map((fraction) => percentile(timings, fraction).toFixed(1));
    process.stdout.write(
      `| ${kind} | ${timings.length} | ${row.join(' | ')} | ${(timings.at(-1) ?? 0).toFixed(1)} |\n`,
    );
  }
  await bot.stop();
  await worker.stop();
  await fake.stop();
  await simulator.stop();
  await deleteKeysWithPrefix(config.redis.url, redisKeyPrefix);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
