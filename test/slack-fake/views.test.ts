import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SlackFake } from '../support/slack-fake/index.js';
import { fakeClient, ManualClock, platformError } from './fake-client.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const chars = (length: number) => 'x'.repeat(length);

function modal(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'modal',
    callback_id: 'create_training',
    title: plain('Create training'),
    submit: plain('Create'),
    blocks: [
      {
        type: 'input',
        block_id: 'name',
        label: plain('Name'),
        element: { type: 'plain_text_input', action_id: 'value', initial_value: 'mnist' },
      },
      {
        type: 'input',
        block_id: 'flavor',
        label: plain('Flavor'),
        element: {
          type: 'static_select',
          action_id: 'value',
          options: [{ text: plain('Small'), value: 'small' }],
          initial_option: { text: plain('Small'), value: 'small' },
        },
      },
    ],
    ...fields,
  };
}

interface ViewEdge {
  name: string;
  valid: Record<string, unknown>;
  invalid: Record<string, unknown>;
  pointer: string;
}

const viewEdges: ViewEdge[] = [
  {
    name: 'title length',
    valid: { title: plain(chars(24)) },
    invalid: { title: plain(chars(25)) },
    pointer: '/view/title/text',
  },
  {
    name: 'submit length',
    valid: { submit: plain(chars(24)) },
    invalid: { submit: plain(chars(25)) },
    pointer: '/view/submit/text',
  },
  {
    name: 'close length',
    valid: { close: plain(chars(24)) },
    invalid: { close: plain(chars(25)) },
    pointer: '/view/close/text',
  },
  {
    name: 'callback_id length',
    valid: { callback_id: chars(255) },
    invalid: { callback_id: chars(256) },
    pointer: '/view/callback_id',
  },
  {
    name: 'private_metadata length',
    valid: { private_metadata: chars(3000) },
    invalid: { private_metadata: chars(3001) },
    pointer: '/view/private_metadata',
  },
  {
    name: 'external_id length',
    valid: { external_id: chars(255) },
    invalid: { external_id: chars(256) },
    pointer: '/view/external_id',
  },
  {
    name: 'blocks per view',
    valid: { blocks: Array.from({ length: 100 }, () => ({ type: 'divider' })) },
    invalid: { blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) },
    pointer: '/view/blocks',
  },
  { name: 'required title', valid: {}, invalid: { title: undefined }, pointer: '/view' },
  {
    name: 'submit with input blocks',
    valid: {},
    invalid: { submit: undefined },
    pointer: '/view/submit',
  },
  {
    name: 'markdown blocks in modals',
    valid: {},
    invalid: { blocks: [{ type: 'markdown', text: 'x' }] },
    pointer: '/view/blocks/0/type',
  },
];

describe('SlackFake views', () => {
  const clock = new ManualClock();
  const fake = new SlackFake({ now: clock.now });
  let client: ReturnType<typeof fakeClient>;

  beforeAll(async () => {
    await fake.start();
    client = fakeClient(fake);
  });
  afterAll(() => fake.stop());
  afterEach(() => fake.reset());

  it('opens a modal with state built from initial values', async () => {
    const opened = await client.views.open({
      trigger_id: fake.issueTriggerId('U0ALICE'),
      view: modal() as never,
    });
    expect(opened.view?.id).toMatch(/^V/);
    expect(fake.view(String(opened.view?.id))?.state.values).toEqual({
      name: { value: { type: 'plain_text_input', value: 'mnist' } },
      flavor: {
        value: { type: 'static_select', selected_option: { text: plain('Small'), value: 'small' } },
      },
    });
    expect(fake.openViewFor('U0ALICE')?.id).toBe(opened.view?.id);
  });

  it.each(viewEdges)('enforces $name', async ({ valid, invalid, pointer }) => {
    const accepted = await client.views.open({
      trigger_id: fake.issueTriggerId('U0ALICE'),
      view: modal(valid) as never,
    });
    expect(accepted.ok).toBe(true);
    const failure = await platformError(
      client.views.open({
        trigger_id: fake.issueTriggerId('U0BOB'),
        view: modal(invalid) as never,
      }),
    );
    expect(failure.error).toBe('invalid_arguments');
    const messages = failure.response_metadata?.messages ?? [];
    expect(messages.some((message) => message.endsWith(`[json-pointer:${pointer}]`))).toBe(true);
  });

  it('rejects a view over 250 kB with view_too_large', async () => {
    const big = modal({
      blocks: Array.from({ length: 90 }, () => ({
        type: 'section',
        text: { type: 'mrkdwn', text: chars(2900) },
      })),
    });
    const failure = await platformError(
      client.views.open({ trigger_id: fake.issueTriggerId('U0ALICE'), view: big as never }),
    );
    expect(failure.error).toBe('view_too_large');
  });

  it('uses a trigger id once', async () => {
    const triggerId = fake.issueTriggerId('U0ALICE');
    await client.views.open({ trigger_id: triggerId, view: modal() as never });
    const failure = await platformError(
      client.views.open({ trigger_id: triggerId, view: modal() as never }),
    );
    expect(failure.error).toBe('exchanged_trigger_id');
  });

  it('expires a trigger id after 3 seconds', async () => {
    const fresh = fake.issueTriggerId('U0ALICE');
    clock.advance(3000);
    expect((await client.views.open({ trigger_id: fresh, view: modal() as never })).ok).toBe(true);
    const stale = fake.issueTriggerId('U0ALICE');
    clock.advance(3001);
    const failure = await platformError(
      client.views.open({ trigger_id: stale, view: modal() as never }),
    );
    expect(failure.error).toBe('expired_trigger_id');
  });

  it('rejects a malformed or unknown trigger id', async () => {
    const malformed = await platformError(
      client.views.open({ trigger_id: 'nope', view: modal() as never }),
    );
    expect(malformed.error).toBe('invalid_trigger_id');
    const unknown = await platformError(
      client.views.open({ trigger_id: '1.2.abc', view: modal() as never }),
    );
    expect(unknown.error).toBe('invalid_trigger_id');
  });

  it('pushes up to a stack of three views', async () => {
    const root = await client.views.open({
      trigger_id: fake.issueTriggerId('U0ALICE'),
      view: modal() as never,
    });
    const second = await client.views.push({
      trigger_id: fake.issueTriggerId('U0ALICE'),
      view: modal() as never,
    });
    expect(second.view?.root_view_id).toBe(root.view?.id);
    expect(second.view?.previous_view_id).toBe(root.view?.id);
    await client.views.push({ trigger_id: fake.issueTriggerId('U0ALICE'), view: modal() as never });
    const fourth = await platformError(
      client.views.push({ trigger_id: fake.issueTriggerId('U0ALICE'), view: modal() as never }),
    );
    expect(fourth.error).toBe('push_limit_reached');
  });

  it('updates by view_id with a hash check and a new hash', async () => {
    const opened = await client.views.open({
      trigger_id: fake.issueTriggerId('U0ALICE'),
      view: modal() as never,
    });
    const viewId = String(opened.view?.id);
    const firstHash = String(opened.view?.hash);
    const updated = await client.views.update({
      view_id: viewId,
      hash: firstHash,
      view: modal({ title: plain('Updated') }) as never,
    });
    expect(updated.view?.hash).not.toBe(firstHash);
    expect(fake.view(viewId)?.title).toEqual(plain('Updated'));
    const stale = await platformError(
      client.views.update({ view_id: viewId, hash: firstHash, view: modal() as never }),
    );
    expect(stale.error).toBe('hash_conflict');
  });

  it('updates by external_id and keeps external ids unique', async () => {
    await client.views.open({
      trigger_id: fake.issueTriggerId('U0ALICE'),
      view: modal({ external_id: 'tr-1' }) as never,
    });
    const updated = await client.views.update({
      external_id: 'tr-1',
      view: modal({ external_id: 'tr-1', title: plain('Loaded') }) as never,
    });
    expect(updated.view?.title).toEqual(plain('Loaded'));
    const duplicate = await platformError(
      client.views.open({
        trigger_id: fake.issueTriggerId('U0BOB'),
        view: modal({ external_id: 'tr-1' }) as never,
      }),
    );
    expect(duplicate.error).toBe('duplicate_external_id');
  });

  it('answers not_found for unknown or closed views', async () => {
    const unknown = await platformError(
      client.views.update({ view_id: 'V404', view: modal() as never }),
    );
    expect(unknown.error).toBe('not_found');
    const opened = await client.views.open({
      trigger_id: fake.issueTriggerId('U0ALICE'),
      view: modal() as never,
    });
    fake.modals.close(String(opened.view?.id));
    const closed = await platformError(
      client.views.update({ view_id: String(opened.view?.id), view: modal() as never }),
    );
    expect(closed.error).toBe('not_found');
  });
});
