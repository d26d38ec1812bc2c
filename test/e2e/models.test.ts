import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, CHANNEL, type Harness, replyTexts, startHarness } from './harness.js';

const OBS = 'obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_e2e/bucket';

interface SlackBlock {
  type: string;
  block_id?: string;
  text?: { text: string };
  element?: { type: string; options?: Array<{ text: { text: string }; value: string }> };
}

describe('models from Slack', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ speed: 20 });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  afterEach(async () => {
    harness.fake.clearViews(ALICE);
    await harness.control('PUT', '/_simulator/timing', {});
  });

  async function send(text: string) {
    return harness.driver.sendCommand({
      command: '/easymaker',
      text,
      userId: ALICE,
      channelId: CHANNEL,
    });
  }

  async function createTraining(name: string): Promise<string> {
    const experiments = (await harness.easymaker('POST', '/experiments', {
      experimentName: `experiment-${name}`,
    })) as { experiment: { experimentId: string } };
    await harness.control('POST', '/_simulator/clock', { advanceSeconds: 60 });
    const created = (await harness.easymaker('POST', '/trainings', {
      trainingName: name,
      experimentId: experiments.experiment.experimentId,
      imageId: 'imgtfcpu2150',
      flavorId: '5f0a7c52-1b7e-4a8e-9f31-0c1d2e3f4a01',
      instanceCount: 1,
      sourceDirUri: 'nas://nas1:/src',
      entryPoint: 'train.py',
      modelUploadUri: 'nas://nas1:/model',
      datasetList: [{ datasetName: 'train', dataUri: 'nas://nas1:/data' }],
      timeoutMinutes: 60,
      trainingTypeCode: 'NORMAL',
    })) as { training: { trainingId: string } };
    return created.training.trainingId;
  }

  async function waitForStatus(path: string, key: string, field: string, status: string) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const answer = (await harness.easymaker('GET', path)) as Record<
        string,
        Record<string, string>
      >;
      if (answer[key]?.[field] === status) {
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`${path} did not reach ${status}: ${JSON.stringify(answer[key]?.[field])}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('creates a model from a COMPLETE training inline and tracks it to ACTIVE', async () => {
    const { fake } = harness;
    const trainingId = await createTraining('model-source');
    await harness.control('POST', '/_simulator/clock', { advanceSeconds: 600 });
    await waitForStatus(`/trainings/${trainingId}`, 'training', 'trainingStatusCode', 'COMPLETE');

    const ack = await send(
      `model create model_name=from-training training_id=${trainingId} model_format_code=TENSORFLOW`,
    );
    expect(ack.status).toBe(200);
    expect(ack.body).toContain('Creating model');

    const parent = await fake.waitFor(
      () => fake.messages(CHANNEL).find((message) => message.text.includes('from-training')),
      10_000,
    );
    const final = await fake.waitFor(
      () => replyTexts(fake, CHANNEL, parent.ts).find((text) => text.includes('is ready')),
      20_000,
    );
    expect(final).toContain('*ACTIVE*');
    expect(final).toContain(`<@${ALICE}>`);
    const finalBlocks = JSON.stringify(fake.replies(CHANNEL, parent.ts).at(-1)?.blocks);
    expect(finalBlocks).toContain('training model-source');
    expect(JSON.stringify(fake.message(CHANNEL, parent.ts)?.blocks)).toContain('model-source');
    expect(await harness.countRequests('POST', '/models')).toBe(1);
  });

  it('rejects a training that is not COMPLETE before creating anything', async () => {
    await harness.control('PUT', '/_simulator/timing', { training: { RUNNING: 600_000 } });
    const trainingId = await createTraining('still-running');
    const before = await harness.countRequests('POST', '/models');
    const ack = await send(
      `model create model_name=too-early training_id=${trainingId} model_format_code=PYTORCH`,
    );
    expect(ack.body).toContain('Creating model');
    const post = await harness.fake.waitFor(
      () => harness.fake.responseUrlPosts().find((candidate) => candidate.url === ack.responseUrl),
      10_000,
    );
    expect((post.body as { text: string }).text).toContain(
      `training_id: no COMPLETE training id "${trainingId}" exists`,
    );
    expect(await harness.countRequests('POST', '/models')).toBe(before);
  });

  it('creates a model from an artifact URI through the modal', async () => {
    const { driver, fake } = harness;
    await harness.control('PUT', '/_simulator/timing', { training: { RUNNING: 600_000 } });
    const runningId = await createTraining('modal-running');
    const ack = await send('model create');
    expect(ack.body).toBe('');
    const view = await fake.waitFor(() => {
      const open = fake.openViewFor(ALICE);
      return open?.callback_id === 'easymaker:create:model' ? open : undefined;
    }, 5000);
    const blocks = view.blocks as SlackBlock[];
    const trainingBlock = blocks.find((block) => block.block_id === 'training_id');
    const offered = trainingBlock?.element?.options?.map((option) => option.value) ?? [];
    expect(offered).not.toContain(runningId);
    expect(trainingBlock?.element?.options?.map((option) => option.text.text)).toContain(
      'model-source',
    );
    const format = blocks.find((block) => block.block_id === 'model_format_code');
    expect(format?.element?.options?.map((option) => option.value)).toEqual([
      'TENSORFLOW',
      'PYTORCH',
      'SCIKIT_LEARN',
      'TENSORFLOW_TRITON',
      'PYTORCH_TRITON',
      'ONNX_TRITON',
    ]);

    const invalid = await driver.submitView({
      viewId: view.id,
      userId: ALICE,
      values: {
        model_name: { value: 'modal-model' },
        model_upload_uri: { value: 'https://example.invalid/model' },
      },
    });
    const errors = (JSON.parse(invalid.body) as { errors: Record<string, string> }).errors;
    expect(errors.model_upload_uri).toBe('Must start with obs:// or nas://.');

    const submitted = await driver.submitView({
      viewId: view.id,
      userId: ALICE,
      values: {
        model_name: { value: 'modal-model' },
        model_upload_uri: { value: `${OBS}/model` },
        model_format_code: { value: 'PYTORCH' },
        parameter_list: { value: 'max_batch_size=8' },
      },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toBe('');
    const parent = await fake.waitFor(
      () => fake.messages(CHANNEL).find((message) => message.text.includes('modal-model')),
      10_000,
    );
    const final = await fake.waitFor(
      () => replyTexts(fake, CHANNEL, parent.ts).find((text) => text.includes('is ready')),
      20_000,
    );
    expect(final).toContain('*ACTIVE*');
    expect(JSON.stringify(fake.message(CHANNEL, parent.ts)?.blocks)).toContain('PYTORCH');
  });

  it('lists 500 models in pages within Block Kit limits', async () => {
    await harness.control('POST', '/_simulator/seed', {
      models: Array.from({ length: 500 }, (_, index) => ({
        modelName: `seeded-model-${index}-${'x'.repeat(30)}`,
        modelUploadUri: `${OBS}/${'m'.repeat(180)}/${index}`,
      })),
    });
    const ack = await send('models list');
    const post = await harness.fake.waitFor(
      () => harness.fake.responseUrlPosts().find((candidate) => candidate.url === ack.responseUrl),
      10_000,
    );
    const body = post.body as { text: string; blocks: SlackBlock[] };
    expect(body.text).toMatch(/Model list: 50\d found · page 1 of 2\d/);
    expect(body.blocks.length).toBeLessThanOrEqual(50);
    for (const block of body.blocks) {
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    }
    expect(JSON.stringify(body).length).toBeLessThan(16_000);
  });
});
