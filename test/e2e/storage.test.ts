import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import type { ResponseUrlPost } from '../support/slack-fake/index.js';
import { ackText, send } from './e2e-flows.js';
import { clickEphemeralButton } from './ephemeral-click.js';
import { ALICE, CHANNEL, type Harness, startHarness } from './harness.js';

const TENANT = 'simulator-tenant';
const PASSWORD = 'simulator-password';
const WRONG_PASSWORD = 'not-the-simulator-password';
const CONTAINER = 'ml-bucket';

interface PostedBody {
  text: string;
  blocks?: Array<{ type: string; text?: { text: string } }>;
}

/** Swift calls made as another client would, with a token of its own. */
class SwiftStore {
  constructor(private readonly baseUrl: string) {}

  private async token(): Promise<string> {
    const response = await fetch(`${this.baseUrl}/v2.0/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        auth: {
          tenantId: TENANT,
          passwordCredentials: { username: 'simulator-user', password: PASSWORD },
        },
      }),
    });
    const body = (await response.json()) as { access: { token: { id: string } } };
    return body.access.token.id;
  }

  private objectUrl(name: string): string {
    return `${this.baseUrl}/v1/AUTH_${TENANT}/${CONTAINER}/${name}`;
  }

  async put(name: string, content: string | Buffer): Promise<void> {
    const response = await fetch(this.objectUrl(name), {
      method: 'PUT',
      headers: { 'x-auth-token': await this.token() },
      body: content,
    });
    expect(response.status).toBe(201);
  }

  /** Returns the object's bytes, or undefined when it does not exist. */
  async get(name: string): Promise<Buffer | undefined> {
    const response = await fetch(this.objectUrl(name), {
      headers: { 'x-auth-token': await this.token() },
    });
    if (response.status === 404) {
      return undefined;
    }
    return Buffer.from(await response.arrayBuffer());
  }
}

/**
 * Replaces the harness's bot with one on the same port and Redis state, configured with `extra`
 * and logging every level into `logs`.
 */
async function swapBot(
  harness: Harness,
  extra: Record<string, string>,
  logs: string[],
): Promise<void> {
  const port = harness.bot.port;
  await harness.bot.stop();
  const config = loadConfig({ ...harness.environment, ...extra, PORT: String(port) });
  const logger = createLogger('trace', { write: (line: string) => logs.push(line) });
  harness.bot = createBot(config, logger);
  await harness.bot.start();
}

function storageSettings(harness: Harness, password: string): Record<string, string> {
  return {
    OBJECT_STORAGE_IDENTITY_URL: harness.simulator.url,
    OBJECT_STORAGE_TENANT_ID: TENANT,
    OBJECT_STORAGE_USERNAME: 'simulator-user',
    OBJECT_STORAGE_PASSWORD: password,
  };
}

function obsUri(harness: Harness, path: string): string {
  const host = new URL(harness.simulator.url).host;
  return `obs://${host}/v1/AUTH_${TENANT}/${CONTAINER}/${path}`;
}

async function postTo(
  harness: Harness,
  url: string | undefined,
  text: string,
): Promise<ResponseUrlPost> {
  return harness.fake.waitFor(
    () =>
      harness.fake
        .responseUrlPosts()
        .find((post) => post.url === url && JSON.stringify(post.body).includes(text)),
    10_000,
  );
}

/** Sends a command acknowledged at once and replied to later; returns the reply text. */
async function answerOf(harness: Harness, command: string, text: string): Promise<string> {
  const ack = await send(harness, command);
  const post = await postTo(harness, ack.responseUrl, text);
  expect(post.responseType).toBe('ephemeral');
  return (post.body as PostedBody).text;
}

/** Names of the listed objects in a list message, in order. */
function listedNames(body: PostedBody): string[] {
  return (body.blocks ?? [])
    .slice(1)
    .filter((block) => block.type === 'section')
    .map((block) => /^`([^`]+)`/.exec(block.text?.text ?? '')?.[1] ?? '');
}

/** Everything the bot sent to Slack: Web API calls and response URL posts. */
function slackTraffic(harness: Harness): string {
  return JSON.stringify([harness.fake.calls(), harness.fake.responseUrlPosts()]);
}

describe('storage commands', () => {
  let harness: Harness;
  let store: SwiftStore;
  const logs: string[] = [];

  beforeAll(async () => {
    harness = await startHarness();
    store = new SwiftStore(harness.simulator.url);
    await swapBot(
      harness,
      {
        ...storageSettings(harness, PASSWORD),
        OBJECT_STORAGE_UPLOAD_MAX_MB: '0.05',
        OBJECT_STORAGE_GET_MAX_MB: '0.01',
      },
      logs,
    );
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('lists the storage commands in help', async () => {
    const general = ackText(await send(harness, 'help'));
    expect(general).toContain('`storage list|upload|get obs://…`');
    const storage = ackText(await send(harness, 'help storage'));
    expect(storage).toContain('/easymaker storage list obs://…/{prefix}');
    expect(storage).toContain('/easymaker storage upload obs://…/{folder} file=<Slack file id>');
    expect(storage).toContain('/easymaker storage get obs://…/{object} [thread=<ts>]');
    expect(ackText(await send(harness, 'storage'))).toBe(storage);
  });

  it('lists more than 20 objects in pages', async () => {
    const names = Array.from(
      { length: 45 },
      (_, index) => `paging/object-${String(index).padStart(3, '0')}.txt`,
    );
    for (const name of names) {
      await store.put(name, `content of ${name}`);
    }
    const ack = await send(harness, `storage list ${obsUri(harness, 'paging/')}`);
    expect(ack.body).toBe('');
    const first = (await postTo(harness, ack.responseUrl, 'Objects under')).body as PostedBody;
    expect(first.text).toContain('Page 1 · objects 1–20');
    expect(listedNames(first)).toEqual(names.slice(0, 20));
    expect(JSON.stringify(first.blocks)).toContain('modified ');

    const click = async (blocks: unknown[], actionId: string) => {
      const clicked = await clickEphemeralButton({
        driver: harness.driver,
        fake: harness.fake,
        blocks,
        actionId,
        userId: ALICE,
        channelId: CHANNEL,
      });
      expect(clicked.status).toBe(200);
      const post = await postTo(harness, clicked.responseUrl, 'Objects under');
      expect(post.replaceOriginal).toBe(true);
      return post.body as PostedBody;
    };
    const second = await click(first.blocks ?? [], 'easymaker:storage:page:next');
    expect(second.text).toContain('Page 2 · objects 21–40');
    expect(listedNames(second)).toEqual(names.slice(20, 40));
    const third = await click(second.blocks ?? [], 'easymaker:storage:page:next');
    expect(third.text).toContain('Page 3 · objects 41–45');
    expect(listedNames(third)).toEqual(names.slice(40));
    expect(JSON.stringify(third.blocks)).not.toContain('easymaker:storage:page:next');
    const back = await click(third.blocks ?? [], 'easymaker:storage:page:previous');
    expect(listedNames(back)).toEqual(names.slice(20, 40));
    const start = await click(back.blocks ?? [], 'easymaker:storage:page:previous');
    expect(listedNames(start)).toEqual(names.slice(0, 20));
    expect(JSON.stringify(start.blocks)).not.toContain('easymaker:storage:page:previous');
  });

  it('lists an empty prefix', async () => {
    const text = await answerOf(
      harness,
      `storage list ${obsUri(harness, 'nothing-here/')}`,
      'No objects',
    );
    expect(text).toContain('No objects under');
  });

  it('uploads a shared file and finds it in the store', async () => {
    const content = 'sepal_length,species\n5.1,setosa\n';
    const file = harness.fake.addUserFile({
      userId: ALICE,
      name: 'iris small.csv',
      content,
      channels: [CHANNEL],
    });
    const folder = obsUri(harness, 'uploads');
    const ack = await send(harness, `storage upload ${folder} file=${file.id}`);
    expect(ackText(ack)).toContain(`Uploading Slack file \`${file.id}\``);
    const post = await postTo(harness, ack.responseUrl, 'Uploaded');
    const text = (post.body as PostedBody).text;
    expect(text).toContain('`iris small.csv` (32 B)');
    expect(text).toContain(`\`${folder}/iris small.csv\``);
    expect(post.responseType).toBe('ephemeral');
    expect((await store.get('uploads/iris small.csv'))?.toString('utf8')).toBe(content);
  });

  it('retries an upload after a 503', async () => {
    const path = `/v1/AUTH_${TENANT}/${CONTAINER}/retry/again.csv`;
    await harness.control('POST', '/_simulator/faults', {
      kind: 'http-error',
      method: 'PUT',
      pathPattern: path,
      status: 503,
      count: 1,
    });
    const file = harness.fake.addUserFile({
      userId: ALICE,
      name: 'again.csv',
      content: 'a,b\n1,2\n',
      channels: [CHANNEL],
    });
    const ack = await send(harness, `storage upload ${obsUri(harness, 'retry')} file=${file.id}`);
    await harness.fake.waitFor(
      () =>
        harness.fake
          .responseUrlPosts()
          .find(
            (post) =>
              post.url === ack.responseUrl && JSON.stringify(post.body).includes('Uploaded'),
          ),
      20_000,
    );
    expect(await harness.countRequests('PUT', path)).toBe(2);
    expect(
      harness.fake.responseUrlPosts().filter((post) => post.url === ack.responseUrl),
    ).toHaveLength(1);
    expect((await store.get('retry/again.csv'))?.toString('utf8')).toBe('a,b\n1,2\n');
  });

  it('rejects a file over the upload limit', async () => {
    const file = harness.fake.addUserFile({
      userId: ALICE,
      name: 'large.bin',
      content: Buffer.alloc(60 * 1024, 7),
      channels: [CHANNEL],
    });
    const text = await answerOf(
      harness,
      `storage upload ${obsUri(harness, 'uploads')} file=${file.id}`,
      'Could not upload',
    );
    expect(text).toContain(
      '"large.bin" is 60.0 KB, over the upload limit of 51.2 KB (OBJECT_STORAGE_UPLOAD_MAX_MB)',
    );
    expect(await store.get('uploads/large.bin')).toBeUndefined();
  });

  it('explains a file the bot cannot see', async () => {
    const file = harness.fake.addUserFile({
      userId: ALICE,
      name: 'hidden.csv',
      content: 'a,b\n',
      channels: ['C0RANDOM'],
    });
    const text = await answerOf(
      harness,
      `storage upload ${obsUri(harness, 'uploads')} file=${file.id}`,
      'Could not upload',
    );
    expect(text).toContain(`${file.id} was not found: share the file in a channel the bot is in`);
  });

  it('rejects an upload into a missing container', async () => {
    const file = harness.fake.addUserFile({
      userId: ALICE,
      name: 'a.csv',
      content: 'a\n',
      channels: [CHANNEL],
    });
    const host = new URL(harness.simulator.url).host;
    const uri = `obs://${host}/v1/AUTH_${TENANT}/no-such-bucket/in`;
    const text = await answerOf(harness, `storage upload ${uri} file=${file.id}`, 'Could not');
    expect(text).toContain('returned HTTP 404: not found; check the container and the path');
    expect(harness.fake.calls('files.info').some((call) => call.args.file === file.id)).toBe(false);
  });

  it('gets an object into the channel', async () => {
    const uri = obsUri(harness, 'metrics/mnist-train/metrics.json');
    const ack = await send(harness, `storage get ${uri}`);
    expect(ackText(ack)).toContain('Fetching');
    const posted = await postTo(harness, ack.responseUrl, 'Posted');
    expect((posted.body as PostedBody).text).toContain('Posted `metrics.json`');
    const message = harness.fake
      .messages(CHANNEL)
      .find((candidate) => candidate.files?.[0]?.name === 'metrics.json');
    expect(message?.text).toContain(uri);
    expect(message?.text).toContain(`<@${ALICE}>`);
    const stored = harness.fake.uploadedFiles().find((file) => file.id === message?.files?.[0]?.id);
    expect(JSON.parse(stored?.content?.toString('utf8') ?? '')).toEqual({
      epochs: 3,
      loss: 0.0631,
      accuracy: 0.9812,
    });
  });

  it('gets an object into a thread', async () => {
    const parent = harness.fake.addUserMessage(CHANNEL, ALICE, 'batch results go here');
    const uri = obsUri(harness, 'batch-input/iris-000.jsonl');
    const ack = await send(harness, `storage get ${uri} thread=${parent.ts}`);
    await postTo(harness, ack.responseUrl, 'Posted');
    const reply = harness.fake.replies(CHANNEL, parent.ts)[0];
    expect(reply?.files?.[0]?.name).toBe('iris-000.jsonl');

    const linkTs = `p${parent.ts.replace('.', '')}`;
    const again = await send(harness, `storage get ${uri} thread=${linkTs}`);
    await postTo(harness, again.responseUrl, 'Posted');
    expect(harness.fake.replies(CHANNEL, parent.ts)).toHaveLength(2);
  });

  it('rejects an object over the get limit', async () => {
    await store.put('large/model.bin', Buffer.alloc(20 * 1024, 1));
    const text = await answerOf(
      harness,
      `storage get ${obsUri(harness, 'large/model.bin')}`,
      'Could not fetch',
    );
    expect(text).toContain('is 20480 bytes, more than the limit of 10485 bytes');
    expect(text).toContain('OBJECT_STORAGE_GET_MAX_MB');
    expect(await harness.countRequests('HEAD', '/large/model.bin')).toBe(1);
    expect(await harness.countRequests('GET', '/large/model.bin')).toBe(0);
  });

  it('explains an unknown object', async () => {
    const text = await answerOf(
      harness,
      `storage get ${obsUri(harness, 'metrics/missing.json')}`,
      'Could not fetch',
    );
    expect(text).toContain(
      'Object Storage HEAD "ml-bucket/metrics/missing.json" returned HTTP 404: not found; check the container and the path',
    );
  });

  it('explains a thread that does not exist', async () => {
    const text = await answerOf(
      harness,
      `storage get ${obsUri(harness, 'metrics/mnist-train/metrics.json')} thread=1700000000.000001`,
      'Could not post',
    );
    expect(text).toContain('thread names no message in this channel');
  });

  it.each([
    [
      'an https URI',
      () => `storage list https://${new URL(harness.simulator.url).host}/v1/AUTH_${TENANT}/x`,
      'the scheme must be obs://',
    ],
    [
      'a URI without AUTH_',
      () => `storage list obs://${new URL(harness.simulator.url).host}/v1/${TENANT}/x`,
      'the account segment must start with AUTH_',
    ],
    [
      'an empty container',
      () => `storage list obs://${new URL(harness.simulator.url).host}/v1/AUTH_${TENANT}//x`,
      'the container is empty',
    ],
    [
      'an empty tenant',
      () => `storage list obs://${new URL(harness.simulator.url).host}/v1/AUTH_/bucket`,
      'the tenant after AUTH_ is empty',
    ],
    [
      'a host other than the identity service',
      () => `storage get obs://127.0.0.1:1/v1/AUTH_${TENANT}/${CONTAINER}/a.json`,
      'Object Storage host "127.0.0.1:1" is not allowed',
    ],
    ['a missing URI', () => 'storage list', 'Give an obs:// URI'],
    ['an unknown operation', () => 'storage delete obs://x', 'Unknown storage operation "delete"'],
    [
      'a missing file id',
      () => `storage upload ${obsUri(harness, 'uploads')}`,
      'Name the Slack file to upload',
    ],
    [
      'an invalid file id',
      () => `storage upload ${obsUri(harness, 'uploads')} file=notes.csv`,
      'file must be a Slack file id, such as F0123ABCD, not "notes.csv"',
    ],
    [
      'an unknown argument',
      () => `storage list ${obsUri(harness, '')} limit=5`,
      'Unknown argument "limit" for storage list',
    ],
    [
      'a stray word',
      () => `storage list ${obsUri(harness, 'a/')} b/`,
      'Unexpected "b/" after the URI',
    ],
    [
      'an invalid thread',
      () => `storage get ${obsUri(harness, 'a.json')} thread=yesterday`,
      "thread must be the ts of the thread's parent message",
    ],
    [
      'a folder to get',
      () => `storage get ${obsUri(harness, 'metrics/')}`,
      'names a container or a folder, not an object',
    ],
  ])('rejects %s at once', async (_case, command, expected) => {
    const ack = await send(harness, command());
    expect(ackText(ack)).toContain(expected);
  });

  it('never shows the password in Slack or logs', () => {
    expect(logs.some((line) => line.includes('Object Storage token issued'))).toBe(true);
    expect(logs.some((line) => line.includes('object downloaded'))).toBe(true);
    expect(logs.filter((line) => line.includes(PASSWORD))).toEqual([]);
    expect(slackTraffic(harness)).not.toContain(PASSWORD);
  });
});

describe('storage without valid credentials', () => {
  let harness: Harness;
  const logs: string[] = [];

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('names every variable when storage is not configured', async () => {
    const text = ackText(await send(harness, `storage list ${obsUri(harness, '')}`));
    expect(text).toContain('Object Storage is not configured for this bot');
    expect(text).toContain(
      '(missing: `OBJECT_STORAGE_TENANT_ID`, `OBJECT_STORAGE_USERNAME`, `OBJECT_STORAGE_PASSWORD`)',
    );
    expect(ackText(await send(harness, 'help storage'))).toContain('*Object Storage*');
  });

  it('names the variables still missing', async () => {
    await swapBot(
      harness,
      { OBJECT_STORAGE_TENANT_ID: TENANT, OBJECT_STORAGE_USERNAME: 'simulator-user' },
      logs,
    );
    const text = ackText(await send(harness, `storage get ${obsUri(harness, 'a.json')}`));
    expect(text).toContain('(missing: `OBJECT_STORAGE_PASSWORD`)');
  });

  it('explains a wrong password', async () => {
    await swapBot(harness, storageSettings(harness, WRONG_PASSWORD), logs);
    const listed = await answerOf(
      harness,
      `storage list ${obsUri(harness, 'datasets/')}`,
      'Could not list',
    );
    expect(listed).toContain(
      "The identity service rejected the bot's Object Storage credentials (HTTP 401); ask an admin to check OBJECT_STORAGE_TENANT_ID, OBJECT_STORAGE_USERNAME and OBJECT_STORAGE_PASSWORD",
    );
    const file = harness.fake.addUserFile({
      userId: ALICE,
      name: 'b.csv',
      content: 'b\n',
      channels: [CHANNEL],
    });
    const uploaded = await answerOf(
      harness,
      `storage upload ${obsUri(harness, 'uploads')} file=${file.id}`,
      'Could not upload',
    );
    expect(uploaded).toContain("rejected the bot's Object Storage credentials (HTTP 401)");
  });

  it('never shows the wrong password in Slack or logs', () => {
    expect(logs.some((line) => line.includes('storage upload failed'))).toBe(true);
    expect(logs.filter((line) => line.includes(WRONG_PASSWORD))).toEqual([]);
    expect(slackTraffic(harness)).not.toContain(WRONG_PASSWORD);
  });
});
