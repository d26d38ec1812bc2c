import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickEphemeralButton } from './ephemeral-click.js';
import {
  ALERTS_CHANNEL,
  ALICE,
  CHANNEL,
  type Harness,
  inlineTrainCommand,
  replyTexts,
  startHarness,
} from './harness.js';

const BOB = 'U0BOB';

describe('operations on existing resources', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ speed: 20 });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function send(text: string, userId = ALICE) {
    return harness.driver.sendCommand({ command: '/easymaker', text, userId, channelId: CHANNEL });
  }

  function postsTo(responseUrl: string | undefined) {
    return harness.fake.responseUrlPosts().filter((post) => post.url === responseUrl);
  }

  async function createTrainingElsewhere(name: string): Promise<string> {
    const experiments = (await harness.easymaker('POST', '/experiments', {
      experimentName: `elsewhere-${name}`,
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

  it('lists experiments in pages and turns to the next page', async () => {
    await harness.control('POST', '/_simulator/seed', {
      experiments: Array.from({ length: 45 }, (_, index) => ({
        experimentName: `seeded-${index}`,
      })),
    });
    const ack = await send('experiments list');
    expect(ack.status).toBe(200);
    const first = await harness.fake.waitFor(() => postsTo(ack.responseUrl)[0], 5000);
    const firstBody = first.body as { text: string; blocks: unknown[] };
    expect(firstBody.text).toMatch(/Experiment list: \d+ found · page 1 of 3/);
    expect(firstBody.blocks.length).toBeLessThanOrEqual(50);

    const click = await clickEphemeralButton({
      driver: harness.driver,
      fake: harness.fake,
      blocks: firstBody.blocks,
      actionId: 'easymaker:list:page:next',
      userId: ALICE,
      channelId: CHANNEL,
    });
    expect(click.status).toBe(200);
    const second = await harness.fake.waitFor(() => postsTo(click.responseUrl)[0], 5000);
    expect(second.replaceOriginal).toBe(true);
    expect((second.body as { text: string }).text).toContain('page 2 of 3');
  });

  it('lists images like the SDK CLI', async () => {
    const ack = await send('images');
    const post = await harness.fake.waitFor(() => postsTo(ack.responseUrl)[0], 5000);
    expect(JSON.stringify(post.body)).toContain('Ubuntu 22.04 CPU TensorFlow Training');
  });

  it('asks for the endpoint of a list that needs one', async () => {
    const ack = await send('experiment frobnicate');
    expect((JSON.parse(ack.body) as { text: string }).text).toContain(
      'Unknown operation "frobnicate"',
    );
  });

  it('shows a resource by id', async () => {
    const trainingId = await createTrainingElsewhere('shown-elsewhere');
    const ack = await send(`training show ${trainingId}`);
    const post = await harness.fake.waitFor(() => postsTo(ack.responseUrl)[0], 5000);
    expect(JSON.stringify(post.body)).toContain('shown-elsewhere');
  });

  it('explains a show of an unknown id', async () => {
    const ack = await send('training show nosuchid1234');
    const post = await harness.fake.waitFor(() => postsTo(ack.responseUrl)[0], 5000);
    expect((post.body as { text: string }).text).toMatch(
      /Could not show training nosuchid1234\. EasyMaker answered:/,
    );
  });

  it('watches a training created elsewhere in one thread, once', async () => {
    const { fake } = harness;
    const trainingId = await createTrainingElsewhere('watched-elsewhere');
    const ack = await send(`watch training ${trainingId}`);
    expect((JSON.parse(ack.body) as { text: string }).text).toContain('Watching training');
    const parent = await fake.waitFor(
      () => fake.messages(CHANNEL).find((message) => message.text.includes('watched-elsewhere')),
      10_000,
    );
    await fake.waitFor(
      () => replyTexts(fake, CHANNEL, parent.ts).find((text) => text.includes('completed')),
      30_000,
    );
    const again = await send(`training watch ${trainingId}`);
    expect((JSON.parse(again.body) as { text: string }).text).toContain('already tracked');
  });

  it('stops a running training after confirmation by the requester only', async () => {
    const { fake } = harness;
    await harness.control('PUT', '/_simulator/timing', { training: { RUNNING: 60_000 } });
    await send(inlineTrainCommand('stop-me'));
    const parent = await fake.waitFor(
      () => fake.messages(CHANNEL).find((message) => message.text.includes(' stop-me:')),
      10_000,
    );
    await fake.waitFor(
      () => replyTexts(fake, CHANNEL, parent.ts).find((text) => text.includes('*RUNNING*')),
      15_000,
    );
    const trainingId = /id `([a-z0-9]+)`/.exec(replyTexts(fake, CHANNEL, parent.ts)[0] ?? '')?.[1];
    expect(trainingId).toBeDefined();

    const ack = await send(`training stop ${trainingId}`);
    const question = JSON.parse(ack.body) as { text: string; blocks: unknown[] };
    expect(question.text).toContain(`Stop training \`${trainingId}\`?`);
    const byBob = await clickEphemeralButton({
      driver: harness.driver,
      fake,
      blocks: question.blocks,
      actionId: 'easymaker:confirm',
      userId: BOB,
      channelId: CHANNEL,
    });
    const refusal = await fake.waitFor(() => postsTo(byBob.responseUrl)[0], 5000);
    expect((refusal.body as { text: string }).text).toContain('Only the user who asked');
    expect(await harness.countRequests('PUT', '/stop')).toBe(0);

    const byAlice = await clickEphemeralButton({
      driver: harness.driver,
      fake,
      blocks: question.blocks,
      actionId: 'easymaker:confirm',
      userId: ALICE,
      channelId: CHANNEL,
    });
    const done = await fake.waitFor(() => postsTo(byAlice.responseUrl)[0], 5000);
    expect((done.body as { text: string }).text).toContain(
      `Stop requested for training \`${trainingId}\``,
    );
    await fake.waitFor(
      () => replyTexts(fake, CHANNEL, parent.ts).find((text) => text.includes('was stopped')),
      20_000,
    );
    await fake.waitFor(
      () => fake.messages(ALERTS_CHANNEL).find((message) => message.text.includes('stop-me')),
      5000,
    );
    await harness.control('PUT', '/_simulator/timing', {});

    const deleteAck = await send(`training delete ${trainingId}`);
    const deleteQuestion = JSON.parse(deleteAck.body) as { blocks: unknown[] };
    const deleted = await clickEphemeralButton({
      driver: harness.driver,
      fake,
      blocks: deleteQuestion.blocks,
      actionId: 'easymaker:confirm',
      userId: ALICE,
      channelId: CHANNEL,
    });
    const deletedPost = await fake.waitFor(() => postsTo(deleted.responseUrl)[0], 5000);
    expect((deletedPost.body as { text: string }).text).toContain(
      `Deleted training \`${trainingId}\``,
    );
    const lookup = await harness.easymaker('GET', `/trainings/${trainingId}`);
    expect((lookup.header as { isSuccessful: boolean }).isSuccessful).toBe(false);
  });

  it('removes the question when cancelled', async () => {
    const ack = await send('experiment delete abc123abc123');
    const question = JSON.parse(ack.body) as { blocks: unknown[] };
    const click = await clickEphemeralButton({
      driver: harness.driver,
      fake: harness.fake,
      blocks: question.blocks,
      actionId: 'easymaker:cancel',
      userId: ALICE,
      channelId: CHANNEL,
    });
    const post = await harness.fake.waitFor(() => postsTo(click.responseUrl)[0], 5000);
    expect(post.deleteOriginal).toBe(true);
    expect(await harness.countRequests('DELETE', '/experiments/abc123abc123')).toBe(0);
  });

  it('creates an experiment inline and tracks it until ACTIVE', async () => {
    const { fake } = harness;
    await send('experiment create experiment_name=inline-experiment description="made from Slack"');
    const parent = await fake.waitFor(
      () => fake.messages(CHANNEL).find((message) => message.text.includes('inline-experiment')),
      10_000,
    );
    const final = await fake.waitFor(
      () => replyTexts(fake, CHANNEL, parent.ts).find((text) => text.includes('is ready')),
      20_000,
    );
    expect(final).toContain('*ACTIVE*');
  });

  it('lists the parameters of a resource in its help', async () => {
    const ack = await send('help training');
    const body = JSON.parse(ack.body) as {
      text: string;
      blocks?: Array<{ text: { text: string } }>;
    };
    const text = body.blocks ? body.blocks.map((block) => block.text.text).join('\n') : body.text;
    expect(text).toContain('`distributed_node_count`: 1 to 10 nodes');
    expect(text).toContain('`/easymaker training run`');
  });

  it('deletes once when the confirm button is clicked twice', async () => {
    const created = (await harness.easymaker('POST', '/experiments', {
      experimentName: 'double-click',
    })) as { experiment: { experimentId: string } };
    const experimentId = created.experiment.experimentId;
    await harness.control('POST', '/_simulator/clock', { advanceSeconds: 60 });
    const ack = await send(`experiment delete ${experimentId}`);
    const question = JSON.parse(ack.body) as { blocks: unknown[] };
    const click = () =>
      clickEphemeralButton({
        driver: harness.driver,
        fake: harness.fake,
        blocks: question.blocks,
        actionId: 'easymaker:confirm',
        userId: ALICE,
        channelId: CHANNEL,
        messageTs: '1796400000.000200',
      });
    const [first, second] = await Promise.all([click(), click()]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    await harness.fake.waitFor(
      () => [...postsTo(first.responseUrl), ...postsTo(second.responseUrl)][0],
      5000,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await harness.countRequests('DELETE', `/experiments/${experimentId}`)).toBe(1);
    const posts = [...postsTo(first.responseUrl), ...postsTo(second.responseUrl)];
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]?.body)).toContain('Deleted experiment');
  });
});
