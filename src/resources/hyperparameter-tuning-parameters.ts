import { jobParameterFields as job } from './job-parameter-fields.js';
import type { ParameterDescription } from './resource-description.js';

export const DEFAULT_METRIC_REGEX = '([\\w|-]+)\\s*=\\s*([+-]?\\d*(\\.\\d+)?([Ee][+-]?\\d+)?)';

function choiceField(
  name: string,
  label: string,
  hint: string,
  values: readonly string[],
  optional = false,
): ParameterDescription {
  return {
    name,
    aliases: [],
    label,
    hint,
    optional,
    control: { type: 'choice', choices: values.map((value) => ({ value, label: value })) },
  };
}

function numberField(name: string, label: string, hint: string, min: number, max: number) {
  const field: ParameterDescription = {
    name,
    aliases: [],
    label,
    hint,
    optional: true,
    control: { type: 'number', min, max },
  };
  return field;
}

/** The parameters of `HyperparameterTuning().run` in form order, with the published ranges. */
export const hyperparameterTuningParameters: readonly ParameterDescription[] = [
  {
    name: 'hyperparameter_tuning_name',
    aliases: ['name', 'tuning_name'],
    label: 'Tuning name',
    hint: 'Up to 50 characters.',
    optional: false,
    control: { type: 'text', maxLength: 50 },
  },
  {
    name: 'description',
    aliases: [],
    label: 'Description',
    hint: 'Up to 255 characters.',
    optional: true,
    control: { type: 'text', maxLength: 255 },
  },
  job.experiment_id,
  job.experiment_name,
  job.image_name,
  job.instance_type_name,
  {
    ...job.distributed_node_count,
    hint: '1 to 10 nodes per trial. Nodes x parallel trials must be 10 or less.',
  },
  numberField(
    'parallel_trial_count',
    'Parallel trials',
    'Trials run at once, default 1. Nodes x parallel trials must be 10 or less.',
    1,
    10,
  ),
  job.use_torchrun,
  job.nproc_per_node,
  job.algorithm_name,
  job.source_dir_uri,
  job.entry_point,
  job.dataset_list,
  job.data_storage_size,
  job.model_upload_uri,
  job.check_point_input_uri,
  job.check_point_upload_uri,
  {
    name: 'hyperparameter_spec_list',
    aliases: ['specs'],
    label: 'Search space',
    hint: 'One spec per line, at most 100: "name int|double min max [step]" (step required with GRID) or "name discrete|categorical a,b,c".',
    optional: true,
    control: {
      type: 'text',
      multiline: true,
      maxLength: 3000,
      placeholder: 'learning_rate double 0.0001 0.1',
    },
  },
  {
    name: 'metric_list',
    aliases: ['metrics'],
    label: 'Metrics',
    hint: 'Comma-separated metric names, at most 10. Required with your own code.',
    optional: true,
    control: { type: 'text', maxLength: 400, placeholder: 'loss,accuracy' },
  },
  {
    name: 'metric_regex',
    aliases: [],
    label: 'Metric regex',
    hint: 'Up to 255 characters; two groups, name and value. Default: name=value lines.',
    optional: true,
    control: { type: 'text', maxLength: 255, placeholder: DEFAULT_METRIC_REGEX },
  },
  {
    name: 'objective_metric_name',
    aliases: ['objective_metric'],
    label: 'Objective metric',
    hint: 'Up to 36 characters; one of the metrics.',
    optional: false,
    control: { type: 'text', maxLength: 36 },
  },
  choiceField('objective_type_code', 'Objective', 'Minimize or maximize the objective metric.', [
    'MINIMIZE',
    'MAXIMIZE',
  ]),
  {
    name: 'objective_goal',
    aliases: ['goal'],
    label: 'Objective goal',
    hint: 'Optional. The tuning ends when the objective metric reaches this value.',
    optional: true,
    control: { type: 'text', maxLength: 40 },
  },
  numberField('max_trial_count', 'Max trials', 'Optional. Trials to run at most.', 1, 1_000_000),
  numberField(
    'max_failed_trial_count',
    'Max failed trials',
    'Optional. The tuning fails when this many trials have failed.',
    1,
    1_000_000,
  ),
  choiceField('tuning_strategy_name', 'Strategy', 'How trials choose hyperparameters.', [
    'GRID',
    'RANDOM',
    'BAYESIAN_OPTIMIZATION',
  ]),
  numberField(
    'tuning_strategy_random_state',
    'Random state',
    'Optional seed of the strategy.',
    0,
    2_147_483_647,
  ),
  choiceField(
    'early_stopping_algorithm',
    'Early stopping',
    'MEDIAN stops trials below the median of earlier ones.',
    ['MEDIAN'],
    true,
  ),
  numberField(
    'early_stopping_min_trial_count',
    'Early stopping min trials',
    'Trials needed before early stopping applies; default 3.',
    1,
    1_000_000,
  ),
  numberField(
    'early_stopping_start_step',
    'Early stopping start step',
    'Step from which early stopping applies; default 4.',
    1,
    1_000_000,
  ),
  job.timeout_hours,
  job.use_log,
];
