import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { batchInferenceSchema } from '../../src/api/schemas/batch-inference.js';
import { endpointSchema } from '../../src/api/schemas/endpoint.js';
import { endpointModelSchema } from '../../src/api/schemas/endpoint-model.js';
import { endpointStageSchema, isDefaultStage } from '../../src/api/schemas/endpoint-stage.js';
import { hyperparameterTuningSchema } from '../../src/api/schemas/hyperparameter-tuning.js';
import { modelSchema } from '../../src/api/schemas/model.js';
import { pipelineSchema } from '../../src/api/schemas/pipeline.js';
import { pipelineRecurringRunSchema } from '../../src/api/schemas/pipeline-recurring-run.js';
import { pipelineRunSchema } from '../../src/api/schemas/pipeline-run.js';
import { issuePaths } from './schema-cases.js';

interface SchemaCase {
  name: string;
  schema: z.ZodType;
  /** The required fields: id, name (when the object has one) and status. */
  minimal: Record<string, unknown>;
  statusField: string;
  /** A count that must be an integer. */
  countField: string;
}

const cases: SchemaCase[] = [
  {
    name: 'hyperparameterTuningSchema',
    schema: hyperparameterTuningSchema,
    minimal: {
      hyperparameterTuningId: 'tuning000001',
      hyperparameterTuningName: 'mnist-tuning',
      hyperparameterTuningStatusCode: 'RUNNING',
    },
    statusField: 'hyperparameterTuningStatusCode',
    countField: 'successfulTrialCount',
  },
  {
    name: 'modelSchema',
    schema: modelSchema,
    minimal: { modelId: 'model0000001', modelName: 'mnist', modelStatusCode: 'ACTIVE' },
    statusField: 'modelStatusCode',
    countField: 'training.instanceCount',
  },
  {
    name: 'endpointSchema',
    schema: endpointSchema,
    minimal: { endpointId: 'endpoint0001', endpointName: 'mnist', endpointStatusCode: 'ACTIVE' },
    statusField: 'endpointStatusCode',
    countField: 'bootStorage.storageSize',
  },
  {
    name: 'endpointStageSchema',
    schema: endpointStageSchema,
    minimal: {
      endpointStageId: 'stage0000001',
      endpointStageName: 'default',
      endpointStageStatusCode: 'DEPLOY_IN_PROGRESS',
    },
    statusField: 'endpointStageStatusCode',
    countField: 'podCount',
  },
  {
    name: 'endpointModelSchema',
    schema: endpointModelSchema,
    minimal: { endpointModelId: 'epmodel00001', endpointModelStatusCode: 'ACTIVE' },
    statusField: 'endpointModelStatusCode',
    countField: 'runningPodCount',
  },
  {
    name: 'batchInferenceSchema',
    schema: batchInferenceSchema,
    minimal: {
      batchInferenceId: 'batch0000001',
      batchInferenceName: 'mnist-batch',
      batchInferenceStatusCode: 'RUNNING',
    },
    statusField: 'batchInferenceStatusCode',
    countField: 'success2xxCount',
  },
  {
    name: 'pipelineSchema',
    schema: pipelineSchema,
    minimal: { pipelineId: 'pipeline0001', pipelineName: 'mnist', pipelineStatusCode: 'ACTIVE' },
    statusField: 'pipelineStatusCode',
    countField: 'pipelineParameterSpecList',
  },
  {
    name: 'pipelineRunSchema',
    schema: pipelineRunSchema,
    minimal: {
      pipelineRunId: 'run000000001',
      pipelineRunName: 'nightly',
      pipelineRunStatusCode: 'RUNNING',
    },
    statusField: 'pipelineRunStatusCode',
    countField: 'elapsedTimeSeconds',
  },
  {
    name: 'pipelineRecurringRunSchema',
    schema: pipelineRecurringRunSchema,
    minimal: {
      pipelineRecurringRunId: 'schedule0001',
      pipelineRecurringRunName: 'nightly',
      pipelineRecurringRunStatusCode: 'ENABLED',
    },
    statusField: 'pipelineRecurringRunStatusCode',
    countField: 'maxConcurrencyCount',
  },
];

/** Sets a dotted path such as `training.instanceCount` on a copy of `object`. */
function withValue(object: Record<string, unknown>, path: string, value: unknown) {
  const [head = '', ...rest] = path.split('.');
  const copy: Record<string, unknown> = { ...object };
  copy[head] = rest.length === 0 ? value : withValue({}, rest.join('.'), value);
  return copy;
}

describe.each(cases)('$name', ({ schema, minimal, statusField, countField }) => {
  it('accepts an object with only the required fields', () => {
    expect(issuePaths(schema, minimal)).toEqual([]);
  });

  it('requires every required field', () => {
    for (const field of Object.keys(minimal)) {
      const { [field]: _removed, ...rest } = minimal;
      expect(issuePaths(schema, rest), field).toEqual([field]);
    }
  });

  it('rejects an empty status', () => {
    expect(issuePaths(schema, { ...minimal, [statusField]: '' })).toEqual([statusField]);
  });

  it('rejects a count sent as a string', () => {
    const value = countField === 'pipelineParameterSpecList' ? [{ parameterName: 1 }] : '3';
    const paths = issuePaths(schema, withValue(minimal, countField, value));
    expect(paths).toHaveLength(1);
    expect(paths[0]?.startsWith(countField)).toBe(true);
  });

  it('accepts nulls and drops unknown keys', () => {
    const parsed = schema.parse({ ...minimal, description: null, somethingNew: 1 }) as object;
    expect('somethingNew' in parsed).toBe(false);
  });
});

describe('hyperparameterTuningSchema', () => {
  it('reads the trial counts and a sparse optimal trial', () => {
    const tuning = hyperparameterTuningSchema.parse({
      hyperparameterTuningId: 'tuning000001',
      hyperparameterTuningName: 'mnist-tuning',
      hyperparameterTuningStatusCode: 'COMPLETE',
      hyperparameterTuningStatusReason: 'GoalReached',
      objectiveMetricName: 'val_loss',
      successfulTrialCount: 7,
      runningTrialCount: 0,
      failedTrialCount: 1,
      flavor: { id: '8a9d4b6e', gpuFlavor: false },
      optimalTrialId: 'trial0000001',
      optimalTrial: {
        trialId: 'trial0000001',
        hyperparameterList: [{ parameterName: 'learning_rate', parameterValue: '0.01' }],
        trialMetricList: [{ trialMetricName: 'val_loss', trialMetricLatestValue: '0.12' }],
      },
    });

    expect(tuning.successfulTrialCount).toBe(7);
    expect(tuning.objectiveMetricName).toBe('val_loss');
    expect(tuning.flavor?.id).toBe('8a9d4b6e');
    expect(tuning.optimalTrial?.trialMetricList?.[0]?.trialMetricLatestValue).toBe('0.12');
  });

  it('rejects a trial metric value sent as a number', () => {
    const paths = issuePaths(hyperparameterTuningSchema, {
      hyperparameterTuningId: 'a',
      hyperparameterTuningName: 'b',
      hyperparameterTuningStatusCode: 'RUNNING',
      optimalTrial: { trialMetricList: [{ trialMetricLatestValue: 0.12 }] },
    });
    expect(paths).toEqual(['optimalTrial.trialMetricList.0.trialMetricLatestValue']);
  });
});

describe('endpointSchema', () => {
  it('accepts sparse stages with sparse stage resources', () => {
    const endpoint = endpointSchema.parse({
      endpointId: 'endpoint0001',
      endpointName: 'mnist',
      endpointStatusCode: 'ACTIVE',
      apigwRegion: 'KR1',
      endpointStageList: [
        {
          endpointStageId: 'stage0000001',
          apigwStageUrl: 'kr1-abc.api.nhncloudservice.com',
          defaultStage: true,
          endpointModelList: [{ apigwResourceUri: '/mnist/v1/models/mnist/predict' }],
        },
      ],
    });

    const stage = endpoint.endpointStageList?.[0];
    expect(stage?.apigwStageUrl).toBe('kr1-abc.api.nhncloudservice.com');
    expect(stage?.endpointModelList?.[0]?.apigwResourceUri).toBe('/mnist/v1/models/mnist/predict');
  });
});

describe('isDefaultStage', () => {
  it('reads either spelling of the flag', () => {
    expect(isDefaultStage({ isDefaultStage: true })).toBe(true);
    expect(isDefaultStage({ defaultStage: true })).toBe(true);
    expect(isDefaultStage({ isDefaultStage: null, defaultStage: true })).toBe(true);
  });

  it('is false when neither flag is true', () => {
    expect(isDefaultStage({})).toBe(false);
    expect(isDefaultStage({ isDefaultStage: false, defaultStage: null })).toBe(false);
  });

  it('works on a parsed stage', () => {
    const stage = endpointStageSchema.parse({
      endpointStageId: 'stage0000001',
      endpointStageName: 'default',
      endpointStageStatusCode: 'ACTIVE',
      isDefaultStage: true,
    });
    expect(isDefaultStage(stage)).toBe(true);
  });
});

describe('pipelineSchema', () => {
  it('reads the parameter specs', () => {
    const pipeline = pipelineSchema.parse({
      pipelineId: 'pipeline0001',
      pipelineName: 'mnist',
      pipelineStatusCode: 'ACTIVE',
      pipelineParameterSpecList: [
        { parameterName: 'epochs', parameterType: 'NUMBER_INTEGER', defaultValue: '10' },
        { parameterName: 'layers', parameterType: 'LIST', isOptional: true, defaultValue: '[1,2]' },
      ],
    });

    expect(pipeline.pipelineParameterSpecList?.map((spec) => spec.parameterName)).toEqual([
      'epochs',
      'layers',
    ]);
  });
});

describe('pipelineRecurringRunSchema', () => {
  it('accepts the periodic interval as an integer or a string', () => {
    const minimal = cases.find((entry) => entry.name === 'pipelineRecurringRunSchema')?.minimal;
    expect(
      issuePaths(pipelineRecurringRunSchema, { ...minimal, schedulePeriodicMinutes: 60 }),
    ).toEqual([]);
    expect(
      issuePaths(pipelineRecurringRunSchema, { ...minimal, schedulePeriodicMinutes: '60' }),
    ).toEqual([]);
  });
});
