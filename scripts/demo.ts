/**
 * Runs the product's main job on built-in defaults. It starts the EasyMaker simulator, a local
 * stand-in for Slack's Web API, and the bot with real Redis and BullMQ workers. Then it sends
 * `/easymaker train` as Slack would (signed, form-encoded), submits the modal, and prints the
 * thread as it updates until the training ends. A second training is made to fail, which shows
 * the alert in the alerts channel.
 *
 * Usage: npm run demo [-- --fail | --success]
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createBot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createSimulator } from '../src/simulator/simulator-server.js';
import { deleteKeysWithPrefix } from '../test/support/delete-keys-with-prefix.js';
import { localStackEnvironment } from '../test/support/local-stack-environment.js';
import { SlackDriver } from '../test/support/slack-driver/index.js';
import { type FakeMessage, SlackFake } from '../test/support/slack-fake/index.js';

const CHANNEL = 'C0GENERAL';
const ALERTS_CHANNEL = 'C0ALERTS';
const USER = 'U0ALICE';
const SIGNING_SECRET = randomUUID();
const OBS = 'obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_demo/ml-bucket';

const print = (line = '') => process.stdout.write(`${line}\n`);
const started = Date.now();
const clock = () => `[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s]`;

async function main(): Promise<void> {
  const mode = process.argv.includes('--fail')
    ? 'fail'
    : process.argv.includes('--success')
      ? 'success'
      : 'both';
  const quiet = createLogger(process.env.LOG_LEVEL ?? 'silent');
  const simulator = createSimulator({ port: 0, speed: 5, logger: quiet });
  await simulator.start();
  const fake = new SlackFake();
  await fake.start();
  const redisKeyPrefix = `demo-${randomUUID().slice(0, 8)}`;
  const config = loadConfig({
    ...localStackEnvironment({
      slackApiUrl: fake.apiUrl,
      slackBotToken: fake.botToken,
      signingSecret: SIGNING_SECRET,
      simulatorUrl: simulator.url,
      alertsChannelId: ALERTS_CHANNEL,
      redisKeyPrefix,
    }),
    POLL_INTERVAL_SECONDS: '0.5',
    SLACK_UPDATE_DEBOUNCE_MS: '200',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  });
  const bot = createBot(config, quiet);
  await bot.start();
  const driver = new SlackDriver({
    botUrl: `http://127.0.0.1:${bot.port}/slack/events`,
    signingSecret: SIGNING_SECRET,
    fake,
  });
  print(`EasyMaker simulator at ${simulator.url}; bot listening on 127.0.0.1:${bot.port}`);
  try {
    if (mode !== 'fail') {
      await runTraining(driver, fake, 'demo-mnist-baseline');
    }
    if (mode !== 'success') {
      await runTraining(driver, fake, 'fail-demo-diverged');
    }
  } finally {
    await bot.stop();
    await fake.stop();
    await simulator.stop();
    await deleteKeysWithPrefix(config.redis.url, redisKeyPrefix);
  }
}

async function runTraining(driver: SlackDriver, fake: SlackFake, name: string): Promise<void> {
  print();
  print(`${clock()} /easymaker train   (sent by ${USER} in #general, signed like Slack)`);
  const ack = await driver.sendCommand({
    command: '/easymaker',
    text: 'train',
    userId: USER,
    channelId: CHANNEL,
  });
  print(`${clock()} bot acknowledged in ${ack.elapsedMs.toFixed(0)} ms (HTTP ${ack.status})`);
  const view = await fake.waitFor(() => {
    const open = fake.openViewFor(USER);
    return open?.callback_id === 'easymaker:create:training' ? open : undefined;
  }, 10_000);
  print(
    `${clock()} modal "Create training" opened with live images, instance types and experiments`,
  );
  const values: Record<string, Record<string, string | string[]>> = {
    training_name: { value: name },
    experiment_name: { value: 'demo-experiment' },
    image_name: { value: 'imgtfcpu2150' },
    instance_type_name: { value: '5f0a7c52-1b7e-4a8e-9f31-0c1d2e3f4a01' },
    source_dir_uri: { value: `${OBS}/src` },
    entry_point: { value: 'train.py' },
    model_upload_uri: { value: `${OBS}/model/${name}` },
    dataset_list: { value: `train=${OBS}/data/train\nvalidation=${OBS}/data/validation` },
    data_storage_size: { value: '300' },
    hyperparameter_list: { value: 'learning_rate=0.001\nepochs=5' },
    timeout_hours: { value: '2' },
  };
  await driver.submitView({ viewId: view.id, userId: USER, values });
  print(`${clock()} modal submitted: training_name=${name}`);

  const parent = await fake.waitFor(
    () => fake.messages(CHANNEL).find((message) => message.text.includes(` ${name}:`)),
    20_000,
  );
  print(`${clock()} #general  ${parent.text}`);
  await followThread(fake, parent, name);
}

async function followThread(fake: SlackFake, parent: FakeMessage, name: string): Promise<void> {
  let printedReplies = 0;
  let lastParentText = parent.text;
  let printedAlerts = fake.messages(ALERTS_CHANNEL).length;
  const deadline = Date.now() + 120_000;
  let finalStatus: string | undefined;
  while (Date.now() < deadline) {
    const replies = fake.replies(CHANNEL, parent.ts);
    for (const reply of replies.slice(printedReplies)) {
      print(`${clock()}   └ thread  ${reply.text}`);
      const ended = /(?:completed|failed with|was stopped) \(?\*([A-Z_]+)\*/.exec(reply.text);
      if (ended) {
        finalStatus = ended[1];
      }
    }
    printedReplies = replies.length;
    const current = fake.message(CHANNEL, parent.ts)?.text ?? lastParentText;
    if (current !== lastParentText) {
      print(`${clock()} #general  (parent updated) ${current}`);
      lastParentText = current;
    }
    const alerts = fake.messages(ALERTS_CHANNEL);
    for (const alert of alerts.slice(printedAlerts)) {
      print(`${clock()} #alerts   ${alert.text}`);
    }
    printedAlerts = alerts.length;
    const settled = finalStatus !== undefined && current.includes(`: ${finalStatus} (`);
    if (settled && (!name.startsWith('fail-') || printedAlerts > 0)) {
      return;
    }
    await sleep(200);
  }
  throw new Error(`training ${name} did not finish within 120 s`);
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
