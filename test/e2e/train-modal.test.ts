import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, CHANNEL, type Harness, replyTexts, startHarness } from './harness.js';

const OBS = 'obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_e2e/bucket';
const CPU_FLAVOR_ID = '5f0a7c52-1b7e-4a8e-9f31-0c1d2e3f4a01';
const TF_CPU_IMAGE_ID = 'imgtfcpu2150';

function formValues(name: string, overrides: Record<string, unknown> = {}) {
  const values: Record<string, unknown> = {
    training_name: name,
    experiment_name: 'modal-experiment',
    image_name: TF_CPU_IMAGE_ID,
    instance_type_name: CPU_FLAVOR_ID,
    source_dir_uri: `${OBS}/src`,
    entry_point: 'train.py',
    model_upload_uri: `${OBS}/model`,
    dataset_list: `train=${OBS}/data`,
    data_storage_size: '300',
    ...overrides,
  };
  const submitted: Record<string, Record<string, never>> = {};
  for (const [block, value] of Object.entries(values)) {
    submitted[block] = { value: value as never };
  }
  return submitted;
}

describe('/easymaker train through the modal', () => {
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

  async function openForm() {
    const { driver, fake } = harness;
    const ack = await driver.sendCommand({
      command: '/easymaker',
      text: 'train',
      userId: ALICE,
      channelId: CHANNEL,
    });
    expect(ack.status).toBe(200);
    expect(ack.body).toBe('');
    return fake.waitFor(() => {
      const view = fake.openViewFor(ALICE);
      return view?.callback_id === 'easymaker:create:training' ? view : undefined;
    }, 5000);
  }

  it('opens a form with live lookups as selects', async () => {
    const view = await openForm();
    const blocks = view.blocks as Array<{
      block_id?: string;
      element?: { type: string; options?: Array<{ text: { text: string } }> };
    }>;
    const image = blocks.find((block) => block.block_id === 'image_name');
    expect(image?.element?.type).toBe('static_select');
    expect(image?.element?.options?.map((option) => option.text.text)).toContain(
      'Ubuntu 22.04 CPU TensorFlow Training',
    );
    const flavor = blocks.find((block) => block.block_id === 'instance_type_name');
    expect(flavor?.element?.options?.map((option) => option.text.text)).toContain('m2.c4m8');
    const names = blocks.map((block) => block.block_id).filter(Boolean);
    for (const parameter of [
      'training_name',
      'training_description',
      'experiment_id',
      'experiment_name',
      'distributed_node_count',
      'use_torchrun',
      'nproc_per_node',
      'data_storage_size',
      'algorithm_name',
      'source_dir_uri',
      'entry_point',
      'model_upload_uri',
      'check_point_input_uri',
      'check_point_upload_uri',
      'timeout_hours',
      'hyperparameter_list',
      'dataset_list',
      'tag_list',
      'use_log',
    ]) {
      expect(names).toContain(parameter);
    }
  });

  it('shows per-field errors with the published range and creates nothing', async () => {
    const view = await openForm();
    const ack = await harness.driver.submitView({
      viewId: view.id,
      userId: ALICE,
      values: formValues('modal-invalid', {
        distributed_node_count: '11',
        timeout_hours: '721',
        data_storage_size: '299',
        model_upload_uri: 'https://example.invalid/model',
        use_torchrun: ['true'],
      }),
    });
    expect(ack.status).toBe(200);
    const body = JSON.parse(ack.body) as {
      response_action: string;
      errors: Record<string, string>;
    };
    expect(body.response_action).toBe('errors');
    expect(body.errors.distributed_node_count).toBe('Must be a whole number from 1 to 10.');
    expect(body.errors.timeout_hours).toBe('Must be a whole number from 1 to 720 hours.');
    expect(body.errors.data_storage_size).toBe('Must be a whole number from 300 to 10000 GB.');
    expect(body.errors.model_upload_uri).toBe('Must start with obs:// or nas://.');
    expect(harness.fake.view(view.id)?.isOpen).toBe(true);

    expect(await harness.countRequests('POST', '/trainings')).toBe(0);
  });

  it('reports cross-field rules under the field they concern', async () => {
    const view = await openForm();
    const ack = await harness.driver.submitView({
      viewId: view.id,
      userId: ALICE,
      values: formValues('modal-torchrun', { use_torchrun: ['true'], nproc_per_node: '5' }),
    });
    const body = JSON.parse(ack.body) as { errors: Record<string, string> };
    expect(body.errors.nproc_per_node).toBe(
      'Must be a whole number from 1 to 4 (the CPUs of m2.c4m8).',
    );
  });

  it('creates and tracks a valid submission once, even when submitted twice', async () => {
    const { driver, fake } = harness;
    const view = await openForm();
    const values = formValues('modal-happy', {
      hyperparameter_list: 'lr=0.01\nepochs=3',
      tag_list: 'team=vision',
    });
    // A double click sends the same submission twice before the first response arrives.
    const [first, second] = await Promise.all([
      driver.submitView({ viewId: view.id, userId: ALICE, values }),
      driver.submitView({ viewId: view.id, userId: ALICE, values }),
    ]);
    expect(first.status).toBe(200);
    expect(first.body).toBe('');
    expect(second.status).toBe(200);

    const parent = await fake.waitFor(
      () => fake.messages(CHANNEL).find((message) => message.text.includes('modal-happy')),
      10_000,
    );
    expect(parent.text).toContain(`<@${ALICE}>`);
    const final = await fake.waitFor(
      () => replyTexts(fake, CHANNEL, parent.ts).find((text) => text.includes('completed')),
      30_000,
    );
    expect(final).toContain(`<@${ALICE}>`);
    await fake.waitFor(() => fake.message(CHANNEL, parent.ts)?.text.includes('COMPLETE'), 5000);
    const parentBlocks = JSON.stringify(fake.message(CHANNEL, parent.ts)?.blocks);
    expect(parentBlocks).toContain('elapsed');
    expect(parentBlocks).toContain('m2.c4m8');

    expect(await harness.countRequests('POST', '/trainings')).toBe(1);
    expect(
      fake.messages(CHANNEL).filter((message) => message.text.includes('modal-happy')),
    ).toHaveLength(1);
  });

  it('opens the form pre-filled when inline arguments miss required values', async () => {
    const { driver, fake } = harness;
    const ack = await driver.sendCommand({
      command: '/easymaker',
      text: 'train name=prefilled image="Ubuntu 22.04 CPU TensorFlow Training" instance=m9.unknown',
      userId: ALICE,
      channelId: CHANNEL,
    });
    expect(ack.body).toBe('');
    const view = await fake.waitFor(() => {
      const open = fake.openViewFor(ALICE);
      return open?.callback_id === 'easymaker:create:training' ? open : undefined;
    }, 5000);
    const state = view.state.values;
    expect(state.training_name?.value?.value).toBe('prefilled');
    const selectedImage = state.image_name?.value?.selected_option as { value: string } | undefined;
    expect(selectedImage?.value).toBe(TF_CPU_IMAGE_ID);
    expect(JSON.stringify(view.blocks)).toContain('has no choice named \\"m9.unknown\\"');
  });
});
