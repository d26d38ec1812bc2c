import { ErrorCode, type WebAPIRateLimitedError } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SlackFake } from '../support/slack-fake/index.js';
import { fakeClient, ManualClock, platformError, rawCall } from './fake-client.js';

describe('SlackFake transport', () => {
  const fake = new SlackFake();

  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  afterEach(() => fake.reset());

  it('answers auth.test with the bot identity', async () => {
    const result = await fakeClient(fake).auth.test();
    expect(result.ok).toBe(true);
    expect(result.user_id).toBe('U0BOT');
    expect(result.bot_id).toBe('B0BOT');
    expect(result.team_id).toBe('T0TEST');
  });

  it('rejects a call without a token with not_authed', async () => {
    const answer = await rawCall(fake, 'auth.test', {
      contentType: 'application/x-www-form-urlencoded',
      body: '',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ok: false, error: 'not_authed' });
  });

  it('rejects a wrong token with invalid_auth', async () => {
    const failure = await platformError(fakeClient(fake, 'xoxb-wrong').auth.test());
    expect(failure.error).toBe('invalid_auth');
  });

  it('accepts the token as a form field and tolerates team_id', async () => {
    const body = new URLSearchParams({
      token: fake.botToken,
      team_id: 'T0TEST',
      channel: 'C0GENERAL',
      text: 'hello',
    }).toString();
    const answer = await rawCall(fake, 'chat.postMessage', {
      contentType: 'application/x-www-form-urlencoded',
      body,
    });
    expect(answer.body.ok).toBe(true);
    expect(fake.calls('chat.postMessage')[0]?.args).not.toHaveProperty('token');
  });

  it('answers an unknown method with unknown_method', async () => {
    const answer = await rawCall(fake, 'chat.postMessages', {
      authorization: `Bearer ${fake.botToken}`,
      contentType: 'application/x-www-form-urlencoded',
      body: 'channel=C0GENERAL&text=x',
    });
    expect(answer.body).toEqual({ ok: false, error: 'unknown_method' });
  });

  it('accepts JSON on JSON-capable methods and warns about a missing charset', async () => {
    const answer = await rawCall(fake, 'chat.postMessage', {
      authorization: `Bearer ${fake.botToken}`,
      contentType: 'application/json',
      body: JSON.stringify({ channel: 'C0GENERAL', text: 'json', blocks: [{ type: 'divider' }] }),
    });
    expect(answer.body.ok).toBe(true);
    expect(answer.body.warning).toBe('missing_charset');
    expect(fake.messages('C0GENERAL')[0]?.blocks).toHaveLength(1);
  });

  it('ignores a JSON body on a method that takes only forms', async () => {
    const answer = await rawCall(fake, 'conversations.info', {
      authorization: `Bearer ${fake.botToken}`,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify({ channel: 'C0GENERAL' }),
    });
    expect(answer.body).toEqual({ ok: false, error: 'channel_not_found' });
  });

  it('does not read the token from a JSON body', async () => {
    const answer = await rawCall(fake, 'auth.test', {
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify({ token: fake.botToken }),
    });
    expect(answer.body.error).toBe('not_authed');
  });

  it('answers a forced rate limit with 429 and Retry-After', async () => {
    fake.rateLimitNext('chat.update', 1, 7);
    const answer = await rawCall(fake, 'chat.update', {
      authorization: `Bearer ${fake.botToken}`,
      contentType: 'application/x-www-form-urlencoded',
      body: 'channel=C0GENERAL&ts=1.000001&text=x',
    });
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('7');
    expect(answer.body).toEqual({ ok: false, error: 'ratelimited' });
  });

  it('surfaces a 429 to WebClient as a rate-limited error', async () => {
    fake.rateLimitNext('chat.postMessage', 1, 3);
    const client = fakeClient(fake);
    const error = await client.chat
      .postMessage({ channel: 'C0GENERAL', text: 'x' })
      .catch((e: unknown) => e);
    expect((error as WebAPIRateLimitedError).code).toBe(ErrorCode.RateLimitedError);
    expect((error as WebAPIRateLimitedError).retryAfter).toBe(3);
    const next = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'x' });
    expect(next.ok).toBe(true);
  });

  it('fails the next calls with a queued error', async () => {
    fake.failNext('users.info', 'fatal_error', 2);
    const client = fakeClient(fake);
    expect((await platformError(client.users.info({ user: 'U0ALICE' }))).error).toBe('fatal_error');
    expect((await platformError(client.users.info({ user: 'U0ALICE' }))).error).toBe('fatal_error');
    expect((await client.users.info({ user: 'U0ALICE' })).ok).toBe(true);
  });

  it('records calls with their outcome and without the token', async () => {
    const client = fakeClient(fake);
    await client.chat.postMessage({
      channel: 'C0GENERAL',
      text: 'one',
      metadata: { event_type: 'e', event_payload: {} },
    });
    await platformError(client.chat.postMessage({ channel: 'C0NOPE', text: 'two' }));
    const calls = fake.calls('chat.postMessage');
    expect(calls.map((call) => call.ok)).toEqual([true, false]);
    expect(calls[1]?.error).toBe('channel_not_found');
    expect(calls[0]?.args.metadata).toEqual({ event_type: 'e', event_payload: {} });
    expect(JSON.stringify(calls)).not.toContain(fake.botToken);
  });
});

describe('SlackFake scopes', () => {
  it('answers missing_scope with needed and provided', async () => {
    const fake = new SlackFake({ scopes: ['chat:write'] });
    await fake.start();
    try {
      const failure = await platformError(fakeClient(fake).users.info({ user: 'U0ALICE' }));
      expect(failure.error).toBe('missing_scope');
      expect(failure.needed).toBe('users:read');
      expect(failure.provided).toBe('chat:write');
    } finally {
      await fake.stop();
    }
  });
});

describe('SlackFake rate limit enforcement', () => {
  it('limits chat.update to 50 calls per minute', async () => {
    const clock = new ManualClock();
    const fake = new SlackFake({ enforceRateLimits: true, now: clock.now });
    await fake.start();
    try {
      const client = fakeClient(fake);
      const { ts } = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'status' });
      for (let index = 0; index < 50; index += 1) {
        await client.chat.update({ channel: 'C0GENERAL', ts: String(ts), text: `status ${index}` });
      }
      const error = await client.chat
        .update({ channel: 'C0GENERAL', ts: String(ts), text: 'late' })
        .catch((e: unknown) => e);
      expect((error as WebAPIRateLimitedError).retryAfter).toBe(60);
      clock.advance(60_000);
      const after = await client.chat.update({
        channel: 'C0GENERAL',
        ts: String(ts),
        text: 'later',
      });
      expect(after.ok).toBe(true);
    } finally {
      await fake.stop();
    }
  });

  it('allows a burst of posts per channel and then one per second', async () => {
    const clock = new ManualClock();
    const fake = new SlackFake({ enforceRateLimits: true, postMessageBurst: 3, now: clock.now });
    await fake.start();
    try {
      const client = fakeClient(fake);
      for (let index = 0; index < 3; index += 1) {
        await client.chat.postMessage({ channel: 'C0GENERAL', text: `burst ${index}` });
      }
      const error = await client.chat
        .postMessage({ channel: 'C0GENERAL', text: 'over' })
        .catch((e: unknown) => e);
      expect((error as WebAPIRateLimitedError).retryAfter).toBe(1);
      const otherChannel = await client.chat.postMessage({ channel: 'C0ALERTS', text: 'other' });
      expect(otherChannel.ok).toBe(true);
      clock.advance(1000);
      const next = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'next' });
      expect(next.ok).toBe(true);
    } finally {
      await fake.stop();
    }
  });
});
