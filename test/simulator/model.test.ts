import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  activeEndpoint,
  activeModel,
  advance,
  modelBody,
  successHeader,
} from './resource-fixtures.js';
import { type SimulatorHarness, startSimulatorHarness, trainingBody } from './simulator-harness.js';

describe('simulator models', () => {
  let harness: SimulatorHarness;

  beforeAll(async () => {
    harness = await startSimulatorHarness();
  });
  beforeEach(async () => {
    await harness.control('POST', 'reset');
  });
  afterAll(async () => {
    await harness.stop();
  });

  const create = (overrides: Record<string, unknown>) =>
    harness.api('POST', '/models', { body: modelBody(overrides) });
  const parameters = (count: number) =>
    Array.from({ length: count }, (_, index) => ({
      parameterName: `p${index}`,
      parameterValue: 'v',
    }));
  const huggingFace = (parameterList: unknown) => ({
    modelTypeCode: 'HUGGING_FACE',
    modelUploadUri: undefined,
    parameterList,
  });

  const accepted: Array<[string, Record<string, unknown>]> = [
    ['a 50-character name', { modelName: 'n'.repeat(50) }],
    ['a 255-character URI', { modelUploadUri: `obs://h/${'u'.repeat(247)}` }],
    ['a nas:// URI', { modelUploadUri: 'nas://nas01:/models/iris' }],
    ['every 2.1.3 type code', { modelTypeCode: 'ONNX_TRITON' }],
    ['10 parameters', { parameterList: parameters(10) }],
    [
      'parameter name 64 and value 255',
      { parameterList: [{ parameterName: 'n'.repeat(64), parameterValue: 'v'.repeat(255) }] },
    ],
    [
      'a Hugging Face model',
      huggingFace([{ parameterName: 'model_id', parameterValue: 'distilbert-base-uncased' }]),
    ],
  ];

  for (const [label, overrides] of accepted) {
    it(`accepts ${label}`, async () => {
      const answer = await create(overrides);
      expect(answer.body.header.resultMessage).toBe('SUCCESS');
      expect(answer.body.model.modelStatusCode).toBe('CREATE_REQUESTED');
    });
  }

  const rejected: Array<[string, Record<string, unknown>, string]> = [
    ['a 51-character name', { modelName: 'n'.repeat(51) }, 'modelName must be at most 50'],
    ['a 256-character URI', { modelUploadUri: `obs://h/${'u'.repeat(248)}` }, 'at most 255'],
    ['an https URI', { modelUploadUri: 'https://h/models' }, 'must start with obs:// or nas://'],
    [
      'a URI without a framework',
      { modelTypeCode: undefined },
      'modelTypeCode is required with modelUploadUri',
    ],
    ['an unknown type code', { modelTypeCode: 'SKLEARN' }, 'modelTypeCode must be one of'],
    ['11 parameters', { parameterList: parameters(11) }, 'parameterList must contain at most 10'],
    [
      'a 65-character parameter name',
      { parameterList: [{ parameterName: 'n'.repeat(65), parameterValue: 'v' }] },
      'parameterName must be at most 64',
    ],
    [
      'a 256-character parameter value',
      { parameterList: [{ parameterName: 'n', parameterValue: 'v'.repeat(256) }] },
      'parameterValue must be at most 255',
    ],
    ['no source', { modelUploadUri: undefined }, 'a model source is required'],
    ['two sources', { trainingId: 'abcdefabcdef' }, 'exactly one model source is allowed'],
    ['a Hugging Face model without model_id', huggingFace([]), 'must contain a model_id parameter'],
  ];

  for (const [label, overrides, message] of rejected) {
    it(`rejects ${label}`, async () => {
      const answer = await create(overrides);
      expect(answer.status).toBe(400);
      expect(answer.body.header.resultMessage).toContain(message);
    });
  }

  it('walks a model to ACTIVE and lists it', async () => {
    const created = await create({});
    expect(created.body.header).toEqual(successHeader);
    const id = created.body.model.modelId;
    const seen: string[] = [];
    for (let step = 0; step < 3; step += 1) {
      seen.push((await harness.api('GET', `/models/${id}`)).body.model.modelStatusCode);
      await advance(harness, 5);
    }
    expect(seen).toEqual(['CREATE_REQUESTED', 'CREATE_IN_PROGRESS', 'ACTIVE']);
    const list = await harness.api('GET', '/models');
    expect(list.body.modelList.map((model: { modelId: string }) => model.modelId)).toEqual([id]);
    expect(list.body.paging.totalCount).toBe(1);
  });

  it('ends createfail- and fail- models in CREATE_FAILED', async () => {
    const first = await create({ modelName: 'createfail-model' });
    const second = await create({ modelName: 'fail-model' });
    await advance(harness, 10);
    for (const answer of [first, second]) {
      const fetched = await harness.api('GET', `/models/${answer.body.model.modelId}`);
      expect(fetched.body.model.modelStatusCode).toBe('CREATE_FAILED');
    }
  });

  it('takes only COMPLETE trainings and keeps them from deletion', async () => {
    const experimentId = await harness.activeExperiment('models');
    const training = await harness.api('POST', '/trainings', { body: trainingBody(experimentId) });
    const trainingId = training.body.training.trainingId;
    const early = await harness.api('POST', '/models', {
      body: { modelName: 'early', trainingId },
    });
    expect(early.status).toBe(409);
    expect(early.body.header.resultMessage).toContain('only a COMPLETE training');

    await advance(harness, 30);
    const fromTraining = await harness.api('POST', '/models', {
      body: { modelName: 'mnist', trainingId },
    });
    expect(fromTraining.status).toBe(200);
    expect(fromTraining.body.model.training).toEqual({ trainingId, trainingName: 'mnist-train' });
    expect(fromTraining.body.model.modelTypeCode).toBe('TENSORFLOW');
    expect(fromTraining.body.model.modelUploadUri).toBe(training.body.training.modelUploadUri);

    const fetched = await harness.api('GET', `/trainings/${trainingId}`);
    expect(fetched.body.training.modelList).toHaveLength(1);
    const deleted = await harness.api('DELETE', `/trainings/${trainingId}`);
    expect(deleted.status).toBe(409);
    expect(deleted.body.header.resultMessage).toContain('has model');
  });

  it('rejects an unknown training with 400', async () => {
    const answer = await harness.api('POST', '/models', {
      body: { modelName: 'ghost', trainingId: 'nosuchtraini' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.header.resultMessage).toContain('trainingId nosuchtraini not found');
  });

  it('rejects deleting a model used by an endpoint', async () => {
    const modelId = await activeModel(harness);
    const endpoint = await activeEndpoint(harness, modelId);
    const answer = await harness.api('DELETE', `/models/${modelId}`);
    expect(answer.status).toBe(409);
    expect(answer.body.header.resultMessage).toContain(
      `is used by endpoint ${endpoint.endpointId}`,
    );
  });

  it('deletes an unused model', async () => {
    const modelId = await activeModel(harness);
    const answer = await harness.api('DELETE', `/models/${modelId}`);
    expect(answer.body).toEqual({ header: successHeader });
    expect((await harness.api('GET', `/models/${modelId}`)).status).toBe(404);
  });

  it('pages 500 seeded models', async () => {
    const models = Array.from({ length: 500 }, (_, index) => ({ modelName: `model-${index}` }));
    const seeded = await harness.control('POST', 'seed', { models });
    expect(seeded.body.seeded.modelList).toHaveLength(500);
    expect(seeded.body.seeded.modelList[0].modelStatusCode).toBe('ACTIVE');

    const all = await harness.api('GET', '/models');
    expect(all.body.modelList).toHaveLength(500);
    expect(all.body.paging).toEqual({ totalCount: 500, page: 1, limit: 500 });

    const third = await harness.api('GET', '/models?page=3&limit=200');
    expect(third.body.modelList).toHaveLength(100);
    expect(third.body.paging).toEqual({ totalCount: 500, page: 3, limit: 200 });
    expect(third.body.modelList[99].modelName).toBe('model-0');

    const first = await harness.api('GET', '/models?page=1');
    expect(first.body.modelList).toHaveLength(50);
    expect(first.body.modelList[0].modelName).toBe('model-499');
  });
});
