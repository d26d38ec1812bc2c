import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ackText,
  CPU_FLAVOR_ID,
  confirmOperation,
  formValues,
  OBS,
  openForm,
  replyContaining,
  resourceIdOf,
  seedModels,
  send,
  threadOf,
  threadTexts,
} from './e2e-flows.js';
import { ALERTS_CHANNEL, ALICE, CHANNEL, type Harness, startHarness } from './harness.js';

function inlineBatchCommand(name: string, modelId: string, extra = ''): string {
  return [
    'batch run',
    `batch_inference_name=${name}`,
    `model_id=${modelId}`,
    'instance_type_name=m2.c4m8',
    'batch_size=16',
    'inference_timeout_seconds=60',
    `input_data_uri=${OBS}/batch/input`,
    'input_data_type=JSONL',
    `output_upload_uri=${OBS}/batch/output`,
    'data_storage_size=300',
    extra,
  ]
    .join(' ')
    .trim();
}

describe('batch inference from Slack', () => {
  let harness: Harness;
  let modelId: string;

  beforeAll(async () => {
    harness = await startHarness({ speed: 20 });
    [modelId = ''] = await seedModels(harness, ['e2e-batch-model']);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  afterEach(() => {
    harness.fake.clearViews(ALICE);
  });

  it('runs inline and tracks it to COMPLETE with the counters and output URI', async () => {
    const { fake } = harness;
    const ack = await send(harness, inlineBatchCommand('batch-inline', modelId));
    expect(ack.status).toBe(200);
    expect(ackText(ack)).toContain('batch-inline');

    const parent = await threadOf(harness, 'batch-inline');
    const final = await replyContaining(harness, parent, 'completed');
    expect(final.text).toContain(`<@${ALICE}>`);
    const result = JSON.stringify(final.blocks);
    for (const label of ['Input files', 'Processed', '2xx', '4xx', '5xx', 'Output']) {
      expect(result).toContain(`*${label}*`);
    }
    expect(result).toContain(`${OBS}/batch/output`);
    expect(threadTexts(harness, parent)[0]).toMatch(
      /Created batch inference `batch-inline` with id `[a-z0-9]{12}`/,
    );

    expect(await harness.countRequests('POST', '/batch-inferences')).toBe(1);
    await fake.waitFor(() => fake.message(CHANNEL, parent.ts)?.text.includes('COMPLETE'), 5000);
    expect(fake.messages(ALERTS_CHANNEL)).toHaveLength(0);
  });

  it('rejects values outside the published ranges inline', async () => {
    const ack = await send(
      harness,
      inlineBatchCommand('batch-ranges', modelId, 'pod_count=101 instance_count=0'),
    );
    const text = ackText(ack);
    expect(text).toContain('`pod_count` must be a whole number from 1 to 100');
    expect(text).toContain('`instance_count` must be a whole number from 1 to 10');
    expect(await harness.countRequests('POST', '/batch-inferences')).toBe(1);
  });

  it('runs from the form with the ACTIVE models as choices', async () => {
    const view = await openForm(harness, 'batch run', 'batch-inference');
    const modelBlock = (view.blocks as Array<{ block_id?: string; element?: unknown }>).find(
      (block) => block.block_id === 'model_id',
    );
    expect(JSON.stringify(modelBlock)).toContain('e2e-batch-model');

    const ack = await harness.driver.submitView({
      viewId: view.id,
      userId: ALICE,
      values: formValues({
        batch_inference_name: 'batch-modal',
        model_id: modelId,
        instance_type_name: CPU_FLAVOR_ID,
        pod_count: '2',
        batch_size: '8',
        inference_timeout_seconds: '30',
        input_data_uri: `${OBS}/batch/input`,
        input_data_type: 'JSON',
        output_upload_uri: `${OBS}/batch/modal-output`,
        data_storage_size: '300',
      }),
    });
    expect(ack.body).toBe('');
    const parent = await threadOf(harness, 'batch-modal');
    const final = await replyContaining(harness, parent, 'completed');
    expect(JSON.stringify(final.blocks)).toContain(`${OBS}/batch/modal-output`);
  });

  it('shows range errors under the fields of the form', async () => {
    const view = await openForm(harness, 'batch run', 'batch-inference');
    const ack = await harness.driver.submitView({
      viewId: view.id,
      userId: ALICE,
      values: formValues({
        batch_inference_name: 'batch-form-ranges',
        model_id: modelId,
        instance_type_name: CPU_FLAVOR_ID,
        instance_count: '11',
        batch_size: '8',
        inference_timeout_seconds: '1201',
        input_data_uri: `${OBS}/batch/input`,
        input_data_type: 'JSONL',
        output_upload_uri: `${OBS}/batch/output`,
        data_storage_size: '299',
      }),
    });
    const body = JSON.parse(ack.body) as { errors: Record<string, string> };
    expect(body.errors.instance_count).toBe('Must be a whole number from 1 to 10.');
    expect(body.errors.inference_timeout_seconds).toBe(
      'Must be a whole number from 1 to 1200 seconds.',
    );
    expect(body.errors.data_storage_size).toBe('Must be a whole number from 300 to 10000 GB.');
  });

  it('reports a failed batch inference in the thread and the alerts channel', async () => {
    const { fake } = harness;
    await send(harness, inlineBatchCommand('fail-batch', modelId));
    const parent = await threadOf(harness, 'fail-batch');
    const final = await replyContaining(harness, parent, 'failed with');
    expect(final.text).toContain('*FAIL_BATCH_INFERENCE*');
    const alert = await fake.waitFor(
      () => fake.messages(ALERTS_CHANNEL).find((message) => message.text.includes('fail-batch')),
      5000,
    );
    expect(alert.text).toContain('Batch inference');
    expect(alert.text).toContain('FAIL_BATCH_INFERENCE');
  });

  it('stops a running batch inference after confirmation', async () => {
    await harness.control('PUT', '/_simulator/timing', { batchInference: { RUNNING: 60_000 } });
    try {
      await send(harness, inlineBatchCommand('batch-stop-me', modelId));
      const parent = await threadOf(harness, 'batch-stop-me');
      const batchId = await resourceIdOf(harness, parent);
      await replyContaining(harness, parent, '*RUNNING*', 15_000);

      const done = await confirmOperation(
        harness,
        `batch stop ${batchId}`,
        `Stop batch inference \`${batchId}\`?`,
      );
      expect(done).toContain(`Stop requested for batch inference \`${batchId}\``);
      const stopped = await replyContaining(harness, parent, 'was stopped', 20_000);
      expect(stopped.text).toContain('*STOPPED*');
      expect(await harness.countRequests('PUT', `/batch-inferences/${batchId}/stop`)).toBe(1);

      const show = await send(harness, `batch show ${batchId}`);
      const shown = await harness.fake.waitFor(
        () =>
          harness.fake.responseUrlPosts().find((candidate) => candidate.url === show.responseUrl),
        5000,
      );
      expect(JSON.stringify(shown.body)).toContain('STOPPED');

      const deleted = await confirmOperation(
        harness,
        `batch delete ${batchId}`,
        `Delete batch inference \`${batchId}\`?`,
      );
      expect(deleted).toContain(`Deleted batch inference \`${batchId}\``);
      const lookup = await harness.easymaker('GET', `/batch-inferences/${batchId}`);
      expect((lookup.header as { isSuccessful: boolean }).isSuccessful).toBe(false);
    } finally {
      await harness.control('PUT', '/_simulator/timing', {});
    }
  });

  it('watches a batch inference created elsewhere until it ends', async () => {
    const created = (await harness.easymaker('POST', '/batch-inferences', {
      batchInferenceName: 'batch-elsewhere',
      instanceCount: 1,
      timeoutMinutes: 60,
      flavorId: CPU_FLAVOR_ID,
      modelId,
      podCount: 1,
      maxBatchSize: 4,
      inferenceTimeoutSeconds: 30,
      inputDataUri: `${OBS}/batch/input`,
      inputDataTypeCode: 'JSONL',
      outputUploadUri: `${OBS}/batch/elsewhere`,
      dataStorageSize: 300,
    })) as { batchInference: { batchInferenceId: string } };
    const batchId = created.batchInference.batchInferenceId;
    const ack = await send(harness, `watch batch ${batchId}`);
    expect(ackText(ack)).toContain('Watching batch inference');
    const parent = await threadOf(harness, 'batch-elsewhere');
    const final = await replyContaining(harness, parent, 'completed');
    expect(JSON.stringify(final.blocks)).toContain(`${OBS}/batch/elsewhere`);
  });

  it('lists batch inferences', async () => {
    const ack = await send(harness, 'batch list');
    const post = await harness.fake.waitFor(
      () => harness.fake.responseUrlPosts().find((candidate) => candidate.url === ack.responseUrl),
      5000,
    );
    expect(JSON.stringify(post.body)).toContain('batch-inline');
  });
});
