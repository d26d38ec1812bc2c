import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  activeModel,
  advance,
  endpointBody,
  resourceItem,
  successHeader,
} from './resource-fixtures.js';
import { type SimulatorHarness, startSimulatorHarness } from './simulator-harness.js';

describe('simulator endpoint create validation', () => {
  let harness: SimulatorHarness;
  let modelId: string;
  let nameCount = 0;

  beforeAll(async () => {
    harness = await startSimulatorHarness();
    modelId = await activeModel(harness);
  });
  afterAll(async () => {
    await harness.stop();
  });

  // The tables are built before the model exists, so they name it by a placeholder that
  // `create` replaces.
  const anyModel = '{modelId}';
  const create = (overrides: Record<string, unknown>) => {
    nameCount += 1;
    const body = endpointBody(modelId, { endpointName: `endpoint-${nameCount}`, ...overrides });
    return harness.api('POST', '/endpoints', {
      body: JSON.parse(JSON.stringify(body).replaceAll(anyModel, modelId)),
    });
  };
  const withResource = (overrides: Record<string, unknown>) => ({
    endpointModelResourceList: [resourceItem(anyModel, overrides)],
  });
  const withDetail = (detail: Record<string, unknown>) =>
    withResource({ resourceOptionDetail: detail });

  const accepted: Array<[string, Record<string, unknown>]> = [
    ['a 50-character name', { endpointName: 'n'.repeat(50) }],
    ['nodeCount 1', { nodeCount: 1 }],
    ['nodeCount 10', { nodeCount: 10 }],
    ['cpu 0.0 and memory 1Mi', withDetail({ cpu: '0.0', memory: '1Mi' })],
    ['memory in Gi with a GPU', withDetail({ cpu: '4', memory: '15Gi', gpu: '1' })],
    [
      'scaleMetricTarget 1',
      withResource({
        podAutoScaleEnable: true,
        scaleMetricCode: 'CPU_UTILIZATION',
        scaleMetricTarget: 1,
      }),
    ],
    [
      'MEMORY_UTILIZATION',
      withResource({ scaleMetricCode: 'MEMORY_UTILIZATION', scaleMetricTarget: 70 }),
    ],
    ['CONCURRENCY', withResource({ scaleMetricCode: 'CONCURRENCY', scaleMetricTarget: 10 })],
    [
      'REQUESTS_PER_SECOND',
      withResource({ scaleMetricCode: 'REQUESTS_PER_SECOND', scaleMetricTarget: 10 }),
    ],
    ['caMinNodeCount equal to caMaxNodeCount', { caMinNodeCount: 3, caMaxNodeCount: 3 }],
  ];

  for (const [label, overrides] of accepted) {
    it(`accepts ${label}`, async () => {
      const answer = await create(overrides);
      expect(answer.body.header.resultMessage).toBe('SUCCESS');
      expect(answer.body.endpoint.endpointStatusCode).toBe('CREATE_REQUESTED');
    });
  }

  const rejected: Array<[string, Record<string, unknown>, string]> = [
    ['a 51-character name', { endpointName: 'n'.repeat(51) }, 'endpointName must be at most 50'],
    ['nodeCount 0', { nodeCount: 0 }, 'nodeCount must be between 1 and 10'],
    ['nodeCount 11', { nodeCount: 11 }, 'nodeCount must be between 1 and 10'],
    ['no stage resource', { endpointModelResourceList: [] }, 'must contain at least 1 item'],
    [
      '11 stage resources',
      { endpointModelResourceList: Array.from({ length: 11 }, () => resourceItem(anyModel)) },
      'must contain at most 10 items',
    ],
    ['cpu as a number', withDetail({ cpu: 1, memory: '1Gi' }), 'cpu must be a string'],
    ['cpu with a unit', withDetail({ cpu: '500m', memory: '1Gi' }), 'cpu must be a decimal number'],
    [
      'memory 0Mi',
      withDetail({ cpu: '1', memory: '0Mi' }),
      'memory must be a quantity of 1Mi or more',
    ],
    ['memory without a unit', withDetail({ cpu: '1', memory: '512' }), 'memory must be a quantity'],
    [
      'scaleMetricTarget 0',
      withResource({ scaleMetricCode: 'CPU_UTILIZATION', scaleMetricTarget: 0 }),
      'scaleMetricTarget must be 1 or more',
    ],
    [
      'an unknown scale metric',
      withResource({ scaleMetricCode: 'GPU_UTILIZATION' }),
      'scaleMetricCode must be one of',
    ],
    [
      'pod autoscaling without a metric',
      withResource({ podAutoScaleEnable: true }),
      'scaleMetricCode is required when podAutoScaleEnable',
    ],
    [
      'caMinNodeCount above caMaxNodeCount',
      { caMinNodeCount: 5, caMaxNodeCount: 4 },
      'caMaxNodeCount must not be less',
    ],
    ['an unknown flavor', { flavorId: 'no-such-flavor' }, 'flavorId no-such-flavor not found'],
    ['an unknown model', withResource({ modelId: 'nosuchmodel1' }), 'not found'],
  ];

  for (const [label, overrides, message] of rejected) {
    it(`rejects ${label}`, async () => {
      const answer = await create(overrides);
      expect(answer.status).toBe(400);
      expect(answer.body.header.resultMessage).toContain(message);
    });
  }

  it('rejects a duplicate name with 409', async () => {
    await create({ endpointName: 'taken' });
    const answer = await create({ endpointName: 'taken' });
    expect(answer.status).toBe(409);
    expect(answer.body.header.resultMessage).toContain('endpointName taken is already in use');
  });

  it('rejects a model that is not ACTIVE with 409', async () => {
    const pending = await harness.api('POST', '/models', {
      body: {
        modelName: 'pending',
        modelTypeCode: 'TENSORFLOW',
        modelUploadUri: 'obs://h/v1/AUTH_t/c/m',
      },
    });
    const answer = await create(withResource({ modelId: pending.body.model.modelId }));
    expect(answer.status).toBe(409);
    expect(answer.body.header.resultMessage).toContain('CREATE_REQUESTED, not ACTIVE');
  });
});

describe('simulator endpoint lifecycle', () => {
  let harness: SimulatorHarness;
  let modelId: string;

  beforeAll(async () => {
    harness = await startSimulatorHarness();
  });
  beforeEach(async () => {
    await harness.control('POST', 'reset');
    modelId = await activeModel(harness);
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('creates the default stage and one endpoint model per resource', async () => {
    const created = await harness.api('POST', '/endpoints', { body: endpointBody(modelId) });
    expect(created.body.header).toEqual(successHeader);
    const endpoint = created.body.endpoint;
    expect(endpoint.endpointId).toMatch(/^[a-z0-9]{12}$/);
    expect(endpoint.apigwRegion).toBe('KR1');
    expect(endpoint.endpointStageList).toHaveLength(1);
    const [stage] = endpoint.endpointStageList;
    expect(stage.isDefaultStage).toBe(true);
    expect(stage.defaultStage).toBe(true);
    expect(stage.endpointStageStatusCode).toBe('CREATE_REQUESTED');
    expect(stage.apigwStageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(stage.apigwStageUrl).toBe(
      `${new URL(harness.url).host}/inference/${stage.apigwStageId}`,
    );
    expect(stage.endpointModelList).toHaveLength(1);
    expect(stage.endpointModelList[0].modelId).toBe(modelId);
    expect(stage.endpointModelList[0].apigwResourceUri).toBe(
      '/iris-model/v1/models/iris-model/predict',
    );
    expect(stage.autoScaler).toEqual({
      enable: false,
      minNodeCount: 1,
      maxNodeCount: 10,
      scaleDownEnable: true,
      scaleDownUtilThreshPercentage: 50,
      scaleDownUnneededMinute: 10,
      scaleDownDelayAfterAddMinute: 10,
    });

    const stages = await harness.api('GET', `/endpoint-stages?endpointId=${endpoint.endpointId}`);
    expect(stages.body.endpointStageList).toHaveLength(1);
    expect(stages.body.endpointStageList[0].endpointStageId).toBe(stage.endpointStageId);
    const list = await harness.api('GET', '/endpoints');
    expect(list.body.endpointList).toHaveLength(1);
  });

  it('accepts 10 stage resources of different models', async () => {
    const models = Array.from({ length: 10 }, (_, index) => ({ modelName: `served-${index}` }));
    const seeded = await harness.control('POST', 'seed', { models });
    const resources = seeded.body.seeded.modelList.map((model: { modelId: string }) =>
      resourceItem(model.modelId),
    );
    const created = await harness.api('POST', '/endpoints', {
      body: endpointBody(modelId, { endpointModelResourceList: resources }),
    });
    expect(created.body.header).toEqual(successHeader);
    const stage = created.body.endpoint.endpointStageList[0];
    expect(stage.endpointModelList).toHaveLength(10);
    expect(stage.podCount).toBe(10);
  });

  it('walks the endpoint, default stage and endpoint model to ACTIVE', async () => {
    const created = await harness.api('POST', '/endpoints', { body: endpointBody(modelId) });
    const endpointId = created.body.endpoint.endpointId;
    const seen: string[][] = [];
    for (let step = 0; step < 4; step += 1) {
      const endpoint = (await harness.api('GET', `/endpoints/${endpointId}`)).body.endpoint;
      const stage = endpoint.endpointStageList[0];
      seen.push([
        endpoint.endpointStatusCode,
        stage.endpointStageStatusCode,
        stage.endpointModelList[0].endpointModelStatusCode,
      ]);
      await advance(harness, 5);
    }
    expect(seen).toEqual([
      ['CREATE_REQUESTED', 'CREATE_REQUESTED', 'CREATE_REQUESTED'],
      ['CREATE_IN_PROGRESS', 'CREATE_IN_PROGRESS', 'CREATE_IN_PROGRESS'],
      ['ACTIVE', 'DEPLOY_IN_PROGRESS', 'ACTIVE'],
      ['ACTIVE', 'ACTIVE', 'ACTIVE'],
    ]);
    const stage = (await harness.api('GET', `/endpoints/${endpointId}`)).body.endpoint
      .endpointStageList[0];
    expect(stage.deployStatus).toBe('COMPLETE');
    expect(stage.endpointModelList[0].runningPodCount).toBe(1);
  });

  it('ends a fail- endpoint in UPDATE_FAILED with a failed default stage', async () => {
    const created = await harness.api('POST', '/endpoints', {
      body: endpointBody(modelId, { endpointName: 'fail-endpoint' }),
    });
    await advance(harness, 20);
    const endpoint = (await harness.api('GET', `/endpoints/${created.body.endpoint.endpointId}`))
      .body.endpoint;
    expect(endpoint.endpointStatusCode).toBe('UPDATE_FAILED');
    expect(endpoint.endpointStageList[0].endpointStageStatusCode).toBe('DEPLOY_FAILED');
    expect(endpoint.endpointStageList[0].endpointModelList[0].endpointModelStatusCode).toBe(
      'CREATE_FAILED',
    );
  });

  it('ends a createfail- endpoint in CREATE_FAILED', async () => {
    const created = await harness.api('POST', '/endpoints', {
      body: endpointBody(modelId, { endpointName: 'createfail-endpoint' }),
    });
    await advance(harness, 20);
    const endpoint = (await harness.api('GET', `/endpoints/${created.body.endpoint.endpointId}`))
      .body.endpoint;
    expect(endpoint.endpointStatusCode).toBe('CREATE_FAILED');
    expect(endpoint.endpointStageList[0].endpointStageStatusCode).toBe('CREATE_FAILED');
  });

  it('rejects deleting an endpoint while it is created', async () => {
    const created = await harness.api('POST', '/endpoints', { body: endpointBody(modelId) });
    const answer = await harness.api('DELETE', `/endpoints/${created.body.endpoint.endpointId}`);
    expect(answer.status).toBe(409);
    expect(answer.body.header.resultMessage).toContain('wait until it ends');
  });

  it('deletes an endpoint with its default stage and endpoint models', async () => {
    const created = await harness.api('POST', '/endpoints', { body: endpointBody(modelId) });
    const endpoint = created.body.endpoint;
    const stageId = endpoint.endpointStageList[0].endpointStageId;
    const endpointModelId = endpoint.endpointStageList[0].endpointModelList[0].endpointModelId;
    await advance(harness, 15);
    const answer = await harness.api('DELETE', `/endpoints/${endpoint.endpointId}`);
    expect(answer.body).toEqual({ header: successHeader });
    expect((await harness.api('GET', `/endpoints/${endpoint.endpointId}`)).status).toBe(404);
    expect((await harness.api('GET', `/endpoint-stages/${stageId}`)).status).toBe(404);
    expect((await harness.api('GET', `/endpoint-models/${endpointModelId}`)).status).toBe(404);
    expect((await harness.api('DELETE', `/models/${modelId}`)).status).toBe(200);
  });
});
