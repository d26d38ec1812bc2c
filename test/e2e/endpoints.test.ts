import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickEphemeralButton } from './ephemeral-click.js';
import { ALICE, CHANNEL, type Harness, replyTexts, startHarness } from './harness.js';

interface Seeded {
  modelList: Array<{ modelId: string; modelName: string }>;
  endpointList: Array<{ endpointId: string; endpointName: string }>;
}

describe('endpoints and stages from Slack', () => {
  let harness: Harness;
  let modelId: string;
  let secondModelId: string;
  let endpointId: string;

  beforeAll(async () => {
    harness = await startHarness({ speed: 20 });
    const seeded = (await harness.control('POST', '/_simulator/seed', {
      models: [{ modelName: 'e2e-mnist' }, { modelName: 'e2e-iris' }],
      endpoints: [{ endpointName: 'seeded-endpoint', modelName: 'e2e-mnist' }],
    })) as { seeded: Seeded };
    const lists = seeded.seeded;
    modelId = lists.modelList[0]?.modelId ?? '';
    secondModelId = lists.modelList[1]?.modelId ?? '';
    endpointId = lists.endpointList[0]?.endpointId ?? '';
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

  function postTo(responseUrl: string | undefined) {
    return harness.fake.waitFor(
      () => harness.fake.responseUrlPosts().find((post) => post.url === responseUrl),
      10_000,
    );
  }

  it('seeds the models and the endpoint the tests use', () => {
    expect(modelId).not.toBe('');
    expect(secondModelId).not.toBe('');
    expect(endpointId).not.toBe('');
  });

  it('creates an endpoint and tracks it until its default stage is ACTIVE', async () => {
    const { fake } = harness;
    await harness.control('PUT', '/_simulator/timing', {
      endpointStage: { DEPLOY_IN_PROGRESS: 1500 },
    });
    const ack = await send(
      `endpoint create endpoint_name=e2e-endpoint instance=m2.c4m8 resources="model=${modelId} cpu=1 memory=2Gi autoscale=CONCURRENCY:10"`,
    );
    expect(ack.body).toContain('Creating endpoint');
    const parent = await fake.waitFor(
      () => fake.messages(CHANNEL).find((message) => message.text.includes('e2e-endpoint')),
      10_000,
    );
    const final = await fake.waitFor(
      () => replyTexts(fake, CHANNEL, parent.ts).find((text) => text.includes('is ready')),
      20_000,
    );
    expect(final).toContain('*ACTIVE*');
    const finalBlocks = JSON.stringify(fake.replies(CHANNEL, parent.ts).at(-1)?.blocks);
    expect(finalBlocks).toContain('*Default stage*\\ndefault (ACTIVE)');
    expect(finalBlocks).toMatch(/\*Stage URL\*\\nhttp:\/\/127\.0\.0\.1:\d+\/inference\//);
    expect(finalBlocks).toContain('e2e-mnist');
    const replies = replyTexts(fake, CHANNEL, parent.ts);
    expect(replies.some((text) => text.includes('*DEFAULT_STAGE_DEPLOY_IN_PROGRESS*'))).toBe(true);
    expect(replies.filter((text) => text.includes('is ready'))).toHaveLength(1);
    await harness.control('PUT', '/_simulator/timing', {});
    expect(await harness.countRequests('POST', '/endpoints')).toBe(1);
  });

  it('reports invalid model lines before creating anything', async () => {
    const ack = await send(
      `endpoint create endpoint_name=bad-lines instance=m2.c4m8 resources="model=${modelId} cpu=1 memory=2GB"`,
    );
    const body = JSON.parse(ack.body) as { text: string };
    expect(body.text).toContain(
      '`endpoint_model_resource_list` memory "2GB" must be a quantity from 1Mi, such as 512Mi or 2Gi',
    );
  });

  it('adds a stage, lists the stages and deletes the stage after confirmation', async () => {
    const { fake } = harness;
    const ack = await send(
      `stage add endpoint_id=${endpointId} stage_name=canary instance=m2.c4m8 resources="model=${secondModelId} cpu=0.5 memory=512Mi; model=${modelId} cpu=0.5 memory=512Mi"`,
    );
    expect(ack.body).toContain('Creating endpoint stage');
    const parent = await fake.waitFor(
      () => fake.messages(CHANNEL).find((message) => message.text.includes(' canary:')),
      10_000,
    );
    const final = await fake.waitFor(
      () => replyTexts(fake, CHANNEL, parent.ts).find((text) => text.includes('is ready')),
      20_000,
    );
    expect(final).toContain('*ACTIVE*');
    const stageId = /id `([A-Za-z0-9_-]+)`/.exec(
      replyTexts(fake, CHANNEL, parent.ts)[0] ?? '',
    )?.[1];
    expect(stageId).toBeDefined();

    const withoutEndpoint = await send('stage list');
    expect((JSON.parse(withoutEndpoint.body) as { text: string }).text).toContain(
      'Listing endpoint stages needs endpoint_id',
    );

    const listAck = await send(`stages list endpoint_id=${endpointId}`);
    const list = await postTo(listAck.responseUrl);
    const listText = JSON.stringify(list.body);
    expect(listText).toContain('Endpoint stage list: 2 found');
    expect(listText).toContain('`default`');
    expect(listText).toContain('`canary`');
    expect(listText).toContain('Default: yes');

    const deleteAck = await send(`stage delete ${stageId}`);
    const question = JSON.parse(deleteAck.body) as { text: string; blocks: unknown[] };
    expect(question.text).toContain(`endpoint stage \`${stageId}\``);
    const click = await clickEphemeralButton({
      driver: harness.driver,
      fake,
      blocks: question.blocks,
      actionId: 'easymaker:confirm',
      userId: ALICE,
      channelId: CHANNEL,
    });
    const done = await postTo(click.responseUrl);
    expect((done.body as { text: string }).text).toContain(`Deleted endpoint stage \`${stageId}\``);
    const lookup = await harness.easymaker('GET', `/endpoint-stages/${stageId}`);
    expect((lookup.header as { isSuccessful: boolean }).isSuccessful).toBe(false);
  });

  it('refuses to delete the default stage with the reason EasyMaker gives', async () => {
    const stages = (await harness.easymaker(
      'GET',
      `/endpoint-stages?endpointId=${endpointId}`,
    )) as { endpointStageList: Array<{ endpointStageId: string; isDefaultStage: boolean }> };
    const defaultStage = stages.endpointStageList.find((stage) => stage.isDefaultStage);
    const ack = await send(`stage delete ${defaultStage?.endpointStageId}`);
    const question = JSON.parse(ack.body) as { blocks: unknown[] };
    const click = await clickEphemeralButton({
      driver: harness.driver,
      fake: harness.fake,
      blocks: question.blocks,
      actionId: 'easymaker:confirm',
      userId: ALICE,
      channelId: CHANNEL,
    });
    const post = await postTo(click.responseUrl);
    expect((post.body as { text: string }).text).toMatch(
      /Could not delete endpoint stage .+ EasyMaker answered: .*default stage/,
    );
  });

  it('opens the endpoint form with the instance types', async () => {
    const { fake } = harness;
    const ack = await send('endpoint create endpoint_name=from-form');
    expect(ack.body).toBe('');
    const view = await fake.waitFor(() => {
      const open = fake.openViewFor(ALICE);
      return open?.callback_id === 'easymaker:create:endpoint' ? open : undefined;
    }, 5000);
    const blockIds = (view.blocks as Array<{ block_id?: string }>).map((block) => block.block_id);
    expect(blockIds.slice(1)).toEqual([
      'endpoint_name',
      'description',
      'instance_type_name',
      'instance_count',
      'endpoint_model_resource_list',
      'autoscaler_enable',
      'autoscaler_min_node_count',
      'autoscaler_max_node_count',
      'autoscaler_scale_down_enable',
      'autoscaler_scale_down_util_threshold',
      'autoscaler_scale_down_unneeded_time',
      'autoscaler_scale_down_delay_after_add',
      'use_log',
    ]);
    expect(view.state.values.endpoint_name?.value?.value).toBe('from-form');
    const flavor = (
      view.blocks as Array<{
        block_id?: string;
        element?: { options?: Array<{ text: { text: string } }> };
      }>
    ).find((block) => block.block_id === 'instance_type_name');
    expect(flavor?.element?.options?.map((option) => option.text.text)).toContain('m2.c4m8');
    fake.clearViews(ALICE);
  });

  it('adds a stage through the form with a select of endpoints', async () => {
    const { driver, fake } = harness;
    await send('stage add');
    const view = await fake.waitFor(() => {
      const open = fake.openViewFor(ALICE);
      return open?.callback_id === 'easymaker:create:endpoint-stage' ? open : undefined;
    }, 5000);
    const endpointBlock = (
      view.blocks as Array<{
        block_id?: string;
        element?: { options?: Array<{ text: { text: string }; value: string }> };
      }>
    ).find((block) => block.block_id === 'endpoint_id');
    const option = endpointBlock?.element?.options?.find(
      (candidate) => candidate.text.text === 'seeded-endpoint',
    );
    expect(option?.value).toBe(endpointId);
    const flavors = (await harness.easymaker('GET', '/flavors')) as {
      flavorList: Array<{ id: string; name: string }>;
    };
    const flavorId = flavors.flavorList.find((flavor) => flavor.name === 'm2.c4m8')?.id ?? '';

    const invalid = await driver.submitView({
      viewId: view.id,
      userId: ALICE,
      values: {
        endpoint_id: { value: endpointId },
        stage_name: { value: 'Blue-Green' },
        instance_type_name: { value: flavorId },
        endpoint_model_resource_list: { value: `model=${modelId} cpu=1 memory=1Gi` },
        autoscaler_min_node_count: { value: '3' },
        autoscaler_max_node_count: { value: '2' },
      },
    });
    const errors = (JSON.parse(invalid.body) as { errors: Record<string, string> }).errors;
    expect(errors.stage_name).toBe('Must contain only lowercase letters and digits.');

    const submitted = await driver.submitView({
      viewId: view.id,
      userId: ALICE,
      values: {
        endpoint_id: { value: endpointId },
        stage_name: { value: 'bluegreen' },
        instance_type_name: { value: flavorId },
        endpoint_model_resource_list: {
          value: `model=${modelId} cpu=1 memory=1Gi autoscale=REQUESTS_PER_SECOND:20`,
        },
        autoscaler_min_node_count: { value: null },
        autoscaler_max_node_count: { value: null },
        autoscaler_scale_down_enable: { value: 'off' },
      },
    });
    expect(submitted.body).toBe('');
    const parent = await fake.waitFor(
      () => fake.messages(CHANNEL).find((message) => message.text.includes(' bluegreen:')),
      10_000,
    );
    await fake.waitFor(
      () => replyTexts(fake, CHANNEL, parent.ts).find((text) => text.includes('is ready')),
      20_000,
    );
    const stages = (await harness.easymaker(
      'GET',
      `/endpoint-stages?endpointId=${endpointId}`,
    )) as {
      endpointStageList: Array<{
        endpointStageName: string;
        autoScaler: { scaleDownEnable: boolean };
        endpointModelList: Array<{ scaleMetricCode: string }>;
      }>;
    };
    const created = stages.endpointStageList.find(
      (stage) => stage.endpointStageName === 'bluegreen',
    );
    expect(created?.autoScaler.scaleDownEnable).toBe(false);
    expect(created?.endpointModelList[0]?.scaleMetricCode).toBe('REQUESTS_PER_SECOND');
  });

  it('shows an endpoint with its default stage', async () => {
    const ack = await send(`endpoint show ${endpointId}`);
    const post = await postTo(ack.responseUrl);
    const text = JSON.stringify(post.body);
    expect(text).toContain('seeded-endpoint');
    expect(text).toContain('default (ACTIVE)');
  });
});
