import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALERTS_CHANNEL,
  ALICE,
  CHANNEL,
  type Harness,
  inlineTrainCommand,
  replyTexts,
  startHarness,
} from './harness.js';

describe('/easymaker train when things go wrong', () => {
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

  async function threadOf(name: string) {
    const { fake } = harness;
    return fake.waitFor(
      () => fake.messages(CHANNEL).find((message) => message.text.includes(` ${name}:`)),
      10_000,
    );
  }

  describe('when inline arguments are invalid', () => {
    it('names the argument and the published range', async () => {
      const ack = await send(
        inlineTrainCommand('bad-nodes', 'distributed_node_count=11 timeout_hours=0'),
      );
      expect(ack.status).toBe(200);
      const reply = JSON.parse(ack.body) as { response_type: string; text: string };
      expect(reply.response_type).toBe('ephemeral');
      expect(reply.text).toContain('`distributed_node_count` must be a whole number from 1 to 10');
      expect(reply.text).toContain('`timeout_hours` must be a whole number from 1 to 720 hours');
    });

    it('names an unknown argument and lists the known ones', async () => {
      const ack = await send(inlineTrainCommand('bad-key', 'gpus=2'));
      const reply = JSON.parse(ack.body) as { text: string };
      expect(reply.text).toContain('Unknown argument `gpus`');
      expect(reply.text).toContain('distributed_node_count');
    });

    it('explains an unclosed quote', async () => {
      const ack = await send('train training_name="open');
      expect((JSON.parse(ack.body) as { text: string }).text).toContain('not closed');
    });

    it('tells the requester about an unknown image and creates nothing', async () => {
      const ack = await send(
        inlineTrainCommand('bad-image').replace(
          'image="Ubuntu 22.04 CPU TensorFlow Training"',
          'image="Windows 95"',
        ),
      );
      expect(ack.status).toBe(200);
      const post = await harness.fake.waitFor(
        () =>
          harness.fake
            .responseUrlPosts()
            .find((candidate) => JSON.stringify(candidate.body).includes('bad-image')),
        10_000,
      );
      expect(JSON.stringify(post.body)).toContain('no image \\"Windows 95\\" exists');
      expect(post.responseType).toBe('ephemeral');
      expect(await harness.countRequests('POST', '/trainings')).toBe(0);
      expect(
        harness.fake.messages(CHANNEL).some((message) => message.text.includes('bad-image')),
      ).toBe(false);
    });

    it('does not ping the channel through user text', async () => {
      const { fake } = harness;
      await send(inlineTrainCommand('"<!channel> <@U0BOB>"'));
      const parent = await threadOf('&lt;!channel&gt; &lt;@U0BOB&gt;');
      await fake.waitFor(
        () => replyTexts(fake, CHANNEL, parent.ts).find((text) => text.includes('completed')),
        30_000,
      );
      const everything = [parent, ...fake.replies(CHANNEL, parent.ts)].map((message) =>
        JSON.stringify([message.text, message.blocks]),
      );
      for (const text of everything) {
        expect(text).not.toContain('<!channel>');
        expect(text).not.toContain('<@U0BOB>');
      }
    });
  });

  describe('when the training fails', () => {
    it('says so in the thread and alerts the alerts channel with a link', async () => {
      const { fake } = harness;
      await send(inlineTrainCommand('fail-diverged'));
      const parent = await threadOf('fail-diverged');
      const final = await fake.waitFor(
        () => replyTexts(fake, CHANNEL, parent.ts).find((text) => text.includes('failed with')),
        30_000,
      );
      expect(final).toContain('*FAIL_TRAIN*');
      expect(final).toContain(`<@${ALICE}>`);
      const alert = await fake.waitFor(
        () =>
          fake.messages(ALERTS_CHANNEL).find((message) => message.text.includes('fail-diverged')),
        5000,
      );
      expect(alert.text).toContain('FAIL_TRAIN');
      expect(alert.text).toContain(`/archives/${CHANNEL}/p${parent.ts.replace('.', '')}`);
      await fake.waitFor(() => fake.message(CHANNEL, parent.ts)?.text.includes('FAIL_TRAIN'), 5000);
    });

    it('alerts on CREATE_FAILED', async () => {
      const { fake } = harness;
      await send(inlineTrainCommand('createfail-quota'));
      const parent = await threadOf('createfail-quota');
      await fake.waitFor(
        () => replyTexts(fake, CHANNEL, parent.ts).find((text) => text.includes('*CREATE_FAILED*')),
        30_000,
      );
      await fake.waitFor(
        () =>
          fake
            .messages(ALERTS_CHANNEL)
            .find((message) => message.text.includes('createfail-quota')),
        5000,
      );
    });
  });

  describe('when EasyMaker answers the create request too late', () => {
    it('finds the training it created instead of sending the request again', async () => {
      const { fake } = harness;
      await harness.control('POST', '/_simulator/faults', {
        kind: 'slow-response',
        method: 'POST',
        pathPattern: '*/trainings',
        delayMs: 4000,
        count: 1,
      });
      const before = await harness.countRequests('POST', '/trainings');
      await send(inlineTrainCommand('slow-create'));
      const parent = await threadOf('slow-create');
      const final = await fake.waitFor(
        () => replyTexts(fake, CHANNEL, parent.ts).find((text) => text.includes('completed')),
        40_000,
      );
      expect(final).toContain('slow-create');
      expect((await harness.countRequests('POST', '/trainings')) - before).toBe(1);
      const replies = replyTexts(fake, CHANNEL, parent.ts);
      expect(replies.filter((text) => text.includes('Created training'))).toHaveLength(1);
    });
  });

  describe('when Slack or EasyMaker push back for a while', () => {
    it('rejects a channel the bot cannot post in', async () => {
      const before = await harness.countRequests('POST', '/trainings');
      const ack = await harness.driver.sendCommand({
        command: '/easymaker',
        text: inlineTrainCommand('private-channel'),
        userId: 'U0CAROL',
        channelId: 'C0PRIVATE',
      });
      const post = await harness.fake.waitFor(
        () =>
          harness.fake.responseUrlPosts().find((candidate) => candidate.url === ack.responseUrl),
        15_000,
      );
      expect(JSON.stringify(post.body)).toContain('the bot cannot post in this channel');
      expect(await harness.countRequests('POST', '/trainings')).toBe(before);
    });

    it('sends a create again after EasyMaker answered 429, once', async () => {
      const { fake } = harness;
      await harness.control('POST', '/_simulator/faults', {
        kind: 'http-error',
        method: 'POST',
        pathPattern: '*/trainings',
        status: 429,
        count: 1,
        retryAfterSeconds: 1,
      });
      await send(inlineTrainCommand('rate-limited-create'));
      const parent = await threadOf('rate-limited-create');
      await fake.waitFor(
        () => replyTexts(fake, CHANNEL, parent.ts).find((text) => text.includes('completed')),
        40_000,
      );
      const trainings = (await harness.easymaker('GET', '/trainings')) as {
        trainingList: Array<{ trainingName: string }>;
      };
      expect(
        trainings.trainingList.filter(
          (training) => training.trainingName === 'rate-limited-create',
        ),
      ).toHaveLength(1);
    });

    it('waits out Slack rate limits while creating', async () => {
      const { fake } = harness;
      fake.rateLimitNext('chat.postMessage', 2, 1);
      await send(inlineTrainCommand('slack-limited-create'));
      const parent = await threadOf('slack-limited-create');
      await fake.waitFor(
        () => replyTexts(fake, CHANNEL, parent.ts).find((text) => text.includes('completed')),
        40_000,
      );
      expect(
        replyTexts(fake, CHANNEL, parent.ts).filter((text) => text.includes('Created training')),
      ).toHaveLength(1);
    });

    it('runs several trainings that name one new experiment', async () => {
      const { fake } = harness;
      const names = ['sweep-a', 'sweep-b', 'sweep-c'];
      await Promise.all(
        names.map((name) =>
          send(
            inlineTrainCommand(name).replace(
              'experiment_name=e2e-experiment',
              'experiment_name=sweep-experiment',
            ),
          ),
        ),
      );
      for (const name of names) {
        const parent = await threadOf(name);
        const final = await fake.waitFor(
          () =>
            replyTexts(fake, CHANNEL, parent.ts).find(
              (text) => text.includes('completed') || text.includes('failed'),
            ),
          40_000,
        );
        expect(final).toContain('completed');
      }
    });
  });
});
