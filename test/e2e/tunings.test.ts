import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALERTS_CHANNEL,
  ALICE,
  CHANNEL,
  type Harness,
  replyTexts,
  startHarness,
} from './harness.js';

function tuneCommand(name: string, extra = ''): string {
  return [
    'tuning run',
    `hyperparameter_tuning_name=${name}`,
    'experiment_name=tuning-experiment',
    'image="Ubuntu 22.04 CPU TensorFlow Training"',
    'instance=m2.c4m8',
    'source_dir_uri=nas://nas1:/src',
    'entry_point=train.py',
    'model_upload_uri=nas://nas1:/model',
    'dataset_list=train=nas://nas1:/data',
    'hyperparameter_spec_list="learning_rate double 0.001 0.1 0.01; batch_size int 16 64 16"',
    'metric_list=loss,accuracy',
    'objective_metric_name=loss',
    'objective_type_code=MINIMIZE',
    'tuning_strategy_name=GRID',
    'max_trial_count=6',
    extra,
  ]
    .join(' ')
    .trim();
}

describe('/easymaker tuning run', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ speed: 20 });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function send(text: string) {
    return harness.driver.sendCommand({
      command: '/easymaker',
      text,
      userId: ALICE,
      channelId: CHANNEL,
    });
  }

  it('tracks trial progress on the parent message until COMPLETE', async () => {
    const { fake } = harness;
    await harness.control('PUT', '/_simulator/timing', {
      hyperparameterTuning: { RUNNING: 3000 },
    });
    const ack = await send(tuneCommand('tune-lr'));
    expect((JSON.parse(ack.body) as { text: string }).text).toContain('Creating tuning `tune-lr`');
    const parent = await fake.waitFor(
      () => fake.messages(CHANNEL).find((message) => message.text.includes(' tune-lr:')),
      10_000,
    );
    const sawProgress = await fake.waitFor(() => {
      const blocks = JSON.stringify(fake.message(CHANNEL, parent.ts)?.blocks ?? []);
      return blocks.includes('Completed trials') && blocks.includes('Best loss')
        ? blocks
        : undefined;
    }, 20_000);
    expect(sawProgress).toContain('Running');
    const final = await fake.waitFor(
      () => replyTexts(fake, CHANNEL, parent.ts).find((text) => text.includes('completed')),
      30_000,
    );
    expect(final).toContain(`<@${ALICE}>`);
    const finalReply = fake.replies(CHANNEL, parent.ts).find((message) => message.text === final);
    expect(JSON.stringify(finalReply?.blocks)).toContain('Best trial');
  });

  it('rejects more than 10 instances across parallel trials', async () => {
    const ack = await send(
      tuneCommand('too-wide', 'parallel_trial_count=4 distributed_node_count=3'),
    );
    expect((JSON.parse(ack.body) as { text: string }).text).toContain(
      '`parallel_trial_count` times distributed_node_count must be 10 or less (got 4 x 3 = 12)',
    );
  });

  it('alerts when the tuning fails', async () => {
    const { fake } = harness;
    await send(tuneCommand('fail-tuning'));
    const parent = await fake.waitFor(
      () => fake.messages(CHANNEL).find((message) => message.text.includes(' fail-tuning:')),
      10_000,
    );
    await fake.waitFor(
      () =>
        replyTexts(fake, CHANNEL, parent.ts).find((text) =>
          text.includes('*FAIL_HYPERPARAMETER_TUNING*'),
        ),
      30_000,
    );
    await fake.waitFor(
      () => fake.messages(ALERTS_CHANNEL).find((message) => message.text.includes('fail-tuning')),
      5000,
    );
  });
});
