import { z } from 'zod';
import { checkCodeAndStorageFields, datasetSchema } from '../training-create-body.js';
import {
  integerBetween,
  listOf,
  objectOf,
  optionalBoolean,
  optionalString,
  requiredString,
} from '../validation.js';
import { checkHyperparameterSpec, hyperparameterSpecSchema } from './hyperparameter-spec-body.js';

/*
 * Body of `POST /hyperparameter-tunings`. It shares the code, image, storage and dataset fields
 * of a training (same limits) and adds the search settings. `instanceCount` is distributed
 * nodes x parallel trials, at most 10. Checks that need other resources are made by the route.
 */

const positiveInteger = z
  .int({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be an integer') })
  .min(1, { error: 'must be 1 or more' });

function enumOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined ? 'is required' : `must be one of ${values.join(', ')}`,
  });
}

/** The default metric regex of the guide: `name=value` pairs in the training output. */
export const defaultMetricRegex = '([\\w|-]+)\\s*=\\s*([+-]?\\d*(\\.\\d+)?([Ee][+-]?\\d+)?)';

export const tuningCreateBodySchema = objectOf({
  hyperparameterTuningName: requiredString(50),
  description: optionalString(255),
  experimentId: requiredString(36),
  imageId: requiredString(36),
  flavorId: requiredString(36),
  instanceCount: integerBetween(1, 10).nullish(),
  parallelTrialCount: integerBetween(1, 10).nullish(),
  nprocPerNode: positiveInteger.nullish(),
  useTorchrun: optionalBoolean(),
  dataStorageSize: integerBetween(300, 10000).nullish(),
  algorithmId: optionalString(64),
  sourceDirUri: optionalString(255),
  entryPoint: optionalString(255),
  modelUploadUri: requiredString(255),
  checkPointInputUri: optionalString(255),
  checkPointUploadUri: optionalString(255),
  timeoutMinutes: integerBetween(60, 43200).nullish(),
  datasetList: listOf(datasetSchema, 10),
  useLog: optionalBoolean(),
  // NOTE: the minimum number of specs is not published; a tuning needs something to search,
  // so the simulator requires one.
  hyperparameterSpecList: listOf(hyperparameterSpecSchema, 100).min(1, {
    error: 'must contain at least 1 item',
  }),
  // NOTE: only the objective metric name has a published limit (36); other metric names are
  // assumed to allow 255 characters.
  metricList: listOf(objectOf({ name: requiredString(255) }), 10).nullish(),
  metricRegex: optionalString(255),
  objectiveMetric: objectOf({ name: requiredString(36) }),
  objectiveTypeCode: enumOf(['MINIMIZE', 'MAXIMIZE']),
  objectiveGoal: z.number({ error: 'must be a number' }).nullish(),
  maxFailedTrialCount: positiveInteger.nullish(),
  maxTrialCount: positiveInteger.nullish(),
  tuningStrategyName: enumOf(['GRID', 'RANDOM', 'BAYESIAN_OPTIMIZATION']),
  tuningStrategyRandomState: z.int({ error: 'must be an integer' }).nullish(),
  earlyStoppingAlgorithm: enumOf(['MEDIAN']),
  earlyStoppingMinTrialCount: positiveInteger.nullish(),
  earlyStoppingStartStep: positiveInteger.nullish(),
  parentPipelineRunId: optionalString(36),
  parentPipelineRunTaskName: optionalString(255),
}).superRefine((body, context) => {
  checkCodeAndStorageFields(body, context);

  const parallel = body.parallelTrialCount ?? 1;
  const instances = body.instanceCount ?? parallel;
  if (instances % parallel !== 0) {
    context.addIssue({
      code: 'custom',
      path: ['instanceCount'],
      message: `must be a multiple of parallelTrialCount (${parallel}): nodes x parallel trials`,
    });
  }

  const metricNames = (body.metricList ?? []).map((metric) => metric.name);
  if (body.algorithmId == null && metricNames.length === 0) {
    context.addIssue({
      code: 'custom',
      path: ['metricList'],
      message: 'is required when algorithmId is not given',
    });
  }
  if (metricNames.length > 0 && !metricNames.includes(body.objectiveMetric.name)) {
    context.addIssue({
      code: 'custom',
      path: ['objectiveMetric', 'name'],
      message: `must be one of the metricList names: ${metricNames.join(', ')}`,
    });
  }
  // NOTE: EasyMaker evaluates the regex in Python; the simulator checks it with JavaScript
  // RegExp, which agrees on the common syntax.
  if (body.metricRegex) {
    try {
      new RegExp(body.metricRegex);
    } catch {
      context.addIssue({
        code: 'custom',
        path: ['metricRegex'],
        message: 'must be a valid regular expression',
      });
    }
  }

  body.hyperparameterSpecList.forEach((spec, index) => {
    checkHyperparameterSpec(
      spec,
      body.tuningStrategyName,
      ['hyperparameterSpecList', index],
      context,
    );
  });
});

export type TuningCreateBody = z.infer<typeof tuningCreateBodySchema>;
