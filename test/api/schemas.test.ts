import { describe, expect, it } from 'vitest';
import { experimentCreateBodySchema } from '../../src/api/schemas/experiment-create-body.js';
import { trainingSchema } from '../../src/api/schemas/training.js';
import { trainingCreateBodySchema } from '../../src/api/schemas/training-create-body.js';

const validBody = {
  trainingName: 'mnist',
  experimentId: 'cskni154xcny',
  imageId: 'imageid00001',
  flavorId: '8a9d4b6e-1f1c-4b7e-9a57-0c7d1f8e2a11',
  instanceCount: 1,
  timeoutMinutes: 720 * 60,
  modelUploadUri: 'obs://bucket/model',
  sourceDirUri: 'obs://bucket/src',
  entryPoint: 'train.py',
  datasetList: [{ datasetName: 'train', dataUri: 'obs://bucket/train' }],
  hyperparameterList: [{ parameterName: 'epochs', parameterValue: '10' }],
  tagList: [{ tagKey: 'team', tagValue: 'vision' }],
  useLog: true,
  trainingTypeCode: 'NORMAL',
};

describe('trainingCreateBodySchema', () => {
  it('accepts a body within the limits', () => {
    expect(trainingCreateBodySchema.safeParse(validBody).success).toBe(true);
  });

  it('rejects values beyond the published limits', () => {
    const cases: Record<string, unknown>[] = [
      { trainingName: 'x'.repeat(51) },
      { instanceCount: 11 },
      { timeoutMinutes: 721 * 60 },
      { dataStorageSize: 299 },
      { hyperparameterList: [{ parameterName: 'epochs', parameterValue: 10 }] },
      { datasetList: Array.from({ length: 11 }, () => validBody.datasetList[0]) },
      { trainingTypeCode: 'DISTRIBUTED' },
      { unknownField: true },
    ];
    for (const change of cases) {
      const result = trainingCreateBodySchema.safeParse({ ...validBody, ...change });
      expect(result.success, JSON.stringify(change)).toBe(false);
    }
  });

  it('requires an algorithm or user code', () => {
    const { sourceDirUri: _source, entryPoint: _entry, ...withoutCode } = validBody;

    expect(trainingCreateBodySchema.safeParse(withoutCode).success).toBe(false);
    expect(
      trainingCreateBodySchema.safeParse({ ...withoutCode, algorithmId: 'algorithm01' }).success,
    ).toBe(true);
  });
});

describe('experimentCreateBodySchema', () => {
  it('limits the name to 50 characters', () => {
    expect(experimentCreateBodySchema.safeParse({ experimentName: 'x'.repeat(50) }).success).toBe(
      true,
    );
    expect(experimentCreateBodySchema.safeParse({ experimentName: 'x'.repeat(51) }).success).toBe(
      false,
    );
  });
});

describe('trainingSchema', () => {
  it('accepts sparse nested objects and nulls', () => {
    const training = trainingSchema.parse({
      trainingId: 'cskni154xcny',
      trainingName: 'mnist',
      trainingStatusCode: 'RUNNING',
      flavor: { id: '8a9d4b6e', gpuFlavor: false },
      image: null,
      experiment: { experimentId: 'exp000000001' },
      bootStorage: { storageSize: 50 },
      dataStorageList: [{ storageSize: 300 }],
      hyperparameterList: [{ parameterName: 'epochs', parameterValue: '10' }],
      createdDatetime: '2025-05-28T13:44:46+09:00',
      somethingNew: 'ignored',
    });

    expect(training.flavor?.id).toBe('8a9d4b6e');
    expect(training.image).toBeNull();
    expect('somethingNew' in training).toBe(false);
  });

  it('requires the id, the name and the status', () => {
    expect(trainingSchema.safeParse({ trainingId: 'a', trainingName: 'b' }).success).toBe(false);
  });

  it('rejects counts sent as strings', () => {
    const result = trainingSchema.safeParse({
      trainingId: 'a',
      trainingName: 'b',
      trainingStatusCode: 'RUNNING',
      instanceCount: '1',
    });
    expect(result.success).toBe(false);
  });
});
