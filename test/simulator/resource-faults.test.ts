import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  activeModel,
  activePipeline,
  advance,
  batchBody,
  endpointBody,
  modelBody,
  pipelineUploadBody,
  runBody,
  tuningBody,
} from './resource-fixtures.js';
import { type SimulatorHarness, startSimulatorHarness } from './simulator-harness.js';

describe('simulator faults, timing and seeds for every resource kind', () => {
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

  /** Creates one resource of a kind named `name`; returns the GET path and status field. */
  type Creator = (name: string) => Promise<{ path: string; key: string; field: string }>;

  const creators: Record<string, Creator> = {
    hyperparameterTuning: async (name) => {
      const experimentId = await harness.activeExperiment();
      const answer = await harness.api('POST', '/hyperparameter-tunings', {
        body: tuningBody(experimentId, { hyperparameterTuningName: name }),
      });
      const id = answer.body.hyperparameterTuning.hyperparameterTuningId;
      return {
        path: `/hyperparameter-tunings/${id}`,
        key: 'hyperparameterTuning',
        field: 'hyperparameterTuningStatusCode',
      };
    },
    model: async (name) => {
      const answer = await harness.api('POST', '/models', { body: modelBody({ modelName: name }) });
      return {
        path: `/models/${answer.body.model.modelId}`,
        key: 'model',
        field: 'modelStatusCode',
      };
    },
    endpoint: async (name) => {
      const modelId = await activeModel(harness);
      const answer = await harness.api('POST', '/endpoints', {
        body: endpointBody(modelId, { endpointName: name }),
      });
      return {
        path: `/endpoints/${answer.body.endpoint.endpointId}`,
        key: 'endpoint',
        field: 'endpointStatusCode',
      };
    },
    batchInference: async (name) => {
      const modelId = await activeModel(harness);
      const answer = await harness.api('POST', '/batch-inferences', {
        body: batchBody(modelId, { batchInferenceName: name }),
      });
      return {
        path: `/batch-inferences/${answer.body.batchInference.batchInferenceId}`,
        key: 'batchInference',
        field: 'batchInferenceStatusCode',
      };
    },
    pipeline: async (name) => {
      const answer = await harness.api('POST', '/pipelines/upload', {
        body: pipelineUploadBody(undefined, { pipelineName: name }),
      });
      return {
        path: `/pipelines/${answer.body.pipeline.pipelineId}`,
        key: 'pipeline',
        field: 'pipelineStatusCode',
      };
    },
    pipelineRun: async (name) => {
      const pipelineId = await activePipeline(harness);
      const experimentId = await harness.activeExperiment();
      const answer = await harness.api('POST', '/pipeline-runs', {
        body: runBody(pipelineId, experimentId, { pipelineRunOrRecurringRunName: name }),
      });
      return {
        path: `/pipeline-runs/${answer.body.pipelineRun.pipelineRunId}`,
        key: 'pipelineRun',
        field: 'pipelineRunStatusCode',
      };
    },
    pipelineRecurringRun: async (name) => {
      const pipelineId = await activePipeline(harness);
      const experimentId = await harness.activeExperiment();
      const answer = await harness.api('POST', '/pipeline-runs', {
        body: runBody(pipelineId, experimentId, {
          pipelineRunOrRecurringRunName: name,
          schedulePeriodicMinutes: 60,
        }),
      });
      const id = answer.body.pipelineRecurringRun.pipelineRecurringRunId;
      return {
        path: `/pipeline-recurring-runs/${id}`,
        key: 'pipelineRecurringRun',
        field: 'pipelineRecurringRunStatusCode',
      };
    },
  };

  const cases: Array<[string, string]> = [
    ['hyperparameterTuning', 'FAIL_HYPERPARAMETER_TUNING'],
    ['hyperparameterTuning', 'CREATE_FAILED'],
    ['model', 'CREATE_FAILED'],
    ['endpoint', 'UPDATE_FAILED'],
    ['endpoint', 'CREATE_FAILED'],
    ['batchInference', 'FAIL_BATCH_INFERENCE'],
    ['batchInference', 'CREATE_FAILED'],
    ['pipeline', 'CREATE_FAILED'],
    ['pipelineRun', 'FAIL_PIPELINE_RUN'],
    ['pipelineRun', 'CREATE_FAILED'],
    ['pipelineRecurringRun', 'CREATE_FAILED'],
  ];

  for (const [resource, status] of cases) {
    it(`fails the matching ${resource} with ${status}`, async () => {
      const create = creators[resource] as Creator;
      await harness.control('POST', 'faults', {
        kind: 'fail-resource',
        resource,
        namePattern: 'doomed*',
        status,
      });
      const spared = await create('spared');
      const doomed = await create('doomed');
      await advance(harness, 60);
      const statusOf = async (target: { path: string; key: string; field: string }) =>
        (await harness.api('GET', target.path)).body[target.key][target.field];
      expect(await statusOf(doomed)).toBe(status);
      expect(await statusOf(spared)).not.toBe(status);
      expect((await harness.control('GET', 'faults')).body.faultList).toEqual([]);
    });
  }

  it('rejects a failure status of another kind', async () => {
    const answer = await harness.control('POST', 'faults', {
      kind: 'fail-resource',
      resource: 'model',
      status: 'FAIL_TRAIN',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.header.resultMessage).toContain('must be CREATE_FAILED for resource model');
    const unknown = await harness.control('POST', 'faults', {
      kind: 'fail-resource',
      resource: 'notebook',
      status: 'CREATE_FAILED',
    });
    expect(unknown.status).toBe(400);
  });

  it('describes and applies step lengths per kind', async () => {
    const described = await harness.control('GET', 'timing');
    expect(described.body.timing.endpointStage).toEqual({
      CREATE_REQUESTED: 5000,
      CREATE_IN_PROGRESS: 5000,
      DEPLOY_IN_PROGRESS: 5000,
    });
    expect(Object.keys(described.body.timing.pipelineRecurringRun)).toEqual(['CREATE_REQUESTED']);

    const replaced = await harness.control('PUT', 'timing', {
      model: { CREATE_REQUESTED: 0, CREATE_IN_PROGRESS: 60_000 },
    });
    expect(replaced.body.timing.model.CREATE_IN_PROGRESS).toBe(60_000);
    const created = await harness.api('POST', '/models', { body: modelBody() });
    const id = created.body.model.modelId;
    const fetched = await harness.api('GET', `/models/${id}`);
    expect(fetched.body.model.modelStatusCode).toBe('CREATE_IN_PROGRESS');
    await advance(harness, 30);
    expect((await harness.api('GET', `/models/${id}`)).body.model.modelStatusCode).toBe(
      'CREATE_IN_PROGRESS',
    );
    await advance(harness, 30);
    expect((await harness.api('GET', `/models/${id}`)).body.model.modelStatusCode).toBe('ACTIVE');

    const invalid = await harness.control('PUT', 'timing', { endpoint: { ACTIVE: 5 } });
    expect(invalid.status).toBe(400);
  });

  it('seeds endpoints and pipelines ready for use', async () => {
    const seeded = await harness.control('POST', 'seed', {
      models: [{ modelName: 'shared' }],
      endpoints: [
        { endpointName: 'with-model', modelName: 'shared' },
        { endpointName: 'own-model' },
      ],
      pipelines: [
        {
          pipelineName: 'seeded',
          parameters: [{ parameterName: 'dataset', isOptional: false }],
        },
      ],
    });
    expect(seeded.status).toBe(200);
    const [withModel, ownModel] = seeded.body.seeded.endpointList;
    const sharedId = seeded.body.seeded.modelList[0].modelId;
    expect(withModel.endpointStatusCode).toBe('ACTIVE');
    expect(withModel.endpointStageList[0].endpointStageStatusCode).toBe('ACTIVE');
    expect(withModel.endpointStageList[0].endpointModelList[0].modelId).toBe(sharedId);
    expect(ownModel.endpointStageList[0].endpointModelList[0].model.modelName).toBe(
      'own-model-model',
    );
    const pipeline = seeded.body.seeded.pipelineList[0];
    expect(pipeline.pipelineStatusCode).toBe('ACTIVE');
    expect(pipeline.pipelineParameterSpecList).toEqual([
      { parameterName: 'dataset', parameterType: 'STRING', isOptional: false, defaultValue: null },
    ]);

    const stage = withModel.endpointStageList[0];
    const response = await fetch(
      `http://${stage.apigwStageUrl}${stage.endpointModelList[0].apigwResourceUri}`,
      { method: 'POST', body: JSON.stringify({ instances: [[1, 2, 3, 4]] }) },
    );
    expect(response.status).toBe(200);
  });
});
