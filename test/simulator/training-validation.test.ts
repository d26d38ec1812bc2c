import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  flavorIds,
  type SimulatorHarness,
  startSimulatorHarness,
  trainingBody,
} from './simulator-harness.js';

describe('simulator training create validation', () => {
  let harness: SimulatorHarness;
  let experimentId: string;

  beforeAll(async () => {
    harness = await startSimulatorHarness();
    experimentId = await harness.activeExperiment('validation');
  });
  afterAll(async () => {
    await harness.stop();
  });

  const create = (overrides: Record<string, unknown>) =>
    harness.api('POST', '/trainings', { body: trainingBody(experimentId, overrides) });

  const accepted: Array<[string, Record<string, unknown>]> = [
    ['a 50-character name', { trainingName: 'n'.repeat(50) }],
    ['instanceCount 1', { instanceCount: 1 }],
    ['instanceCount 10', { instanceCount: 10 }],
    ['dataStorageSize 300', { dataStorageSize: 300 }],
    ['dataStorageSize 10000', { dataStorageSize: 10000 }],
    ['timeoutMinutes 60', { timeoutMinutes: 60 }],
    ['timeoutMinutes 43200', { timeoutMinutes: 43200 }],
    ['nprocPerNode equal to the vCPU count', { nprocPerNode: 4 }],
    ['nprocPerNode equal to the GPU count', { flavorId: flavorIds.gpuV100x2, nprocPerNode: 2 }],
    [
      'an algorithm instead of user code',
      {
        algorithmId: 'algimgclassf',
        sourceDirUri: undefined,
        entryPoint: undefined,
      },
    ],
    [
      '100 hyperparameters',
      {
        hyperparameterList: Array.from({ length: 100 }, (_, index) => ({
          parameterName: `p${index}`,
          parameterValue: String(index),
        })),
      },
    ],
    [
      '10 tags',
      {
        tagList: Array.from({ length: 10 }, (_, index) => ({ tagKey: `k${index}`, tagValue: 'v' })),
      },
    ],
    ['unknown keys', { somethingNew: true }],
  ];

  for (const [label, overrides] of accepted) {
    it(`accepts ${label}`, async () => {
      const answer = await create(overrides);
      expect(answer.body.header.resultMessage).toBe('SUCCESS');
      expect(answer.status).toBe(200);
      expect(answer.body.training.trainingStatusCode).toBe('CREATE_REQUESTED');
    });
  }

  const rejected: Array<[string, Record<string, unknown>, string]> = [
    ['a missing name', { trainingName: undefined }, 'trainingName is required'],
    ['a 51-character name', { trainingName: 'n'.repeat(51) }, 'trainingName must be at most 50'],
    ['instanceCount 0', { instanceCount: 0 }, 'instanceCount must be between 1 and 10'],
    ['instanceCount 11', { instanceCount: 11 }, 'instanceCount must be between 1 and 10'],
    ['instanceCount as a string', { instanceCount: '2' }, 'instanceCount must be an integer'],
    [
      'dataStorageSize 299',
      { dataStorageSize: 299 },
      'dataStorageSize must be between 300 and 10000',
    ],
    ['dataStorageSize 10001', { dataStorageSize: 10001 }, 'dataStorageSize must be between 300'],
    ['timeoutMinutes 59', { timeoutMinutes: 59 }, 'timeoutMinutes must be between 60 and 43200'],
    ['timeoutMinutes 43201', { timeoutMinutes: 43201 }, 'timeoutMinutes must be between 60'],
    ['nprocPerNode 0', { nprocPerNode: 0 }, 'nprocPerNode must be 1 or more'],
    [
      'nprocPerNode above the vCPU count',
      { nprocPerNode: 5 },
      'nprocPerNode must be between 1 and 4',
    ],
    [
      'nprocPerNode above the GPU count',
      { flavorId: flavorIds.gpuT4, nprocPerNode: 2 },
      'nprocPerNode must be between 1 and 1',
    ],
    [
      'an unknown experiment',
      { experimentId: 'nosuchexprmt' },
      'experimentId nosuchexprmt not found',
    ],
    ['an unknown image', { imageId: 'nosuchimage1' }, 'imageId nosuchimage1 not found'],
    ['an unknown flavor', { flavorId: 'nosuchflavor' }, 'flavorId nosuchflavor not found'],
    ['an unknown algorithm', { algorithmId: 'nosuchalgori' }, 'algorithmId nosuchalgori not found'],
    ['neither algorithm nor source', { sourceDirUri: undefined }, 'sourceDirUri is required'],
    ['a missing entry point', { entryPoint: undefined }, 'entryPoint is required'],
    [
      'a 256-character URI',
      { modelUploadUri: `obs://${'u'.repeat(250)}` },
      'modelUploadUri must be at most 255',
    ],
    ['a missing model upload URI', { modelUploadUri: undefined }, 'modelUploadUri is required'],
    [
      'another training type',
      { trainingTypeCode: 'DISTRIBUTED' },
      'trainingTypeCode must be NORMAL',
    ],
    [
      'a numeric hyperparameter value',
      {
        hyperparameterList: [{ parameterName: 'epochs', parameterValue: 3 }],
      },
      'hyperparameterList.0.parameterValue must be a string',
    ],
    [
      '101 hyperparameters',
      {
        hyperparameterList: Array.from({ length: 101 }, (_, index) => ({
          parameterName: `p${index}`,
          parameterValue: '1',
        })),
      },
      'hyperparameterList must contain at most 100 items',
    ],
    [
      '11 datasets',
      {
        datasetList: Array.from({ length: 11 }, (_, index) => ({
          datasetName: `d${index}`,
          dataUri: 'nas://x:/d',
        })),
      },
      'datasetList must contain at most 10 items',
    ],
    [
      'a 37-character dataset name',
      {
        datasetList: [{ datasetName: 'd'.repeat(37), dataUri: 'nas://x:/d' }],
      },
      'datasetList.0.datasetName must be at most 36',
    ],
    [
      '11 tags',
      {
        tagList: Array.from({ length: 11 }, (_, index) => ({ tagKey: `k${index}`, tagValue: 'v' })),
      },
      'tagList must contain at most 10 items',
    ],
    [
      'a 65-character tag key',
      { tagList: [{ tagKey: 'k'.repeat(65), tagValue: 'v' }] },
      'tagList.0.tagKey',
    ],
    [
      'a 256-character description',
      { description: 'd'.repeat(256) },
      'description must be at most 255',
    ],
    [
      'a source outside obs or nas',
      { sourceDirUri: 'https://example.invalid/src' },
      'sourceDirUri must start with',
    ],
    [
      'Object Storage data without a storage size',
      { dataStorageSize: undefined },
      'dataStorageSize is required',
    ],
    ['useLog as a string', { useLog: 'yes' }, 'useLog must be a boolean'],
  ];

  for (const [label, overrides, message] of rejected) {
    it(`rejects ${label}`, async () => {
      const answer = await create(overrides);
      expect(answer.body.header.isSuccessful).toBe(false);
      expect(answer.body.header.resultCode).not.toBe(0);
      expect(answer.body.header.resultMessage).toContain(message);
      expect(answer.status).toBe(400);
    });
  }

  it('reports every invalid field at once', async () => {
    const answer = await create({ trainingName: undefined, instanceCount: 0 });
    expect(answer.body.header.resultMessage).toContain('trainingName is required');
    expect(answer.body.header.resultMessage).toContain('instanceCount must be between 1 and 10');
  });

  it('rejects a body that is not an object', async () => {
    const answer = await harness.api('POST', '/trainings', { body: [1, 2] });
    expect(answer.status).toBe(400);
    expect(answer.body.header.resultMessage).toBe('request body must be a JSON object');
  });

  it('rejects an experiment that is not ACTIVE yet with 409', async () => {
    const created = await harness.api('POST', '/experiments', {
      body: { experimentName: 'young' },
    });
    const answer = await harness.api('POST', '/trainings', {
      body: trainingBody(created.body.experiment.experimentId),
    });
    expect(answer.status).toBe(409);
    expect(answer.body.header.resultMessage).toContain('not ACTIVE');
  });
});
