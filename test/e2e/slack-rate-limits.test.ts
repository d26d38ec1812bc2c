import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALICE,
  CHANNEL,
  type Harness,
  inlineTrainCommand,
  replyTexts,
  startHarness,
} from './harness.js';

describe('Slack rate limits', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ speed: 20 });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('waits out 429 answers and still posts every message once', async () => {
    const { fake, driver } = harness;
    await harness.control('PUT', '/_simulator/timing', { training: { RUNNING: 1500 } });
    await driver.sendCommand({
      command: '/easymaker',
      text: inlineTrainCommand('rate-limited'),
      userId: ALICE,
      channelId: CHANNEL,
    });
    const parent = await fake.waitFor(
      () => fake.messages(CHANNEL).find((message) => message.text.includes('rate-limited')),
      10_000,
    );
    fake.rateLimitNext('chat.update', 2, 1);
    fake.rateLimitNext('chat.postMessage', 2, 1);
    await fake.waitFor(
      () => replyTexts(fake, CHANNEL, parent.ts).find((text) => text.includes('completed')),
      30_000,
    );
    await fake.waitFor(
      () => fake.message(CHANNEL, parent.ts)?.text.includes(': COMPLETE ('),
      10_000,
    );
    await sleep(500);
    const replies = replyTexts(fake, CHANNEL, parent.ts);
    for (const status of ['RUNNING', 'COMPLETE_IN_PROGRESS']) {
      expect(replies.filter((text) => text.includes(`*${status}*`)).length).toBeLessThanOrEqual(1);
    }
    expect(replies.filter((text) => text.includes('completed'))).toHaveLength(1);
    const limited = fake.calls().filter((call) => call.error === 'ratelimited');
    expect(limited.length).toBeGreaterThanOrEqual(2);
  });
});
