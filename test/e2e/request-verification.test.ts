import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureFor } from '../support/slack-driver/index.js';
import { ALICE, CHANNEL, type Harness, SIGNING_SECRET, startHarness } from './harness.js';

function commandBody(text: string): string {
  return new URLSearchParams({
    team_id: 'T0TEST',
    channel_id: CHANNEL,
    user_id: ALICE,
    command: '/easymaker',
    text,
    trigger_id: '1.2.3',
    response_url: 'http://127.0.0.1:9/unused',
  }).toString();
}

describe('Slack request verification', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('rejects a signature made with another secret', async () => {
    const body = commandBody('help');
    const timestamp = Math.floor(Date.now() / 1000);
    const ack = await harness.driver.sendRaw({
      body,
      contentType: 'application/x-www-form-urlencoded',
      timestamp,
      signature: signatureFor('not-the-secret', timestamp, body),
    });
    expect(ack.status).toBe(401);
  });

  it('rejects a request signed more than five minutes ago', async () => {
    const body = commandBody('help');
    const timestamp = Math.floor(Date.now() / 1000) - 301;
    const ack = await harness.driver.sendRaw({
      body,
      contentType: 'application/x-www-form-urlencoded',
      timestamp,
      signature: signatureFor(SIGNING_SECRET, timestamp, body),
    });
    expect(ack.status).toBe(401);
  });

  it('rejects a body changed after signing', async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const ack = await harness.driver.sendRaw({
      body: commandBody('train name=changed'),
      contentType: 'application/x-www-form-urlencoded',
      timestamp,
      signature: signatureFor(SIGNING_SECRET, timestamp, commandBody('help')),
    });
    expect(ack.status).toBe(401);
  });

  it('answers help to a correctly signed command', async () => {
    const ack = await harness.driver.sendCommand({
      command: '/easymaker',
      text: 'help',
      userId: ALICE,
      channelId: CHANNEL,
    });
    expect(ack.status).toBe(200);
    expect((JSON.parse(ack.body) as { text: string }).text).toContain(
      '`train …` is short for `training run …`',
    );
  });

  it('answers an unknown subcommand with the known ones', async () => {
    const ack = await harness.driver.sendCommand({
      command: '/easymaker',
      text: 'deploy everything',
      userId: ALICE,
      channelId: CHANNEL,
    });
    expect((JSON.parse(ack.body) as { text: string }).text).toContain(
      'Unknown subcommand `deploy`',
    );
  });
});
