import { z } from 'zod';
import { hyperparameterSpecSchema } from './hyperparameter-spec.js';
import { parameterSchema } from './parameter.js';
import { trainingSchema } from './training.js';

/** Values of one metric over a trial, as numbers written as strings. */
const trialMetricSchema = z.object({
  trialMetricName: z.string().nullish(),
  trialMetricMinValue: z.string().nullish(),
  trialMetricMaxValue: z.string().nullish(),
  trialMetricLatestValue: z.string().nullish(),
});

/**
 * Trial of a tuning (`optimalTrial`). Status codes: going `CREATED`, `RUNNING`; success
 * `SUCCEEDED`; failure `KILLED`, `FAILED`, `METRICS_UNAVAILABLE`; `EARLY_STOPPED` when the
 * median rule stopped it. No endpoint lists trials, so a trial only arrives inside a tuning.
 */
export const hyperparameterTrialSchema = z.object({
  trialId: z.string(),
  trialName: z.string(),
  trialStatusCode: z.string().min(1),
  hyperparameterTuningId: z.string().nullish(),
  hyperparameterList: z.array(parameterSchema).nullish(),
  trialMetricList: z.array(trialMetricSchema).nullish(),
});

export type HyperparameterTrial = z.infer<typeof hyperparameterTrialSchema>;

/** Fields that a tuning shares with a training, such as `flavor`, `datasetList` or `timeoutMinutes`. */
const trainingFields = trainingSchema.omit({
  trainingId: true,
  trainingName: true,
  trainingStatusCode: true,
}).shape;

/**
 * Hyperparameter tuning (`hyperparameterTuning`, items of `hyperparameterTuningList`). Only the
 * id, the name and the status are required, and nested objects are lenient, as in trainings.
 *
 * Status codes: going `CREATE_REQUESTED`, `CREATE_IN_PROGRESS`, `RUNNING`,
 * `COMPLETE_IN_PROGRESS`, `FAIL_HYPERPARAMETER_TUNING_IN_PROGRESS`, `STOP_IN_PROGRESS`; success
 * `COMPLETE`; failure `FAIL_HYPERPARAMETER_TUNING`, `CREATE_FAILED`; stopped `STOPPED`.
 */
export const hyperparameterTuningSchema = z.object({
  hyperparameterTuningId: z.string(),
  hyperparameterTuningName: z.string(),
  hyperparameterTuningStatusCode: z.string().min(1),
  // NOTE: assumed to carry the console's detail after COMPLETE (`GoalReached`,
  // `MaxTrialsReached`, `SuggestionEndReached`), but the wire value is not published.
  hyperparameterTuningStatusReason: z.string().nullish(),
  ...trainingFields,
  hyperparameterSpecList: z.array(hyperparameterSpecSchema).nullish(),
  metricList: z.array(z.object({ name: z.string().nullish() })).nullish(),
  metricRegex: z.string().nullish(),
  /** Flat string in responses, although the create body sends `objectiveMetric: { name }`. */
  objectiveMetricName: z.string().nullish(),
  /** `MINIMIZE` or `MAXIMIZE`. */
  objectiveTypeCode: z.string().nullish(),
  objectiveGoal: z.number().nullish(),
  maxFailedTrialCount: z.number().int().nullish(),
  maxTrialCount: z.number().int().nullish(),
  parallelTrialCount: z.number().int().nullish(),
  /** `GRID`, `RANDOM` or `BAYESIAN_OPTIMIZATION`. */
  tuningStrategyName: z.string().nullish(),
  tuningStrategyRandomState: z.number().int().nullish(),
  /** `MEDIAN`. */
  earlyStoppingAlgorithm: z.string().nullish(),
  earlyStoppingMinTrialCount: z.number().int().nullish(),
  earlyStoppingStartStep: z.number().int().nullish(),
  successfulTrialCount: z.number().int().nullish(),
  runningTrialCount: z.number().int().nullish(),
  failedTrialCount: z.number().int().nullish(),
  optimalTrialId: z.string().nullish(),
  optimalTrial: hyperparameterTrialSchema.partial().nullish(),
});

export type HyperparameterTuning = z.infer<typeof hyperparameterTuningSchema>;
