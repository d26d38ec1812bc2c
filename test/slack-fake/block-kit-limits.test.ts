import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackFake } from '../support/slack-fake/index.js';
import { fakeClient, platformError } from './fake-client.js';

/**
 * Every Block Kit limit at its edge: the last valid value passes `chat.postMessage`, the first
 * invalid one fails with `invalid_blocks` and a detail naming the JSON pointer of the problem.
 */

const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const chars = (length: number) => 'x'.repeat(length);
const times = <T>(count: number, build: (index: number) => T): T[] =>
  Array.from({ length: count }, (_, index) => build(index));

const button = (index: number, fields: Record<string, unknown> = {}) => ({
  type: 'button',
  action_id: `button_${index}`,
  text: plain('Go'),
  ...fields,
});
const actions = (...elements: unknown[]) => [{ type: 'actions', elements }];
const option = (index: number, fields: Record<string, unknown> = {}) => ({
  text: plain(`Option ${index}`),
  value: `value_${index}`,
  ...fields,
});
const staticSelect = (fields: Record<string, unknown>) =>
  actions({ type: 'static_select', action_id: 'pick', ...fields });
const input = (element: Record<string, unknown>, fields: Record<string, unknown> = {}) => [
  {
    type: 'input',
    block_id: 'in',
    label: plain('Label'),
    element: { action_id: 'value', ...element },
    ...fields,
  },
];

interface EdgeCase {
  name: string;
  valid: unknown[];
  invalid: unknown[];
  pointer: string;
}

const edgeCases: EdgeCase[] = [
  {
    name: 'blocks per message',
    valid: times(50, () => ({ type: 'divider' })),
    invalid: times(51, () => ({ type: 'divider' })),
    pointer: '/blocks',
  },
  {
    name: 'section text length',
    valid: [{ type: 'section', text: mrkdwn(chars(3000)) }],
    invalid: [{ type: 'section', text: mrkdwn(chars(3001)) }],
    pointer: '/blocks/0/text/text',
  },
  {
    name: 'empty text object',
    valid: [{ type: 'section', text: mrkdwn('x') }],
    invalid: [{ type: 'section', text: mrkdwn('') }],
    pointer: '/blocks/0/text/text',
  },
  {
    name: 'section field count',
    valid: [{ type: 'section', fields: times(10, () => mrkdwn('f')) }],
    invalid: [{ type: 'section', fields: times(11, () => mrkdwn('f')) }],
    pointer: '/blocks/0/fields',
  },
  {
    name: 'section field length',
    valid: [{ type: 'section', fields: [mrkdwn(chars(2000))] }],
    invalid: [{ type: 'section', fields: [mrkdwn(chars(2001))] }],
    pointer: '/blocks/0/fields/0/text',
  },
  {
    name: 'header length',
    valid: [{ type: 'header', text: plain(chars(150)) }],
    invalid: [{ type: 'header', text: plain(chars(151)) }],
    pointer: '/blocks/0/text/text',
  },
  {
    name: 'header text type',
    valid: [{ type: 'header', text: plain('h') }],
    invalid: [{ type: 'header', text: mrkdwn('h') }],
    pointer: '/blocks/0/text/type',
  },
  {
    name: 'context element count',
    valid: [{ type: 'context', elements: times(10, () => mrkdwn('c')) }],
    invalid: [{ type: 'context', elements: times(11, () => mrkdwn('c')) }],
    pointer: '/blocks/0/elements',
  },
  {
    name: 'actions element count',
    valid: actions(...times(25, (index) => button(index))),
    invalid: actions(...times(26, (index) => button(index))),
    pointer: '/blocks/0/elements',
  },
  {
    name: 'button text length',
    valid: actions(button(0, { text: plain(chars(75)) })),
    invalid: actions(button(0, { text: plain(chars(76)) })),
    pointer: '/blocks/0/elements/0/text/text',
  },
  {
    name: 'button text type',
    valid: actions(button(0)),
    invalid: actions(button(0, { text: mrkdwn('Go') })),
    pointer: '/blocks/0/elements/0/text/type',
  },
  {
    name: 'button value length',
    valid: actions(button(0, { value: chars(2000) })),
    invalid: actions(button(0, { value: chars(2001) })),
    pointer: '/blocks/0/elements/0/value',
  },
  {
    name: 'button url length',
    valid: actions(button(0, { url: chars(3000) })),
    invalid: actions(button(0, { url: chars(3001) })),
    pointer: '/blocks/0/elements/0/url',
  },
  {
    name: 'block_id length',
    valid: [{ type: 'divider', block_id: chars(255) }],
    invalid: [{ type: 'divider', block_id: chars(256) }],
    pointer: '/blocks/0/block_id',
  },
  {
    name: 'action_id length',
    valid: actions(button(0, { action_id: chars(255) })),
    invalid: actions(button(0, { action_id: chars(256) })),
    pointer: '/blocks/0/elements/0/action_id',
  },
  {
    name: 'block_id uniqueness',
    valid: [
      { type: 'divider', block_id: 'a' },
      { type: 'divider', block_id: 'b' },
    ],
    invalid: [
      { type: 'divider', block_id: 'a' },
      { type: 'divider', block_id: 'a' },
    ],
    pointer: '/blocks/1/block_id',
  },
  {
    name: 'action_id uniqueness in a block',
    valid: actions(button(0), button(1)),
    invalid: actions(button(0), button(0)),
    pointer: '/blocks/0/elements/1/action_id',
  },
  {
    name: 'select option count',
    valid: staticSelect({ options: times(100, (index) => option(index)) }),
    invalid: staticSelect({ options: times(101, (index) => option(index)) }),
    pointer: '/blocks/0/elements/0/options',
  },
  {
    name: 'option text length',
    valid: staticSelect({ options: [option(0, { text: plain(chars(75)) })] }),
    invalid: staticSelect({ options: [option(0, { text: plain(chars(76)) })] }),
    pointer: '/blocks/0/elements/0/options/0/text/text',
  },
  {
    name: 'option description length',
    valid: staticSelect({ options: [option(0, { description: plain(chars(75)) })] }),
    invalid: staticSelect({ options: [option(0, { description: plain(chars(76)) })] }),
    pointer: '/blocks/0/elements/0/options/0/description/text',
  },
  {
    name: 'option value length',
    valid: staticSelect({ options: [option(0, { value: chars(150) })] }),
    invalid: staticSelect({ options: [option(0, { value: chars(151) })] }),
    pointer: '/blocks/0/elements/0/options/0/value',
  },
  {
    name: 'select option text type',
    valid: staticSelect({ options: [option(0)] }),
    invalid: staticSelect({ options: [option(0, { text: mrkdwn('o') })] }),
    pointer: '/blocks/0/elements/0/options/0/text/type',
  },
  {
    name: 'option group count',
    valid: staticSelect({
      option_groups: times(100, (index) => ({ label: plain('g'), options: [option(index)] })),
    }),
    invalid: staticSelect({
      option_groups: times(101, (index) => ({ label: plain('g'), options: [option(index)] })),
    }),
    pointer: '/blocks/0/elements/0/option_groups',
  },
  {
    name: 'option group label length',
    valid: staticSelect({ option_groups: [{ label: plain(chars(75)), options: [option(0)] }] }),
    invalid: staticSelect({ option_groups: [{ label: plain(chars(76)), options: [option(0)] }] }),
    pointer: '/blocks/0/elements/0/option_groups/0/label/text',
  },
  {
    name: 'options and option_groups together',
    valid: staticSelect({ options: [option(0)] }),
    invalid: staticSelect({
      options: [option(0)],
      option_groups: [{ label: plain('g'), options: [option(1)] }],
    }),
    pointer: '/blocks/0/elements/0',
  },
  {
    name: 'initial option among the options',
    valid: staticSelect({ options: [option(0)], initial_option: option(0) }),
    invalid: staticSelect({ options: [option(0)], initial_option: option(1) }),
    pointer: '/blocks/0/elements/0/initial_option',
  },
  {
    name: 'overflow minimum options',
    valid: actions({
      type: 'overflow',
      action_id: 'o',
      options: times(2, (index) => option(index)),
    }),
    invalid: actions({
      type: 'overflow',
      action_id: 'o',
      options: times(1, (index) => option(index)),
    }),
    pointer: '/blocks/0/elements/0/options',
  },
  {
    name: 'overflow maximum options',
    valid: actions({
      type: 'overflow',
      action_id: 'o',
      options: times(5, (index) => option(index)),
    }),
    invalid: actions({
      type: 'overflow',
      action_id: 'o',
      options: times(6, (index) => option(index)),
    }),
    pointer: '/blocks/0/elements/0/options',
  },
  {
    name: 'checkbox options',
    valid: actions({
      type: 'checkboxes',
      action_id: 'c',
      options: times(10, (index) => option(index)),
    }),
    invalid: actions({
      type: 'checkboxes',
      action_id: 'c',
      options: times(11, (index) => option(index)),
    }),
    pointer: '/blocks/0/elements/0/options',
  },
  {
    name: 'radio options',
    valid: actions({
      type: 'radio_buttons',
      action_id: 'r',
      options: times(10, (index) => option(index)),
    }),
    invalid: actions({
      type: 'radio_buttons',
      action_id: 'r',
      options: times(11, (index) => option(index)),
    }),
    pointer: '/blocks/0/elements/0/options',
  },
  {
    name: 'input label length',
    valid: input({ type: 'plain_text_input' }, { label: plain(chars(2000)) }),
    invalid: input({ type: 'plain_text_input' }, { label: plain(chars(2001)) }),
    pointer: '/blocks/0/label/text',
  },
  {
    name: 'input hint length',
    valid: input({ type: 'plain_text_input' }, { hint: plain(chars(2000)) }),
    invalid: input({ type: 'plain_text_input' }, { hint: plain(chars(2001)) }),
    pointer: '/blocks/0/hint/text',
  },
  {
    name: 'placeholder length',
    valid: input({ type: 'plain_text_input', placeholder: plain(chars(150)) }),
    invalid: input({ type: 'plain_text_input', placeholder: plain(chars(151)) }),
    pointer: '/blocks/0/element/placeholder/text',
  },
  {
    name: 'plain_text_input max_length',
    valid: input({ type: 'plain_text_input', max_length: 3000 }),
    invalid: input({ type: 'plain_text_input', max_length: 3001 }),
    pointer: '/blocks/0/element/max_length',
  },
  {
    name: 'plain_text_input min_length',
    valid: input({ type: 'plain_text_input', min_length: 3000 }),
    invalid: input({ type: 'plain_text_input', min_length: 3001 }),
    pointer: '/blocks/0/element/min_length',
  },
  {
    name: 'unknown block type',
    valid: [{ type: 'divider' }],
    invalid: [{ type: 'dividr' }],
    pointer: '/blocks/0/type',
  },
  {
    name: 'input element inside actions',
    valid: actions(button(0)),
    invalid: actions({ type: 'plain_text_input', action_id: 'p' }),
    pointer: '/blocks/0/elements/0/type',
  },
  {
    name: 'required image alt_text',
    valid: [{ type: 'image', image_url: 'https://example.com/a.png', alt_text: 'a' }],
    invalid: [{ type: 'image', image_url: 'https://example.com/a.png' }],
    pointer: '/blocks/0',
  },
  {
    name: 'misspelled property',
    valid: [{ type: 'section', text: mrkdwn('x') }],
    invalid: [{ type: 'section', text: mrkdwn('x'), acessory: button(0) }],
    pointer: '/blocks/0',
  },
];

describe('SlackFake Block Kit limits', () => {
  const fake = new SlackFake();
  let client: ReturnType<typeof fakeClient>;

  beforeAll(async () => {
    await fake.start();
    client = fakeClient(fake);
  });
  afterAll(() => fake.stop());

  it.each(edgeCases)('enforces $name', async ({ valid, invalid, pointer }) => {
    const accepted = await client.apiCall('chat.postMessage', {
      channel: 'C0GENERAL',
      text: 'edge',
      blocks: valid,
    });
    expect(accepted.ok).toBe(true);
    const failure = await platformError(
      client.apiCall('chat.postMessage', { channel: 'C0GENERAL', text: 'edge', blocks: invalid }),
    );
    expect(failure.error).toBe('invalid_blocks');
    const messages = failure.response_metadata?.messages ?? [];
    expect(
      messages.some(
        (message) =>
          message.startsWith('[ERROR] ') && message.endsWith(`[json-pointer:${pointer}]`),
      ),
    ).toBe(true);
  });

  it('reports Slack-style detail strings', async () => {
    const failure = await platformError(
      client.apiCall('chat.postMessage', {
        channel: 'C0GENERAL',
        text: 'x',
        blocks: [{ type: 'section', text: mrkdwn(chars(3001)) }],
      }),
    );
    expect(failure.response_metadata?.messages).toEqual([
      '[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]',
    ]);
  });

  it('rejects markdown blocks over 12000 characters in total', async () => {
    const half = { type: 'markdown', text: chars(6000) };
    const accepted = await client.apiCall('chat.postMessage', {
      channel: 'C0GENERAL',
      text: 'md',
      blocks: [half, half],
    });
    expect(accepted.ok).toBe(true);
    const failure = await platformError(
      client.apiCall('chat.postMessage', {
        channel: 'C0GENERAL',
        text: 'md',
        blocks: [half, half, { type: 'markdown', text: 'x' }],
      }),
    );
    expect(failure.error).toBe('msg_blocks_too_long');
  });
});
