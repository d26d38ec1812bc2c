import { describe, expect, it } from 'vitest';
import { hyperparameterTuningCreateBodySchema as schema } from '../../src/api/schemas/hyperparameter-tuning-create-body.js';
import { copies, expectLimitEdge, issuePaths, type LimitEdge, text } from './schema-cases.js';

const learningRate = {
  hyperparameterName: 'learning_rate',
  hyperparameterTypeCode: 'double',
  hyperparameterMinValue: '0.0001',
  hyperparameterMaxValue: '0.1',
  hyperparameterStep: '0.01',
};
const optimizer = {
  hyperparameterName: 'optimizer',
  hyperparameterTypeCode: 'categorical',
  hyperparameterSpecifiedValues: 'adam,sgd',
};
const epochs = {
  hyperparameterName: 'epochs',
  hyperparameterTypeCode: 'int',
  hyperparameterMinValue: '1',
  hyperparameterMaxValue: '20',
  hyperparameterStep: '1',
};
const dataset = { datasetName: 'train', dataUri: 'obs://host/v1/AUTH_t/bucket/train' };

const validBody = {
  hyperparameterTuningName: 'mnist-tuning',
  experimentId: 'cskni154xcny',
  imageId: 'imageid00001',
  flavorId: '8a9d4b6e-1f1c-4b7e-9a57-0c7d1f8e2a11',
  instanceCount: 2,
  parallelTrialCount: 2,
  modelUploadUri: 'obs://host/v1/AUTH_t/bucket/model',
  sourceDirUri: 'obs://host/v1/AUTH_t/bucket/src',
  entryPoint: 'train.py',
  datasetList: [dataset],
  hyperparameterSpecList: [learningRate, optimizer, epochs],
  metricList: [{ name: 'val_loss' }],
  objectiveMetric: { name: 'val_loss' },
  objectiveTypeCode: 'MINIMIZE',
  tuningStrategyName: 'GRID',
  earlyStoppingAlgorithm: 'MEDIAN',
};

const edges: LimitEdge[] = [
  {
    name: 'name length',
    lastValid: { hyperparameterTuningName: text(50) },
    firstInvalid: { hyperparameterTuningName: text(51) },
  },
  {
    name: 'description length',
    lastValid: { description: text(255) },
    firstInvalid: { description: text(256) },
  },
  {
    name: 'instance count maximum',
    lastValid: { instanceCount: 10, parallelTrialCount: 1 },
    firstInvalid: { instanceCount: 11, parallelTrialCount: 1 },
  },
  {
    name: 'instance count minimum',
    lastValid: { instanceCount: 1, parallelTrialCount: 1 },
    firstInvalid: { instanceCount: 0, parallelTrialCount: 1 },
  },
  {
    name: 'parallel trial count maximum',
    lastValid: { instanceCount: 10, parallelTrialCount: 10 },
    firstInvalid: { parallelTrialCount: 11, instanceCount: 10 },
  },
  {
    name: 'instance count as a product of parallel trials',
    lastValid: { instanceCount: 4, parallelTrialCount: 2 },
    firstInvalid: { instanceCount: 3, parallelTrialCount: 2 },
  },
  {
    name: 'timeout maximum',
    lastValid: { timeoutMinutes: 720 * 60 },
    firstInvalid: { timeoutMinutes: 720 * 60 + 1 },
  },
  {
    name: 'timeout minimum',
    lastValid: { timeoutMinutes: 60 },
    firstInvalid: { timeoutMinutes: 59 },
  },
  {
    name: 'data storage minimum',
    lastValid: { dataStorageSize: 300 },
    firstInvalid: { dataStorageSize: 299 },
  },
  {
    name: 'data storage maximum',
    lastValid: { dataStorageSize: 10_000 },
    firstInvalid: { dataStorageSize: 10_001 },
  },
  {
    name: 'spec count',
    lastValid: { hyperparameterSpecList: copies(100, optimizer) },
    firstInvalid: { hyperparameterSpecList: copies(101, optimizer) },
  },
  {
    name: 'specified values length',
    lastValid: {
      hyperparameterSpecList: [{ ...optimizer, hyperparameterSpecifiedValues: text(3000) }],
    },
    firstInvalid: {
      hyperparameterSpecList: [{ ...optimizer, hyperparameterSpecifiedValues: text(3001) }],
    },
    path: 'hyperparameterSpecList.0.hyperparameterSpecifiedValues',
  },
  {
    name: 'spec name length',
    lastValid: { hyperparameterSpecList: [{ ...optimizer, hyperparameterName: text(255) }] },
    firstInvalid: { hyperparameterSpecList: [{ ...optimizer, hyperparameterName: text(256) }] },
    path: 'hyperparameterSpecList.0.hyperparameterName',
  },
  {
    name: 'metric count',
    lastValid: { metricList: [...copies(9, { name: 'loss' }), { name: 'val_loss' }] },
    firstInvalid: { metricList: [...copies(10, { name: 'loss' }), { name: 'val_loss' }] },
  },
  {
    name: 'objective metric name length',
    lastValid: { metricList: [{ name: text(36) }], objectiveMetric: { name: text(36) } },
    firstInvalid: { objectiveMetric: { name: text(37) }, metricList: [{ name: text(37) }] },
    path: 'objectiveMetric.name',
  },
  {
    name: 'metric regex length',
    lastValid: { metricRegex: text(255) },
    firstInvalid: { metricRegex: text(256) },
  },
  {
    name: 'dataset count',
    lastValid: { datasetList: copies(10, dataset) },
    firstInvalid: { datasetList: copies(11, dataset) },
  },
  {
    name: 'URI length',
    lastValid: { modelUploadUri: text(255) },
    firstInvalid: { modelUploadUri: text(256) },
  },
  {
    name: 'algorithm id length',
    lastValid: { algorithmId: text(64) },
    firstInvalid: { algorithmId: text(65) },
  },
];

describe('hyperparameterTuningCreateBodySchema', () => {
  it('accepts a body within the limits', () => {
    expect(issuePaths(schema, validBody)).toEqual([]);
  });

  it.each(edges)('accepts the last valid and rejects the first invalid $name', (edge) => {
    expectLimitEdge(schema, validBody, edge);
  });

  it('requires both bounds on int and double specs', () => {
    const { hyperparameterMinValue: _min, ...withoutMin } = epochs;
    const { hyperparameterMaxValue: _max, ...withoutMax } = learningRate;

    expect(issuePaths(schema, { ...validBody, hyperparameterSpecList: [withoutMin] })).toEqual([
      'hyperparameterSpecList.0.hyperparameterMinValue',
    ]);
    expect(issuePaths(schema, { ...validBody, hyperparameterSpecList: [withoutMax] })).toEqual([
      'hyperparameterSpecList.0.hyperparameterMaxValue',
    ]);
  });

  it('requires a step on range specs of a GRID search only', () => {
    const { hyperparameterStep: _step, ...withoutStep } = epochs;
    const specs = { hyperparameterSpecList: [withoutStep, optimizer] };

    expect(issuePaths(schema, { ...validBody, ...specs })).toEqual([
      'hyperparameterSpecList.0.hyperparameterStep',
    ]);
    expect(issuePaths(schema, { ...validBody, ...specs, tuningStrategyName: 'RANDOM' })).toEqual(
      [],
    );
  });

  it('requires specified values on discrete and categorical specs', () => {
    const discrete = { hyperparameterName: 'batch_size', hyperparameterTypeCode: 'discrete' };

    expect(issuePaths(schema, { ...validBody, hyperparameterSpecList: [discrete] })).toEqual([
      'hyperparameterSpecList.0.hyperparameterSpecifiedValues',
    ]);
    const withValues = { ...discrete, hyperparameterSpecifiedValues: '16,32,64' };
    expect(issuePaths(schema, { ...validBody, hyperparameterSpecList: [withValues] })).toEqual([]);
  });

  it('rejects bounds that are not numbers of the type', () => {
    const cases = [
      { ...epochs, hyperparameterMinValue: '1.5' },
      { ...learningRate, hyperparameterMaxValue: 'high' },
      { ...epochs, hyperparameterMinValue: '30' },
      { ...epochs, hyperparameterStep: '0' },
      { ...learningRate, hyperparameterTypeCode: 'DOUBLE' },
    ];
    for (const spec of cases) {
      const paths = issuePaths(schema, { ...validBody, hyperparameterSpecList: [spec] });
      expect(paths, JSON.stringify(spec)).toHaveLength(1);
    }
  });

  it('requires metrics for user code but not for an algorithm', () => {
    const { metricList: _metrics, sourceDirUri: _source, entryPoint: _entry, ...rest } = validBody;

    expect(issuePaths(schema, { ...rest, sourceDirUri: 's', entryPoint: 'e' })).toEqual([
      'metricList',
    ]);
    expect(issuePaths(schema, { ...rest, algorithmId: 'algorithm01' })).toEqual([]);
    expect(issuePaths(schema, rest)).toContain('algorithmId');
  });

  it('requires the objective metric to be one of the metrics', () => {
    const body = { ...validBody, objectiveMetric: { name: 'accuracy' } };

    expect(issuePaths(schema, body)).toEqual(['objectiveMetric.name']);
  });

  it('rejects training-only and unknown fields', () => {
    expect(issuePaths(schema, { ...validBody, trainingTypeCode: 'NORMAL' })).toEqual(['']);
    expect(issuePaths(schema, { ...validBody, hyperparameterList: [] })).toEqual(['']);
  });

  it('rejects unknown enum values', () => {
    expect(issuePaths(schema, { ...validBody, tuningStrategyName: 'HYPERBAND' })).toEqual([
      'tuningStrategyName',
    ]);
    expect(issuePaths(schema, { ...validBody, objectiveTypeCode: 'MAX' })).toEqual([
      'objectiveTypeCode',
    ]);
    expect(issuePaths(schema, { ...validBody, earlyStoppingAlgorithm: 'NONE' })).toEqual([
      'earlyStoppingAlgorithm',
    ]);
  });
});
