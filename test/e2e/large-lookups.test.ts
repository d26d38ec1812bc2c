import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, CHANNEL, type Harness, replyTexts, startHarness } from './harness.js';

const CPU_FLAVOR_ID = '5f0a7c52-1b7e-4a8e-9f31-0c1d2e3f4a01';

describe('create form with more than 100 choices', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ speed: 20 });
    await harness.control('POST', '/_simulator/seed', {
      images: Array.from({ length: 150 }, (_, index) => ({
        imageId: `seedimage${String(index).padStart(3, '0')}`,
        imageName: `Seeded image ${index}`,
      })),
    });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('searches the images as the user types and creates with the chosen one', async () => {
    const { driver, fake } = harness;
    await driver.sendCommand({
      command: '/easymaker',
      text: 'train',
      userId: ALICE,
      channelId: CHANNEL,
    });
    const view = await fake.waitFor(() => {
      const open = fake.openViewFor(ALICE);
      return open?.callback_id === 'easymaker:create:training' ? open : undefined;
    }, 5000);
    expect(JSON.stringify(view.blocks)).toContain('"type":"external_select"');

    const everything = await driver.suggestOptions({
      viewId: view.id,
      actionId: 'value',
      blockId: 'image_name',
      value: '',
      userId: ALICE,
    });
    expect(everything.status).toBe(200);
    const allOptions = (everything.options as { options?: unknown[] }).options ?? [];
    expect(allOptions).toHaveLength(100);

    const narrowed = await driver.suggestOptions({
      viewId: view.id,
      actionId: 'value',
      blockId: 'image_name',
      value: 'image 14',
      userId: ALICE,
    });
    const names = (
      (narrowed.options as { options?: Array<{ text: { text: string } }> }).options ?? []
    ).map((option) => option.text.text);
    expect(names).toEqual([
      'Seeded image 14',
      'Seeded image 140',
      'Seeded image 141',
      'Seeded image 142',
      'Seeded image 143',
      'Seeded image 144',
      'Seeded image 145',
      'Seeded image 146',
      'Seeded image 147',
      'Seeded image 148',
      'Seeded image 149',
    ]);

    const ack = await driver.submitView({
      viewId: view.id,
      userId: ALICE,
      values: {
        training_name: { value: 'large-lookup' },
        experiment_name: { value: 'large-lookup-experiment' },
        image_name: {
          value: { text: { type: 'plain_text', text: 'Seeded image 140' }, value: 'seedimage140' },
        },
        instance_type_name: { value: CPU_FLAVOR_ID },
        source_dir_uri: { value: 'nas://nas1:/src' },
        entry_point: { value: 'train.py' },
        model_upload_uri: { value: 'nas://nas1:/model' },
        dataset_list: { value: 'train=nas://nas1:/data' },
      },
    });
    expect(ack.body).toBe('');
    const parent = await fake.waitFor(
      () => fake.messages(CHANNEL).find((message) => message.text.includes(' large-lookup:')),
      10_000,
    );
    expect(JSON.stringify(parent.blocks)).toContain('Seeded image 140');
    await fake.waitFor(
      () => replyTexts(fake, CHANNEL, parent.ts).find((text) => text.includes('completed')),
      30_000,
    );
  });
});
