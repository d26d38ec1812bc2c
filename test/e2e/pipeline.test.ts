import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ackText, formValues, openForm, replyContaining, send, threadOf } from './e2e-flows.js';
import { ALICE, CHANNEL, type Harness, startHarness } from './harness.js';

const SPEC = [
  '# PIPELINE DEFINITION',
  '# Name: mnist',
  'pipelineInfo:',
  '  name: mnist',
  'root:',
  '  inputDefinitions:',
  '    parameters:',
  '      epochs:',
  '        parameterType: NUMBER_INTEGER',
  '      learning_rate:',
  '        defaultValue: 0.01',
  '        isOptional: true',
  '        parameterType: NUMBER_DOUBLE',
  'schemaVersion: 2.1.0',
  '',
].join('\n');

describe('pipeline upload from Slack', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ speed: 20 });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  afterEach(() => {
    harness.fake.clearViews(ALICE);
  });

  function ephemeralTo(responseUrl: string | undefined, text: string) {
    return harness.fake.waitFor(
      () =>
        harness.fake
          .responseUrlPosts()
          .find((post) => post.url === responseUrl && JSON.stringify(post.body).includes(text)),
      10_000,
    );
  }

  it('uploads a file attached in the form and tracks the pipeline until ACTIVE', async () => {
    const { fake } = harness;
    const file = fake.addUserFile({ userId: ALICE, name: 'mnist.yaml', content: SPEC });
    const view = await openForm(harness, 'pipeline upload', 'pipeline');
    const input = (view.blocks as Array<{ block_id?: string; element?: { type: string } }>).find(
      (block) => block.block_id === 'pipeline_spec_file',
    );
    expect(input?.element).toMatchObject({ type: 'file_input', max_files: 1 });

    const ack = await harness.driver.submitView({
      viewId: view.id,
      userId: ALICE,
      values: formValues({ pipeline_name: 'modal-pipeline', pipeline_spec_file: [file.id] }),
    });
    expect(ack.body).toBe('');

    const parent = await threadOf(harness, 'modal-pipeline');
    const final = await replyContaining(harness, parent, 'is ready');
    expect(final.text).toContain('*ACTIVE*');
    expect(JSON.stringify(final.blocks)).toContain('epochs (NUMBER_INTEGER)');
    expect(fake.calls('files.info').some((call) => call.args.file === file.id)).toBe(true);
    expect(await harness.countRequests('POST', '/pipelines/upload')).toBe(1);
  });

  it('uploads a file shared in the channel, named by its id inline', async () => {
    const file = harness.fake.addUserFile({
      userId: ALICE,
      name: 'shared.yml',
      content: SPEC,
      channels: [CHANNEL],
    });
    const ack = await send(
      harness,
      `pipeline upload pipeline_name=inline-pipeline file=${file.id} description="from a share"`,
    );
    expect(ackText(ack)).toContain('inline-pipeline');
    const parent = await threadOf(harness, 'inline-pipeline');
    const final = await replyContaining(harness, parent, 'is ready');
    expect(JSON.stringify(final.blocks)).toContain('learning_rate (NUMBER_DOUBLE), optional');
    expect(await harness.countRequests('POST', '/pipelines/upload')).toBe(2);
  });

  it('refuses a file over 5 MB with a clear message and creates nothing', async () => {
    const { fake } = harness;
    const large = fake.addUserFile({
      userId: ALICE,
      name: 'huge.yaml',
      content: `${SPEC}#${'x'.repeat(5 * 1024 * 1024)}`,
      channels: [CHANNEL],
    });
    const ack = await send(harness, `pipeline upload pipeline_name=too-large file=${large.id}`);
    const post = await ephemeralTo(ack.responseUrl, 'too-large');
    const text = (post.body as { text: string }).text;
    expect(text).toContain('was not created');
    expect(text).toContain('"huge.yaml" is 5.0 MB; a pipeline spec file may be at most 5 MB');
    expect(post.responseType).toBe('ephemeral');
    expect(await harness.countRequests('POST', '/pipelines/upload')).toBe(2);
    expect(fake.messages(CHANNEL).some((message) => message.text.includes('too-large'))).toBe(
      false,
    );
  });

  it('explains a file the bot cannot see', async () => {
    const hidden = harness.fake.addUserFile({
      userId: ALICE,
      name: 'hidden.yaml',
      content: SPEC,
      channels: ['C0RANDOM'],
    });
    const ack = await send(harness, `pipeline upload pipeline_name=hidden file=${hidden.id}`);
    const post = await ephemeralTo(ack.responseUrl, 'hidden');
    expect((post.body as { text: string }).text).toContain(
      `${hidden.id} was not found: share the file in a channel the bot is in, or attach it in the form`,
    );
    expect(await harness.countRequests('POST', '/pipelines/upload')).toBe(2);
  });

  it('attaches only files that Slack lets the user pick', async () => {
    const { driver, fake } = harness;
    const view = await openForm(harness, 'pipeline upload', 'pipeline');
    const text = fake.addUserFile({ userId: ALICE, name: 'notes.txt', content: SPEC });
    const first = fake.addUserFile({ userId: ALICE, name: 'a.yaml', content: SPEC });
    const second = fake.addUserFile({ userId: ALICE, name: 'b.yaml', content: SPEC });
    const bobs = fake.addUserFile({ userId: 'U0BOB', name: 'bob.yaml', content: SPEC });
    const submit = (fileIds: string[]) =>
      driver.submitView({
        viewId: view.id,
        userId: ALICE,
        values: formValues({ pipeline_name: 'picked', pipeline_spec_file: fileIds }),
      });
    await expect(submit([text.id])).rejects.toThrow(/accepts yaml, yml files, not notes.txt/);
    await expect(submit([first.id, second.id])).rejects.toThrow(/takes at most 1 files/);
    await expect(submit([bobs.id])).rejects.toThrow(/belongs to U0BOB, not U0ALICE/);
    await expect(submit([])).rejects.toThrow(/required input pipeline_spec_file is empty/);
  });

  it('rejects an inline value that is not a Slack file id', async () => {
    const ack = await send(harness, 'pipeline upload pipeline_name=bad-id file=mnist.yaml');
    expect(ackText(ack)).toContain('`pipeline_spec_file` must be a Slack file id');
  });
});
