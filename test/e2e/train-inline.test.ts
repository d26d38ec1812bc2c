import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALERTS_CHANNEL,
  ALICE,
  CHANNEL,
  type Harness,
  inlineTrainCommand,
  replyTexts,
  startHarness,
} from './harness.js';

describe('/easymaker train with inline arguments', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ speed: 20 });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('creates the training and tracks it to COMPLETE in one thread', async () => {
    const { driver, fake } = harness;
    const ack = await driver.sendCommand({
      command: '/easymaker',
      text: inlineTrainCommand('inline-happy'),
      userId: ALICE,
      channelId: CHANNEL,
    });
    expect(ack.status).toBe(200);
    expect(ack.body).toContain('Creating training');

    const parent = await fake.waitFor(
      () => fake.messages(CHANNEL).find((message) => message.text.includes('inline-happy')),
      10_000,
    );
    const final = await fake.waitFor(
      () => replyTexts(fake, CHANNEL, parent.ts).find((text) => text.includes('completed')),
      30_000,
    );
    expect(final).toContain(`<@${ALICE}>`);
    const replies = replyTexts(fake, CHANNEL, parent.ts);
    expect(replies[0]).toMatch(/Created training `inline-happy` with id `[a-z0-9]{12}`/);
    const statusOrder = [
      'CREATE_REQUESTED',
      'CREATE_IN_PROGRESS',
      'RUNNING',
      'COMPLETE_IN_PROGRESS',
    ];
    const seen = statusOrder.filter((status) =>
      replies.some((text) => text.includes(`*${status}*`)),
    );
    expect(seen.length).toBeGreaterThan(0);
    const positions = seen.map((status) =>
      replies.findIndex((text) => text.includes(`*${status}*`)),
    );
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(replies.at(-1)).toBe(final);
    expect(replies.filter((text) => text.includes('completed'))).toHaveLength(1);

    await fake.waitFor(() => fake.message(CHANNEL, parent.ts)?.text.includes('COMPLETE'), 5000);
    expect(fake.messages(ALERTS_CHANNEL)).toHaveLength(0);
  });
});
