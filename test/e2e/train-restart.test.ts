import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotProcess, findFreePort } from '../support/bot-process.js';
import { SlackDriver } from '../support/slack-driver/index.js';
import {
  ALICE,
  CHANNEL,
  type Harness,
  inlineTrainCommand,
  replyTexts,
  SIGNING_SECRET,
  startHarness,
} from './harness.js';

describe('tracking across a bot crash', () => {
  let harness: Harness;
  let botProcess: BotProcess;
  let driver: SlackDriver;

  beforeAll(async () => {
    // The in-process bot of the harness is stopped; a separate process does the work instead.
    harness = await startHarness({ speed: 20 });
    await harness.bot.stop();
    const port = await findFreePort();
    botProcess = new BotProcess({ ...harness.environment, PORT: String(port), LOG_LEVEL: 'warn' });
    await botProcess.start();
    driver = new SlackDriver({
      botUrl: `${botProcess.url}/slack/events`,
      signingSecret: SIGNING_SECRET,
      fake: harness.fake,
    });
  });

  afterAll(async () => {
    await botProcess?.stop();
    await harness?.stop();
  });

  // A job that was active when the process died is taken over once its lock expires (15 s).
  it('finishes a training tracked when the bot was killed exactly once', {
    timeout: 120_000,
  }, async () => {
    const { fake } = harness;
    // Hold the training in RUNNING long enough to kill and restart the bot in between.
    await harness.control('PUT', '/_simulator/timing', { training: { RUNNING: 6000 } });
    await driver.sendCommand({
      command: '/easymaker',
      text: inlineTrainCommand('survives-crash'),
      userId: ALICE,
      channelId: CHANNEL,
    });
    const parent = await fake.waitFor(
      () => fake.messages(CHANNEL).find((message) => message.text.includes('survives-crash')),
      15_000,
    );
    await fake.waitFor(
      () => replyTexts(fake, CHANNEL, parent.ts).find((text) => text.includes('*RUNNING*')),
      15_000,
    );
    await botProcess.kill();
    await sleep(500);
    await botProcess.start();

    await fake.waitFor(
      () => replyTexts(fake, CHANNEL, parent.ts).find((text) => text.includes('completed')),
      90_000,
    );
    // Give a duplicate a chance to appear before counting.
    await sleep(1500);
    const replies = replyTexts(fake, CHANNEL, parent.ts);
    expect(replies.filter((text) => text.includes('completed'))).toHaveLength(1);
    expect(replies.filter((text) => text.includes('*RUNNING*'))).toHaveLength(1);
    expect(replies.filter((text) => text.includes('Created training'))).toHaveLength(1);
    expect(
      fake.messages(CHANNEL).filter((message) => message.text.includes('survives-crash')),
    ).toHaveLength(1);
    expect(await harness.countRequests('POST', '/trainings')).toBe(1);
    await fake.waitFor(() => fake.message(CHANNEL, parent.ts)?.text.includes('COMPLETE'), 10_000);
  });
});
