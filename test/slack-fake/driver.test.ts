import type { AddressInfo } from 'node:net';
import { App, type SlashCommand, type ViewClosedAction, type ViewSubmitAction } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SlackDriver, signatureFor } from '../support/slack-driver/index.js';
import { SlackFake } from '../support/slack-fake/index.js';
import { fakeClient, silentLogger } from './fake-client.js';

const signingSecret = 'test-signing-secret';
const plain = (text: string) => ({ type: 'plain_text' as const, text });

const trainingModal = {
  type: 'modal' as const,
  callback_id: 'create_training',
  private_metadata: '{"channel":"C0GENERAL"}',
  notify_on_close: true,
  title: plain('Create training'),
  submit: plain('Create'),
  blocks: [
    {
      type: 'input' as const,
      block_id: 'name',
      label: plain('Name'),
      element: { type: 'plain_text_input' as const, action_id: 'value', max_length: 20 },
    },
    {
      type: 'input' as const,
      block_id: 'flavor',
      label: plain('Flavor'),
      element: {
        type: 'static_select' as const,
        action_id: 'value',
        options: [
          { text: plain('Small'), value: 'small' },
          { text: plain('Large'), value: 'large' },
        ],
      },
    },
    {
      type: 'input' as const,
      block_id: 'image',
      optional: true,
      label: plain('Image'),
      element: { type: 'external_select' as const, action_id: 'value', min_query_length: 2 },
    },
    {
      type: 'input' as const,
      block_id: 'epochs',
      label: plain('Epochs'),
      element: {
        type: 'number_input' as const,
        action_id: 'value',
        is_decimal_allowed: false,
        initial_value: '3',
      },
    },
  ],
};

const wizardStep = {
  type: 'modal' as const,
  callback_id: 'wizard',
  private_metadata: 'push',
  title: plain('Wizard'),
  submit: plain('Next'),
  blocks: [
    {
      type: 'actions' as const,
      block_id: 'tools',
      elements: [
        { type: 'button' as const, action_id: 'refresh', text: plain('Refresh'), value: 'r1' },
      ],
    },
  ],
};

describe('SlackDriver against a Bolt app', () => {
  const fake = new SlackFake();
  const commands: SlashCommand[] = [];
  const submissions: ViewSubmitAction[] = [];
  const closings: ViewClosedAction[] = [];
  const clicks: unknown[] = [];
  let app: App;
  let driver: SlackDriver;
  let botUrl: string;

  beforeAll(async () => {
    await fake.start();
    app = new App({
      token: fake.botToken,
      signingSecret,
      logger: silentLogger,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    });
    app.command('/easymaker', async ({ command, ack, client }) => {
      commands.push(command);
      await ack();
      await client.views.open({ trigger_id: command.trigger_id, view: trainingModal });
    });
    app.command('/slow', async ({ ack }) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await ack();
    });
    app.view('create_training', async ({ ack, body, view }) => {
      if (body.type !== 'view_submission') {
        throw new Error(`expected view_submission, got ${body.type}`);
      }
      submissions.push(body);
      if (view.state.values.name?.value?.value === 'taken') {
        await ack({ response_action: 'errors', errors: { name: 'That name is taken' } });
        return;
      }
      await ack();
    });
    app.view({ callback_id: 'create_training', type: 'view_closed' }, async ({ ack, body }) => {
      if (body.type !== 'view_closed') {
        throw new Error(`expected view_closed, got ${body.type}`);
      }
      closings.push(body);
      await ack();
    });
    app.view('wizard', async ({ ack, view }) => {
      const step = view.private_metadata;
      if (step === 'push') {
        await ack({ response_action: 'push', view: { ...wizardStep, private_metadata: 'update' } });
        return;
      }
      if (step === 'update') {
        await ack({
          response_action: 'update',
          view: { ...wizardStep, title: plain('Updated'), private_metadata: 'clear' },
        });
        return;
      }
      await ack({ response_action: 'clear' });
    });
    app.action('refresh', async ({ ack, body }) => {
      clicks.push(body);
      await ack();
    });
    app.action('approve', async ({ ack, body, respond }) => {
      clicks.push(body);
      await ack();
      await respond({ replace_original: true, text: 'Approved' });
    });
    app.options('value', async ({ ack, body }) => {
      await ack({ options: [{ text: plain(`${body.value}-v1`), value: `${body.value}-v1` }] });
    });
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as { address(): AddressInfo };
    botUrl = `http://127.0.0.1:${server.address().port}/slack/events`;
    driver = new SlackDriver({ botUrl, signingSecret, fake });
  });

  afterAll(async () => {
    await app.stop();
    await fake.stop();
  });

  afterEach(() => {
    fake.reset();
    commands.length = 0;
    submissions.length = 0;
    closings.length = 0;
    clicks.length = 0;
  });

  async function openTrainingModal(userId = 'U0ALICE') {
    await driver.sendCommand({
      command: '/easymaker',
      text: 'create',
      userId,
      channelId: 'C0GENERAL',
    });
    return fake.waitFor(() => fake.openViewFor(userId));
  }

  it('delivers a signed command with every field', async () => {
    const ack = await driver.sendCommand({
      command: '/easymaker',
      text: 'create mnist',
      userId: 'U0ALICE',
      channelId: 'C0GENERAL',
    });
    expect(ack.status).toBe(200);
    expect(ack.elapsedMs).toBeLessThan(3000);
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatchObject({
      token: expect.any(String),
      team_id: 'T0TEST',
      team_domain: 'easymaker-test',
      channel_id: 'C0GENERAL',
      channel_name: 'general',
      user_id: 'U0ALICE',
      user_name: 'alice',
      command: '/easymaker',
      text: 'create mnist',
      api_app_id: 'A0APP',
      is_enterprise_install: 'false',
      response_url: ack.responseUrl,
      trigger_id: ack.triggerId,
    });
    const view = await fake.waitFor(() => fake.openViewFor('U0ALICE'));
    expect(view.callback_id).toBe('create_training');
  });

  it('submits state shapes and closes the view', async () => {
    const view = await openTrainingModal();
    const ack = await driver.submitView({
      viewId: view.id,
      userId: 'U0ALICE',
      values: {
        name: { value: 'resnet' },
        flavor: { value: 'large' },
        image: { value: 'pytorch' },
      },
    });
    expect(ack.status).toBe(200);
    const submitted = submissions[0]?.view;
    expect(submitted?.private_metadata).toBe('{"channel":"C0GENERAL"}');
    expect(submitted?.hash).toBe(view.hash);
    expect(submitted?.state.values).toEqual({
      name: { value: { type: 'plain_text_input', value: 'resnet' } },
      flavor: {
        value: { type: 'static_select', selected_option: { text: plain('Large'), value: 'large' } },
      },
      image: {
        value: {
          type: 'external_select',
          selected_option: { text: { ...plain('pytorch'), emoji: true }, value: 'pytorch' },
        },
      },
      epochs: { value: { type: 'number_input', value: '3' } },
    });
    expect(fake.view(view.id)?.isOpen).toBe(false);
  });

  it('keeps the view open on response_action errors', async () => {
    const view = await openTrainingModal();
    const ack = await driver.submitView({
      viewId: view.id,
      userId: 'U0ALICE',
      values: { name: { value: 'taken' }, flavor: { value: 'small' } },
    });
    expect(ack.json).toEqual({ response_action: 'errors', errors: { name: 'That name is taken' } });
    expect(fake.view(view.id)?.isOpen).toBe(true);
    expect(fake.view(view.id)?.state.values.name?.value?.value).toBe('taken');
  });

  it('refuses values a user could not submit', async () => {
    const view = await openTrainingModal();
    const submit = (values: Parameters<SlackDriver['submitView']>[0]['values']) =>
      driver.submitView({ viewId: view.id, userId: 'U0ALICE', values });
    await expect(submit({ name: { value: 'a' }, flavor: { value: 'huge' } })).rejects.toThrow(
      /no option huge/,
    );
    await expect(submit({ nam: { value: 'a' } })).rejects.toThrow(/no block nam/);
    await expect(
      submit({ name: { value: 'x'.repeat(21) }, flavor: { value: 'small' } }),
    ).rejects.toThrow(/at most 20/);
    await expect(submit({ flavor: { value: 'small' } })).rejects.toThrow(/required input name/);
    expect(submissions).toHaveLength(0);
  });

  it('loads external select options', async () => {
    const view = await openTrainingModal();
    const ack = await driver.suggestOptions({
      viewId: view.id,
      actionId: 'value',
      blockId: 'image',
      value: 'py',
      userId: 'U0ALICE',
    });
    expect(ack.options).toEqual({ options: [{ text: plain('py-v1'), value: 'py-v1' }] });
  });

  it('sends view_closed for views with notify_on_close', async () => {
    const view = await openTrainingModal();
    const ack = await driver.closeView({ viewId: view.id, userId: 'U0ALICE' });
    expect(ack?.status).toBe(200);
    expect(closings[0]?.view.id).toBe(view.id);
    expect(closings[0]?.is_cleared).toBe(false);
    expect(fake.openViewFor('U0ALICE')).toBeUndefined();
  });

  it('clicks a button on a stored message and sees the response_url replace it', async () => {
    const posted = await fakeClient(fake).chat.postMessage({
      channel: 'C0GENERAL',
      text: 'Approve training?',
      blocks: [
        {
          type: 'actions',
          block_id: 'decision',
          elements: [
            { type: 'button', action_id: 'approve', text: plain('Approve'), value: 'tr-1' },
          ],
        },
      ],
    });
    const ack = await driver.clickButton({
      channelId: 'C0GENERAL',
      messageTs: String(posted.ts),
      actionId: 'approve',
      userId: 'U0BOB',
    });
    expect(ack.status).toBe(200);
    expect(clicks[0]).toMatchObject({
      type: 'block_actions',
      container: {
        type: 'message',
        message_ts: posted.ts,
        channel_id: 'C0GENERAL',
        is_ephemeral: false,
      },
      channel: { id: 'C0GENERAL', name: 'general' },
      actions: [{ type: 'button', action_id: 'approve', block_id: 'decision', value: 'tr-1' }],
      response_url: ack.responseUrl,
      trigger_id: ack.triggerId,
    });
    await fake.waitFor(() => fake.message('C0GENERAL', String(posted.ts))?.text === 'Approved');
  });

  it('applies push, update and clear acknowledgements', async () => {
    const opened = await fakeClient(fake).views.open({
      trigger_id: fake.issueTriggerId('U0BOB'),
      view: wizardStep,
    });
    const rootId = String(opened.view?.id);
    await driver.submitView({ viewId: rootId, userId: 'U0BOB', values: {} });
    const pushed = fake.openViewFor('U0BOB');
    expect(pushed?.previous_view_id).toBe(rootId);
    await driver.submitView({ viewId: String(pushed?.id), userId: 'U0BOB', values: {} });
    expect(fake.view(String(pushed?.id))?.title).toEqual(plain('Updated'));
    await driver.submitView({ viewId: String(pushed?.id), userId: 'U0BOB', values: {} });
    expect(fake.openViewFor('U0BOB')).toBeUndefined();
  });

  it('clicks a button inside a view', async () => {
    const opened = await fakeClient(fake).views.open({
      trigger_id: fake.issueTriggerId('U0BOB'),
      view: wizardStep,
    });
    const ack = await driver.clickButton({
      viewId: String(opened.view?.id),
      actionId: 'refresh',
      userId: 'U0BOB',
    });
    expect(ack.status).toBe(200);
    expect(ack.responseUrl).toBeUndefined();
    expect(clicks[0]).toMatchObject({
      type: 'block_actions',
      container: { type: 'view', view_id: opened.view?.id },
      view: { id: opened.view?.id, private_metadata: 'push' },
      actions: [{ action_id: 'refresh', block_id: 'tools', value: 'r1' }],
    });
  });

  it('answers a tampered signature with 401', async () => {
    const body = 'command=%2Feasymaker&text=x';
    const ack = await driver.sendRaw({
      body,
      contentType: 'application/x-www-form-urlencoded',
      signature: `v0=${'0'.repeat(64)}`,
    });
    expect(ack.status).toBe(401);
    expect(commands).toHaveLength(0);
  });

  it('answers a timestamp older than 5 minutes with 401', async () => {
    const body = 'command=%2Feasymaker&text=x';
    const timestamp = Math.floor(Date.now() / 1000) - 301;
    const signature = signatureFor(signingSecret, timestamp, body);
    const ack = await driver.sendRaw({
      body,
      contentType: 'application/x-www-form-urlencoded',
      timestamp,
      signature,
    });
    expect(ack.status).toBe(401);
  });

  it('answers a form body sent with a charset parameter with 400', async () => {
    const ack = await driver.sendRaw({
      body: 'command=%2Feasymaker&text=x',
      contentType: 'application/x-www-form-urlencoded; charset=utf-8',
    });
    expect(ack.status).toBe(400);
  });

  it('throws when the bot answers after the deadline', async () => {
    const impatient = new SlackDriver({ botUrl, signingSecret, fake, ackDeadlineMs: 200 });
    await expect(
      impatient.sendCommand({
        command: '/slow',
        text: '',
        userId: 'U0ALICE',
        channelId: 'C0GENERAL',
      }),
    ).rejects.toThrow(/did not acknowledge within 200 ms/);
  });
});
