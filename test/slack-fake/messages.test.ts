import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SlackFake } from '../support/slack-fake/index.js';
import { fakeClient, platformError } from './fake-client.js';

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('SlackFake messages', () => {
  const fake = new SlackFake();
  let client: ReturnType<typeof fakeClient>;

  beforeAll(async () => {
    await fake.start();
    client = fakeClient(fake);
  });
  afterAll(() => fake.stop());
  afterEach(() => fake.reset());

  it('posts a message with a unique, increasing ts', async () => {
    const first = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'one' });
    const second = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'two' });
    expect(first.ts).toMatch(/^\d+\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(first.message?.bot_id).toBe('B0BOT');
    expect(fake.messages('C0GENERAL').map((message) => message.text)).toEqual(['one', 'two']);
  });

  it('assigns a block_id to blocks without one', async () => {
    await client.chat.postMessage({ channel: 'C0GENERAL', text: 'x', blocks: [section('hi')] });
    const blocks = (fake.messages('C0GENERAL')[0]?.blocks ?? []) as { block_id?: string }[];
    expect(typeof blocks[0]?.block_id).toBe('string');
  });

  it('rejects a message without text or blocks with no_text', async () => {
    const failure = await platformError(
      client.chat.postMessage({ channel: 'C0GENERAL', text: '' }),
    );
    expect(failure.error).toBe('no_text');
  });

  it('rejects a missing channel with channel_not_found', async () => {
    const failure = await platformError(client.apiCall('chat.postMessage', { text: 'x' }));
    expect(failure.error).toBe('channel_not_found');
  });

  it('rejects blocks that are not JSON with invalid_blocks_format', async () => {
    const failure = await platformError(
      client.apiCall('chat.postMessage', { channel: 'C0GENERAL', blocks: '[{' }),
    );
    expect(failure.error).toBe('invalid_blocks_format');
  });

  it('threads a reply under its parent', async () => {
    const parent = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'parent' });
    const reply = await client.chat.postMessage({
      channel: 'C0GENERAL',
      text: 'reply',
      thread_ts: String(parent.ts),
    });
    expect(reply.message?.thread_ts).toBe(parent.ts);
    expect(fake.replies('C0GENERAL', String(parent.ts)).map((message) => message.text)).toEqual([
      'reply',
    ]);
    expect(fake.messages('C0GENERAL')).toHaveLength(1);
    expect(fake.messages('C0GENERAL')[0]?.reply_count).toBe(1);
  });

  it('rejects a reply to an unknown or nested parent', async () => {
    const unknown = await platformError(
      client.chat.postMessage({ channel: 'C0GENERAL', text: 'x', thread_ts: '1700000000.000001' }),
    );
    expect(unknown.error).toBe('cannot_reply_to_message');
    const parent = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'parent' });
    const reply = await client.chat.postMessage({
      channel: 'C0GENERAL',
      text: 'r',
      thread_ts: String(parent.ts),
    });
    const nested = await platformError(
      client.chat.postMessage({ channel: 'C0GENERAL', text: 'x', thread_ts: String(reply.ts) }),
    );
    expect(nested.error).toBe('cannot_reply_to_message');
  });

  it('updates text and blocks and counts the updates', async () => {
    const posted = await client.chat.postMessage({
      channel: 'C0GENERAL',
      text: 'v1',
      blocks: [section('v1')],
    });
    const ts = String(posted.ts);
    const updated = await client.chat.update({
      channel: 'C0GENERAL',
      ts,
      text: 'v2',
      blocks: [section('v2')],
    });
    expect(updated.text).toBe('v2');
    expect(fake.message('C0GENERAL', ts)?.blocks).toEqual([
      expect.objectContaining({ text: { type: 'mrkdwn', text: 'v2' } }),
    ]);
    expect(fake.updatesOf('C0GENERAL', ts)).toBe(1);
  });

  it('keeps blocks an update omits and removes them with an empty list', async () => {
    const posted = await client.chat.postMessage({
      channel: 'C0GENERAL',
      text: 'v1',
      blocks: [section('v1')],
    });
    const ts = String(posted.ts);
    await client.chat.update({ channel: 'C0GENERAL', ts, text: 'v2' });
    expect(fake.message('C0GENERAL', ts)?.blocks).toHaveLength(1);
    await client.chat.update({ channel: 'C0GENERAL', ts, text: 'v3', blocks: [] });
    expect(fake.message('C0GENERAL', ts)?.blocks).toEqual([]);
  });

  it('rejects updates to unknown and foreign messages', async () => {
    const missing = await platformError(
      client.chat.update({ channel: 'C0GENERAL', ts: '1700000000.000001', text: 'x' }),
    );
    expect(missing.error).toBe('message_not_found');
    const human = fake.addUserMessage('C0GENERAL', 'U0ALICE', 'mine');
    const foreign = await platformError(
      client.chat.update({ channel: 'C0GENERAL', ts: human.ts, text: 'x' }),
    );
    expect(foreign.error).toBe('cant_update_message');
  });

  it('accepts 4000 characters of update text and rejects 4001', async () => {
    const posted = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'short' });
    const ts = String(posted.ts);
    expect(
      (await client.chat.update({ channel: 'C0GENERAL', ts, text: 'a'.repeat(4000) })).ok,
    ).toBe(true);
    const failure = await platformError(
      client.chat.update({ channel: 'C0GENERAL', ts, text: 'a'.repeat(4001) }),
    );
    expect(failure.error).toBe('msg_too_long');
  });

  it('rejects chat.update with a user id instead of the DM channel id', async () => {
    const posted = await client.chat.postMessage({ channel: 'U0ALICE', text: 'dm' });
    expect(posted.channel).toBe('D0ALICE');
    const failure = await platformError(
      client.chat.update({ channel: 'U0ALICE', ts: String(posted.ts), text: 'x' }),
    );
    expect(failure.error).toBe('channel_not_found');
  });

  it('round-trips metadata through conversations.replies and history', async () => {
    const metadata = { event_type: 'training_status', event_payload: { trainingId: 'tr-1' } };
    const posted = await client.chat.postMessage({ channel: 'C0ALERTS', text: 'status', metadata });
    const ts = String(posted.ts);
    const replies = await client.conversations.replies({
      channel: 'C0ALERTS',
      ts,
      include_all_metadata: true,
    });
    expect(replies.messages?.[0]?.metadata).toEqual(metadata);
    const history = await client.conversations.history({
      channel: 'C0ALERTS',
      include_all_metadata: true,
    });
    expect(history.messages?.[0]?.metadata).toEqual(metadata);
    const withoutFlag = await client.conversations.history({ channel: 'C0ALERTS' });
    expect(withoutFlag.messages?.[0]?.metadata).toBeUndefined();
  });

  it('returns history newest first with cursor paging', async () => {
    for (const text of ['a', 'b', 'c']) {
      await client.chat.postMessage({ channel: 'C0GENERAL', text });
    }
    const first = await client.conversations.history({ channel: 'C0GENERAL', limit: 2 });
    expect(first.messages?.map((message) => message.text)).toEqual(['c', 'b']);
    expect(first.has_more).toBe(true);
    const cursor = String(first.response_metadata?.next_cursor);
    const second = await client.conversations.history({ channel: 'C0GENERAL', limit: 2, cursor });
    expect(second.messages?.map((message) => message.text)).toEqual(['a']);
    expect(second.has_more).toBe(false);
  });

  it('answers thread_not_found for replies of an unknown ts', async () => {
    const failure = await platformError(
      client.conversations.replies({ channel: 'C0GENERAL', ts: '1700000000.000001' }),
    );
    expect(failure.error).toBe('thread_not_found');
  });

  it('enforces channel membership when posting', async () => {
    const publicPost = await client.chat.postMessage({ channel: 'C0RANDOM', text: 'public' });
    expect(publicPost.ok).toBe(true);
    const privatePost = await platformError(
      client.chat.postMessage({ channel: 'C0PRIVATE', text: 'x' }),
    );
    expect(privatePost.error).toBe('channel_not_found');
  });

  it('answers not_in_channel without chat:write.public', async () => {
    const narrow = new SlackFake({ scopes: ['chat:write', 'channels:history'] });
    await narrow.start();
    try {
      const failure = await platformError(
        fakeClient(narrow).chat.postMessage({ channel: 'C0RANDOM', text: 'x' }),
      );
      expect(failure.error).toBe('not_in_channel');
    } finally {
      await narrow.stop();
    }
  });

  it('posts ephemeral messages only to channel members', async () => {
    const posted = await client.chat.postEphemeral({
      channel: 'C0ALERTS',
      user: 'U0ALICE',
      text: 'psst',
    });
    expect(posted.message_ts).toMatch(/^\d+\.\d{6}$/);
    expect(fake.ephemerals('C0ALERTS')).toEqual([
      expect.objectContaining({ user: 'U0ALICE', text: 'psst' }),
    ]);
    const outsider = await platformError(
      client.chat.postEphemeral({ channel: 'C0ALERTS', user: 'U0CAROL', text: 'x' }),
    );
    expect(outsider.error).toBe('user_not_in_channel');
  });

  it('deletes its own messages and builds permalinks', async () => {
    const parent = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'parent' });
    const reply = await client.chat.postMessage({
      channel: 'C0GENERAL',
      text: 'r',
      thread_ts: String(parent.ts),
    });
    const link = await client.chat.getPermalink({
      channel: 'C0GENERAL',
      message_ts: String(reply.ts),
    });
    expect(link.permalink).toBe(
      `https://easymaker-test.slack.com/archives/C0GENERAL/p${String(reply.ts).replace('.', '')}?thread_ts=${parent.ts}&cid=C0GENERAL`,
    );
    await client.chat.delete({ channel: 'C0GENERAL', ts: String(parent.ts) });
    expect(fake.messages('C0GENERAL')).toEqual([]);
    const deletedLink = await platformError(
      client.chat.getPermalink({ channel: 'C0GENERAL', message_ts: String(parent.ts) }),
    );
    expect(deletedLink.error).toBe('message_not_found');
  });

  it('adds a reaction once', async () => {
    const posted = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'x' });
    await client.reactions.add({
      channel: 'C0GENERAL',
      name: 'white_check_mark',
      timestamp: String(posted.ts),
    });
    expect(fake.message('C0GENERAL', String(posted.ts))?.reactions).toEqual([
      { name: 'white_check_mark', users: ['U0BOT'], count: 1 },
    ]);
    const again = await platformError(
      client.reactions.add({
        channel: 'C0GENERAL',
        name: 'white_check_mark',
        timestamp: String(posted.ts),
      }),
    );
    expect(again.error).toBe('already_reacted');
  });
});

describe('SlackFake workspace methods', () => {
  const fake = new SlackFake();
  let client: ReturnType<typeof fakeClient>;

  beforeAll(async () => {
    await fake.start();
    client = fakeClient(fake);
  });
  afterAll(() => fake.stop());
  afterEach(() => fake.reset());

  it('describes channels the bot can see', async () => {
    const info = await client.conversations.info({ channel: 'C0ALERTS' });
    expect(info.channel?.name).toBe('alerts');
    expect(info.channel?.is_member).toBe(true);
    const hidden = await platformError(client.conversations.info({ channel: 'C0PRIVATE' }));
    expect(hidden.error).toBe('channel_not_found');
  });

  it('joins public channels only', async () => {
    const joined = await client.conversations.join({ channel: 'C0RANDOM' });
    expect(joined.channel?.is_member).toBe(true);
    const again = await client.conversations.join({ channel: 'C0RANDOM' });
    expect(again.warning).toBe('already_in_channel');
    const history = await client.conversations.history({ channel: 'C0RANDOM' });
    expect(history.ok).toBe(true);
  });

  it('answers not_in_channel when reading history of a channel the bot left out', async () => {
    const failure = await platformError(client.conversations.history({ channel: 'C0RANDOM' }));
    expect(failure.error).toBe('not_in_channel');
  });

  it('looks up users and user groups', async () => {
    const alice = await client.users.info({ user: 'U0ALICE' });
    expect(alice.user?.name).toBe('alice');
    expect(alice.user?.is_bot).toBe(false);
    expect((await platformError(client.users.info({ user: 'U0NOBODY' }))).error).toBe(
      'user_not_found',
    );
    const group = await client.usergroups.users.list({ usergroup: 'S0APPROVERS' });
    expect(group.users).toEqual(['U0ALICE', 'U0BOB']);
    expect((await platformError(client.usergroups.users.list({ usergroup: 'S0NONE' }))).error).toBe(
      'no_such_subteam',
    );
  });

  it('uploads a file into a channel through the external upload flow', async () => {
    await client.filesUploadV2({
      channel_id: 'C0GENERAL',
      content: 'log line',
      filename: 'train.log',
      title: 'Training log',
      initial_comment: 'logs',
    });
    const [file] = fake.uploadedFiles();
    expect(file?.content?.toString()).toBe('log line');
    expect(file?.title).toBe('Training log');
    expect(fake.messages('C0GENERAL')[0]?.files?.[0]?.id).toBe(file?.id);
  });
});
