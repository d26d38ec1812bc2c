import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateValueFor, submittedState } from '../support/slack-driver/view-submission.js';
import { type FakeView, SlackFake } from '../support/slack-fake/index.js';
import { fakeClient } from './fake-client.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const option = (value: string) => ({ text: plain(value.toUpperCase()), value });

const input = (blockId: string, element: Record<string, unknown>, optional = false) => ({
  type: 'input',
  block_id: blockId,
  optional,
  label: plain(blockId),
  element: { action_id: 'value', ...element },
});

const formBlocks = [
  input('tags', { type: 'checkboxes', options: [option('gpu'), option('spot')] }, true),
  input('mode', { type: 'radio_buttons', options: [option('batch'), option('online')] }, true),
  input('start', { type: 'datepicker' }, true),
  input('at', { type: 'timepicker' }, true),
  input('owner', { type: 'users_select' }, true),
  input('watchers', { type: 'multi_users_select' }, true),
  input('target', { type: 'conversations_select', response_url_enabled: true }, true),
  input('alerts', { type: 'channels_select' }, true),
  input(
    'zones',
    {
      type: 'multi_static_select',
      option_groups: [{ label: plain('KR'), options: [option('kr1'), option('kr2')] }],
    },
    true,
  ),
  input(
    'rate',
    { type: 'number_input', is_decimal_allowed: true, min_value: '0', max_value: '1' },
    true,
  ),
];

describe('view submission state', () => {
  const fake = new SlackFake();
  let view: FakeView;

  beforeAll(async () => {
    await fake.start();
    const opened = await fakeClient(fake).views.open({
      trigger_id: fake.issueTriggerId('U0ALICE'),
      view: {
        type: 'modal',
        title: plain('Form'),
        submit: plain('Save'),
        blocks: formBlocks,
      } as never,
    });
    view = fake.view(String(opened.view?.id)) as FakeView;
  });
  afterAll(() => fake.stop());

  it('maps values onto Slack state shapes', () => {
    const state = submittedState(view, {
      tags: { value: ['gpu', 'spot'] },
      mode: { value: 'online' },
      start: { value: '2030-01-02' },
      at: { value: '09:30' },
      owner: { value: 'U0BOB' },
      watchers: { value: ['U0ALICE', 'U0CAROL'] },
      target: { value: 'C0ALERTS' },
      alerts: { value: 'C0GENERAL' },
      zones: { value: ['kr2'] },
      rate: { value: 0.5 },
    });
    expect(state.tags?.value).toEqual({
      type: 'checkboxes',
      selected_options: [option('gpu'), option('spot')],
    });
    expect(state.mode?.value).toEqual({ type: 'radio_buttons', selected_option: option('online') });
    expect(state.start?.value).toEqual({ type: 'datepicker', selected_date: '2030-01-02' });
    expect(state.at?.value).toEqual({ type: 'timepicker', selected_time: '09:30' });
    expect(state.owner?.value).toEqual({ type: 'users_select', selected_user: 'U0BOB' });
    expect(state.watchers?.value).toEqual({
      type: 'multi_users_select',
      selected_users: ['U0ALICE', 'U0CAROL'],
    });
    expect(state.target?.value).toEqual({
      type: 'conversations_select',
      selected_conversation: 'C0ALERTS',
    });
    expect(state.alerts?.value).toEqual({ type: 'channels_select', selected_channel: 'C0GENERAL' });
    expect(state.zones?.value).toEqual({
      type: 'multi_static_select',
      selected_options: [option('kr2')],
    });
    expect(state.rate?.value).toEqual({ type: 'number_input', value: '0.5' });
  });

  it('keeps the initial state of inputs not given', () => {
    const state = submittedState(view, { mode: { value: 'batch' } });
    expect(state.tags?.value).toEqual({ type: 'checkboxes', selected_options: [] });
    expect(state.start?.value).toEqual({ type: 'datepicker', selected_date: null });
  });

  it('rejects values a user cannot enter', () => {
    expect(() => submittedState(view, { tags: { value: ['cpu'] } })).toThrow(/no option cpu/);
    expect(() => submittedState(view, { start: { value: '02/01/2030' } })).toThrow(
      /does not accept/,
    );
    expect(() => submittedState(view, { rate: { value: '2' } })).toThrow(/does not accept 2/);
    expect(() => submittedState(view, { mode: { other: 'batch' } })).toThrow(
      /no element with action_id other/,
    );
    expect(() => submittedState(view, { owner: { value: ['U0BOB'] } })).toThrow(/takes a string/);
  });

  it('refuses to fill elements it does not model', () => {
    expect(() => stateValueFor({ type: 'file_input', action_id: 'f' }, 'x')).toThrow(
      /cannot fill file_input/,
    );
  });
});
