import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SlackFake } from '../support/slack-fake/index.js';
import { fakeClient, ManualClock } from './fake-client.js';

async function respond(
  url: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('SlackFake response URLs', () => {
  const clock = new ManualClock();
  const fake = new SlackFake({ now: clock.now });

  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  afterEach(() => fake.reset());

  it('issues absolute URLs on the fake', () => {
    const url = fake.newResponseUrl('C0GENERAL', 'U0ALICE');
    expect(url.startsWith(fake.apiUrl.replace('/api/', '/response/'))).toBe(true);
  });

  it('records ephemeral posts by default', async () => {
    const url = fake.newResponseUrl('C0GENERAL', 'U0ALICE');
    const answer = await respond(url, { text: 'only you' });
    expect(answer).toEqual({ status: 200, body: { ok: true } });
    expect(fake.ephemerals('C0GENERAL')).toEqual([
      expect.objectContaining({ user: 'U0ALICE', text: 'only you', source: 'response_url' }),
    ]);
    expect(fake.responseUrlPosts()[0]).toMatchObject({ responseType: 'ephemeral', status: 200 });
  });

  it('posts in_channel responses without membership', async () => {
    const url = fake.newResponseUrl('C0PRIVATE', 'U0CAROL');
    await respond(url, { text: 'for everyone', response_type: 'in_channel' });
    expect(fake.messages('C0PRIVATE').map((message) => message.text)).toEqual(['for everyone']);
  });

  it('accepts five posts and refuses the sixth', async () => {
    const url = fake.newResponseUrl('C0GENERAL', 'U0ALICE');
    for (let index = 0; index < 5; index += 1) {
      expect((await respond(url, { text: `post ${index}` })).status).toBe(200);
    }
    const sixth = await respond(url, { text: 'post 5' });
    expect(sixth.status).toBe(404);
    expect(sixth.body.error).toBe('used_url');
  });

  it('expires after 30 minutes', async () => {
    const url = fake.newResponseUrl('C0GENERAL', 'U0ALICE');
    clock.advance(30 * 60 * 1000 + 1);
    const late = await respond(url, { text: 'late' });
    expect(late.status).toBe(404);
    expect(late.body.error).toBe('expired_url');
  });

  it('replaces and deletes the message an interaction came from', async () => {
    const posted = await fakeClient(fake).chat.postMessage({
      channel: 'C0GENERAL',
      text: 'approve?',
    });
    const ts = String(posted.ts);
    const url = fake.newResponseUrl('C0GENERAL', 'U0ALICE', { messageTs: ts });
    await respond(url, { replace_original: true, text: 'approved' });
    expect(fake.message('C0GENERAL', ts)?.text).toBe('approved');
    expect(fake.updatesOf('C0GENERAL', ts)).toBe(0);
    await respond(url, { delete_original: true });
    expect(fake.message('C0GENERAL', ts)).toBeUndefined();
    expect(
      fake.responseUrlPosts().map((post) => [post.replaceOriginal, post.deleteOriginal]),
    ).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('does not let a command response_url replace an earlier response', async () => {
    const url = fake.newResponseUrl('C0GENERAL', 'U0ALICE');
    await respond(url, { text: 'first', response_type: 'in_channel' });
    await respond(url, { text: 'second', replace_original: true, response_type: 'in_channel' });
    expect(fake.messages('C0GENERAL').map((message) => message.text)).toEqual(['first', 'second']);
  });

  it('rejects invalid blocks and empty posts', async () => {
    const url = fake.newResponseUrl('C0GENERAL', 'U0ALICE');
    const invalid = await respond(url, {
      blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'h' } }],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toBe('invalid_blocks');
    const empty = await respond(url, { response_type: 'ephemeral' });
    expect(empty.body.error).toBe('no_text');
    expect(fake.responseUrlPosts().map((post) => post.error)).toEqual([
      'invalid_blocks',
      'no_text',
    ]);
  });
});
