import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tuningBody } from './resource-fixtures.js';
import { type SimulatorHarness, startSimulatorHarness } from './simulator-harness.js';

describe('simulator tuning create validation', () => {
  let harness: SimulatorHarness;
  let experimentId: string;

  beforeAll(async () => {
    harness = await startSimulatorHarness();
    experimentId = await harness.activeExperiment('tuning-validation');
  });
  afterAll(async () => {
    await harness.stop();
  });

  const create = (overrides: Record<string, unknown>) =>
    harness.api('POST', '/hyperparameter-tunings', { body: tuningBody(experimentId, overrides) });

  const spec = (fields: Record<string, unknown>) => ({ hyperparameterSpecList: [fields] });
  const intSpec = { hyperparameterName: 'epochs', hyperparameterTypeCode: 'int' };
  const specs = (count: number) =>
    Array.from({ length: count }, (_, index) => ({
      hyperparameterName: `p${index}`,
      hyperparameterTypeCode: 'categorical',
      hyperparameterSpecifiedValues: 'a,b',
    }));
  const metrics = (count: number) =>
    Array.from({ length: count }, (_, index) => ({ name: `m${index}` }));

  const accepted: Array<[string, Record<string, unknown>]> = [
    ['a 50-character name', { hyperparameterTuningName: 'n'.repeat(50) }],
    ['10 nodes x 1 trial', { instanceCount: 10, parallelTrialCount: 1 }],
    ['5 nodes x 2 trials', { instanceCount: 10, parallelTrialCount: 2 }],
    ['100 specs', { hyperparameterSpecList: specs(100) }],
    ['10 metrics', { metricList: metrics(10), objectiveMetric: { name: 'm9' } }],
    [
      'a 36-character objective metric',
      { metricList: [{ name: 'o'.repeat(36) }], objectiveMetric: { name: 'o'.repeat(36) } },
    ],
    ['MINIMIZE', { objectiveTypeCode: 'MINIMIZE', objectiveMetric: { name: 'loss' } }],
    ['BAYESIAN_OPTIMIZATION', { tuningStrategyName: 'BAYESIAN_OPTIMIZATION' }],
    [
      'GRID with a step on every number spec',
      {
        tuningStrategyName: 'GRID',
        ...spec({
          ...intSpec,
          hyperparameterMinValue: '1',
          hyperparameterMaxValue: '9',
          hyperparameterStep: '2',
        }),
      },
    ],
    [
      'specified values of 3000 characters',
      spec({
        hyperparameterName: 'choice',
        hyperparameterTypeCode: 'categorical',
        hyperparameterSpecifiedValues: `${'x'.repeat(2998)},y`,
      }),
    ],
    [
      'numeric discrete values',
      spec({
        hyperparameterName: 'batch',
        hyperparameterTypeCode: 'discrete',
        hyperparameterSpecifiedValues: '16,32,64',
      }),
    ],
    [
      'an algorithm without metrics',
      {
        algorithmId: 'algimgclassf',
        sourceDirUri: undefined,
        entryPoint: undefined,
        metricList: undefined,
      },
    ],
  ];

  for (const [label, overrides] of accepted) {
    it(`accepts ${label}`, async () => {
      const answer = await create(overrides);
      expect(answer.body.header.resultMessage).toBe('SUCCESS');
      expect(answer.status).toBe(200);
      expect(answer.body.hyperparameterTuning.hyperparameterTuningStatusCode).toBe(
        'CREATE_REQUESTED',
      );
    });
  }

  const rejected: Array<[string, Record<string, unknown>, string]> = [
    [
      'a missing name',
      { hyperparameterTuningName: undefined },
      'hyperparameterTuningName is required',
    ],
    ['a 51-character name', { hyperparameterTuningName: 'n'.repeat(51) }, 'at most 50 characters'],
    [
      'instanceCount 11',
      { instanceCount: 11, parallelTrialCount: 1 },
      'instanceCount must be between 1 and 10',
    ],
    ['instanceCount 0', { instanceCount: 0 }, 'instanceCount must be between 1 and 10'],
    [
      '3 instances for 2 parallel trials',
      { instanceCount: 3 },
      'must be a multiple of parallelTrialCount',
    ],
    ['101 specs', { hyperparameterSpecList: specs(101) }, 'at most 100 items'],
    ['no spec', { hyperparameterSpecList: [] }, 'at least 1 item'],
    [
      '11 metrics',
      { metricList: metrics(11), objectiveMetric: { name: 'm0' } },
      'at most 10 items',
    ],
    [
      'a 37-character objective metric',
      { metricList: [{ name: 'o'.repeat(37) }], objectiveMetric: { name: 'o'.repeat(37) } },
      'objectiveMetric.name must be at most 36',
    ],
    [
      'an objective outside the metrics',
      { objectiveMetric: { name: 'f1' } },
      'must be one of the metricList names',
    ],
    ['own code without metrics', { metricList: undefined }, 'metricList is required'],
    [
      'objectiveTypeCode LOWEST',
      { objectiveTypeCode: 'LOWEST' },
      'must be one of MINIMIZE, MAXIMIZE',
    ],
    [
      'tuningStrategyName HYPERBAND',
      { tuningStrategyName: 'HYPERBAND' },
      'tuningStrategyName must be one of',
    ],
    [
      'earlyStoppingAlgorithm NONE',
      { earlyStoppingAlgorithm: 'NONE' },
      'earlyStoppingAlgorithm must be one of MEDIAN',
    ],
    [
      'a missing earlyStoppingAlgorithm',
      { earlyStoppingAlgorithm: undefined },
      'earlyStoppingAlgorithm is required',
    ],
    ['maxTrialCount 0', { maxTrialCount: 0 }, 'maxTrialCount must be 1 or more'],
    ['maxFailedTrialCount 0', { maxFailedTrialCount: 0 }, 'maxFailedTrialCount must be 1 or more'],
    ['an upper-case type code', spec({ ...intSpec, hyperparameterTypeCode: 'INT' }), '(lowercase)'],
    [
      'an int spec without bounds',
      spec(intSpec),
      'hyperparameterMinValue is required for type int',
    ],
    [
      'a fractional int bound',
      spec({ ...intSpec, hyperparameterMinValue: '1.5', hyperparameterMaxValue: '3' }),
      'must be an integer written as a string',
    ],
    [
      'bounds in the wrong order',
      spec({ ...intSpec, hyperparameterMinValue: '9', hyperparameterMaxValue: '1' }),
      'must not be less than hyperparameterMinValue',
    ],
    [
      'numbers sent as JSON numbers',
      spec({ ...intSpec, hyperparameterMinValue: 1, hyperparameterMaxValue: 9 }),
      'hyperparameterMinValue must be a string',
    ],
    [
      'GRID without a step',
      {
        tuningStrategyName: 'GRID',
        ...spec({ ...intSpec, hyperparameterMinValue: '1', hyperparameterMaxValue: '9' }),
      },
      'hyperparameterStep is required for type int with the GRID strategy',
    ],
    [
      'a categorical spec without values',
      spec({ hyperparameterName: 'optimizer', hyperparameterTypeCode: 'categorical' }),
      'hyperparameterSpecifiedValues is required for type categorical',
    ],
    [
      'specified values of 3001 characters',
      spec({
        hyperparameterName: 'choice',
        hyperparameterTypeCode: 'categorical',
        hyperparameterSpecifiedValues: `${'x'.repeat(2999)},y`,
      }),
      'at most 3000 characters',
    ],
    [
      'non-numeric discrete values',
      spec({
        hyperparameterName: 'batch',
        hyperparameterTypeCode: 'discrete',
        hyperparameterSpecifiedValues: '16,big',
      }),
      'must list numbers for type discrete',
    ],
    [
      'dataStorageSize 299',
      { dataStorageSize: 299 },
      'dataStorageSize must be between 300 and 10000',
    ],
    [
      'timeoutMinutes 43201',
      { timeoutMinutes: 43201 },
      'timeoutMinutes must be between 60 and 43200',
    ],
    ['an invalid metric regex', { metricRegex: '([a-z' }, 'metricRegex must be a valid regular'],
  ];

  for (const [label, overrides, message] of rejected) {
    it(`rejects ${label}`, async () => {
      const answer = await create(overrides);
      expect(answer.status).toBe(400);
      expect(answer.body.header.isSuccessful).toBe(false);
      expect(answer.body.header.resultMessage).toContain(message);
    });
  }

  it('rejects an unknown experiment with 400', async () => {
    const answer = await harness.api('POST', '/hyperparameter-tunings', {
      body: tuningBody('nosuchexperi'),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.header.resultMessage).toContain('experimentId nosuchexperi not found');
  });

  it('rejects nprocPerNode above the vCPU count', async () => {
    const answer = await create({ nprocPerNode: 5 });
    expect(answer.status).toBe(400);
    expect(answer.body.header.resultMessage).toContain('nprocPerNode must be between 1 and 4');
  });
});
