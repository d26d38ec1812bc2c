import { z } from 'zod';
import {
  dataStorageSizeSchema,
  datasetSchema,
  descriptionSchema,
  hasTrainingCode,
  idSchema,
  resourceNameSchema,
  timeoutMinutesSchema,
  uriSchema,
} from './create-body-fields.js';
import { hyperparameterSpecBodySchema, rangeTypeCodes } from './hyperparameter-spec-body.js';

const metricSchema = z.strictObject({ name: z.string().min(1) });

/**
 * Wire body of `POST /hyperparameter-tunings`, with the limits of the console guide. It takes
 * the training fields except `trainingTypeCode` and `hyperparameterList`, and adds the search:
 * specs, metrics, objective, strategy and early stopping.
 *
 * `instanceCount` is the product of the distributed node count and `parallelTrialCount`, and
 * the guide limits that product to 10. The body contains only the product, so the caller,
 * which has the node count, must compute it and keep node count x parallel trials <= 10. This
 * schema checks that the product is 1 to 10 and a multiple of `parallelTrialCount`.
 *
 * Rules across fields: the body names an algorithm or user code, as a training does. User code
 * needs `metricList`, and the objective metric must be one of its names. A `GRID` search needs
 * a step on every `int` and `double` spec.
 */
export const hyperparameterTuningCreateBodySchema = z
  .strictObject({
    hyperparameterTuningName: resourceNameSchema,
    description: descriptionSchema.optional(),
    experimentId: idSchema,
    imageId: idSchema,
    flavorId: idSchema,
    /** Node count x parallel trial count, 1 to 10. */
    instanceCount: z.number().int().min(1).max(10),
    /** Trials that run at once; default 1. */
    parallelTrialCount: z.number().int().min(1).max(10).optional(),
    nprocPerNode: z.number().int().min(1).optional(),
    useTorchrun: z.boolean().optional(),
    dataStorageSize: dataStorageSizeSchema.optional(),
    algorithmId: z.string().min(1).max(64).optional(),
    sourceDirUri: uriSchema.optional(),
    entryPoint: uriSchema.optional(),
    modelUploadUri: uriSchema,
    checkPointInputUri: uriSchema.optional(),
    checkPointUploadUri: uriSchema.optional(),
    timeoutMinutes: timeoutMinutesSchema.optional(),
    datasetList: z.array(datasetSchema).max(10),
    useLog: z.boolean().optional(),
    hyperparameterSpecList: z.array(hyperparameterSpecBodySchema).max(100).optional(),
    metricList: z.array(metricSchema).max(10).optional(),
    /** Regex that finds metrics in the training output: group 1 is the name, group 2 the value. */
    metricRegex: z.string().min(1).max(255).optional(),
    objectiveMetric: z.strictObject({ name: z.string().min(1).max(36) }),
    objectiveTypeCode: z.enum(['MINIMIZE', 'MAXIMIZE']),
    /** The tuning ends when the objective metric reaches this value. */
    objectiveGoal: z.number().optional(),
    /** The tuning fails when this many trials have failed. */
    maxFailedTrialCount: z.number().int().min(1).optional(),
    maxTrialCount: z.number().int().min(1).optional(),
    tuningStrategyName: z.enum(['GRID', 'RANDOM', 'BAYESIAN_OPTIMIZATION']),
    /** Seed of the strategy. */
    tuningStrategyRandomState: z.number().int().optional(),
    /** Required by the console guide. */
    earlyStoppingAlgorithm: z.literal('MEDIAN'),
    earlyStoppingMinTrialCount: z.number().int().min(1).optional(),
    earlyStoppingStartStep: z.number().int().min(1).optional(),
  })
  .superRefine((body, context) => {
    if (!hasTrainingCode(body)) {
      context.addIssue({
        code: 'custom',
        path: ['algorithmId'],
        message: 'set algorithmId, or sourceDirUri with entryPoint',
      });
    }
    if (body.instanceCount % (body.parallelTrialCount ?? 1) !== 0) {
      context.addIssue({
        code: 'custom',
        path: ['instanceCount'],
        message: 'must be the node count times parallelTrialCount',
      });
    }

    const metricNames = body.metricList?.map((metric) => metric.name);
    if (body.algorithmId === undefined && !metricNames?.length) {
      context.addIssue({
        code: 'custom',
        path: ['metricList'],
        message: 'required when the tuning runs user code',
      });
    }
    if (metricNames?.length && !metricNames.includes(body.objectiveMetric.name)) {
      context.addIssue({
        code: 'custom',
        path: ['objectiveMetric', 'name'],
        message: 'must be one of the names in metricList',
      });
    }

    if (body.tuningStrategyName === 'GRID') {
      body.hyperparameterSpecList?.forEach((spec, index) => {
        if (rangeTypeCodes.includes(spec.hyperparameterTypeCode) && !spec.hyperparameterStep) {
          context.addIssue({
            code: 'custom',
            path: ['hyperparameterSpecList', index, 'hyperparameterStep'],
            message: `required for ${spec.hyperparameterTypeCode} specs when tuningStrategyName is GRID`,
          });
        }
      });
    }
  });

export type HyperparameterTuningCreateBody = z.infer<typeof hyperparameterTuningCreateBodySchema>;
