import { z } from 'zod';
import type { HyperparameterTuning } from '../api/schemas/hyperparameter-tuning.js';
import { hyperparameterTuningCreateBodySchema } from '../api/schemas/hyperparameter-tuning-create-body.js';
import {
  choice,
  integer,
  optionalDecimal,
  optionalInteger,
  optionalText,
  requiredText,
} from './field-schemas.js';
import { hyperparameterSpecListSchema } from './hyperparameter-spec-list.js';
import {
  DEFAULT_METRIC_REGEX,
  hyperparameterTuningParameters,
} from './hyperparameter-tuning-parameters.js';
import {
  buildJobBody,
  checkJobParameters,
  jobFormLookups,
  jobParametersShape,
  jobReferences,
  summarizeJob,
} from './job-parameters.js';
import type { CreateDescription, FieldIssue, ValidationContext } from './resource-description.js';

// NOTE: the guide publishes no upper bound for trial counts and the seed; 1,000,000 and 2^31-1
// only keep typing mistakes out.
const metricListSchema = z
  .preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.string().optional(),
  )
  .transform((text, context) => {
    const names = (text ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    if (names.length > 10) {
      context.addIssue({
        code: 'custom',
        message: `must have at most 10 metrics (got ${names.length})`,
      });
      return z.NEVER;
    }
    const long = names.find((name) => name.length > 255);
    if (long !== undefined) {
      context.addIssue({
        code: 'custom',
        message: `metric "${long.slice(0, 37)}..." must be at most 255 characters`,
      });
      return z.NEVER;
    }
    return names;
  });

/** Typed parameters of `HyperparameterTuning().run`. */
export const hyperparameterTuningParametersSchema = z.object({
  ...jobParametersShape,
  hyperparameter_tuning_name: requiredText(50),
  description: optionalText(255),
  parallel_trial_count: integer(1, 10).default(1),
  hyperparameter_spec_list: hyperparameterSpecListSchema,
  metric_list: metricListSchema,
  metric_regex: optionalText(255),
  objective_metric_name: requiredText(36),
  objective_type_code: choice(['MINIMIZE', 'MAXIMIZE']),
  objective_goal: optionalDecimal(),
  max_trial_count: optionalInteger(1, 1_000_000),
  max_failed_trial_count: optionalInteger(1, 1_000_000),
  tuning_strategy_name: choice(['GRID', 'RANDOM', 'BAYESIAN_OPTIMIZATION']),
  tuning_strategy_random_state: optionalInteger(0, 2_147_483_647),
  early_stopping_algorithm: choice(['MEDIAN']).default('MEDIAN'),
  early_stopping_min_trial_count: integer(1, 1_000_000).default(3),
  early_stopping_start_step: integer(1, 1_000_000).default(4),
});

export type HyperparameterTuningParameters = z.infer<typeof hyperparameterTuningParametersSchema>;

function checkTuningParameters(
  parameters: HyperparameterTuningParameters,
  context: ValidationContext,
): FieldIssue[] {
  const issues = checkJobParameters(parameters, context);
  const instances = parameters.distributed_node_count * parameters.parallel_trial_count;
  if (instances > 10) {
    issues.push({
      parameter: 'parallel_trial_count',
      message: `times distributed_node_count must be 10 or less (got ${parameters.parallel_trial_count} x ${parameters.distributed_node_count} = ${instances})`,
    });
  }
  if (parameters.algorithm_name === undefined && parameters.metric_list.length === 0) {
    issues.push({
      parameter: 'metric_list',
      message: 'is required when the tuning runs your own code',
    });
  }
  if (
    parameters.metric_list.length > 0 &&
    !parameters.metric_list.includes(parameters.objective_metric_name)
  ) {
    issues.push({
      parameter: 'objective_metric_name',
      message: 'must be one of the metrics in metric_list',
    });
  }
  if (parameters.tuning_strategy_name === 'GRID') {
    const stepless = parameters.hyperparameter_spec_list.find(
      (spec) => (spec.type === 'int' || spec.type === 'double') && spec.step === undefined,
    );
    if (stepless !== undefined) {
      issues.push({
        parameter: 'hyperparameter_spec_list',
        message: `spec "${stepless.name}" needs a step with the GRID strategy`,
      });
    }
  }
  return issues;
}

/** `HyperparameterTuning().run` from Slack: the form, the checks and the wire body. */
export const hyperparameterTuningCreate: CreateDescription<
  HyperparameterTuning,
  HyperparameterTuningParameters
> = {
  verb: 'run',
  shortcut: 'tune',
  parameters: hyperparameterTuningParameters,
  parametersSchema: hyperparameterTuningParametersSchema,
  bodySchema: hyperparameterTuningCreateBodySchema,
  checkParameters: checkTuningParameters,
  references: jobReferences,
  formLookups: jobFormLookups,
  nameOfParameters: (parameters) => parameters.hyperparameter_tuning_name,
  buildCreateBody(parameters, resolved, context) {
    return {
      hyperparameterTuningName: parameters.hyperparameter_tuning_name,
      description: parameters.description,
      ...buildJobBody(parameters, resolved, context),
      instanceCount: parameters.distributed_node_count * parameters.parallel_trial_count,
      parallelTrialCount: parameters.parallel_trial_count,
      hyperparameterSpecList: parameters.hyperparameter_spec_list.map((spec) => ({
        hyperparameterName: spec.name,
        hyperparameterTypeCode: spec.type,
        hyperparameterMinValue: spec.min,
        hyperparameterMaxValue: spec.max,
        hyperparameterStep: spec.step,
        hyperparameterSpecifiedValues: spec.values,
      })),
      metricList: parameters.metric_list.map((name) => ({ name })),
      metricRegex: parameters.metric_regex ?? DEFAULT_METRIC_REGEX,
      objectiveMetric: { name: parameters.objective_metric_name },
      objectiveTypeCode: parameters.objective_type_code,
      objectiveGoal: parameters.objective_goal,
      maxTrialCount: parameters.max_trial_count,
      maxFailedTrialCount: parameters.max_failed_trial_count,
      tuningStrategyName: parameters.tuning_strategy_name,
      tuningStrategyRandomState: parameters.tuning_strategy_random_state,
      earlyStoppingAlgorithm: parameters.early_stopping_algorithm,
      earlyStoppingMinTrialCount: parameters.early_stopping_min_trial_count,
      earlyStoppingStartStep: parameters.early_stopping_start_step,
    };
  },
  summarizeParameters: (parameters, resolved) => [
    ...summarizeJob(parameters, resolved, parameters.distributed_node_count),
    { label: 'Strategy', value: parameters.tuning_strategy_name },
    {
      label: 'Objective',
      value: `${parameters.objective_type_code} ${parameters.objective_metric_name}`,
    },
    { label: 'Parallel trials', value: String(parameters.parallel_trial_count) },
  ],
};
