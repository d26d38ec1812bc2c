import {
  type HyperparameterTuning,
  hyperparameterTuningSchema,
} from '../api/schemas/hyperparameter-tuning.js';
import {
  type HyperparameterTuningParameters,
  hyperparameterTuningCreate,
} from './hyperparameter-tuning-create.js';
import { jobStatuses } from './job-statuses.js';
import type { ResourceDescription, SummaryField } from './resource-description.js';

/** The objective's value in the best trial so far, with the hyperparameters that reached it. */
function bestObjective(tuning: HyperparameterTuning): SummaryField[] {
  const trial = tuning.optimalTrial;
  if (!trial) {
    return [];
  }
  const metric = trial.trialMetricList?.find(
    (candidate) => candidate.trialMetricName === tuning.objectiveMetricName,
  );
  const value = metric?.trialMetricLatestValue ?? metric?.trialMetricMaxValue;
  const fields: SummaryField[] = [];
  if (value) {
    fields.push({ label: `Best ${tuning.objectiveMetricName ?? 'objective'}`, value });
  }
  const hyperparameters = (trial.hyperparameterList ?? [])
    .map((parameter) => `${parameter.parameterName}=${parameter.parameterValue}`)
    .join(', ');
  if (hyperparameters) {
    fields.push({ label: 'Best trial', value: hyperparameters });
  }
  return fields;
}

/** The EasyMaker hyperparameter tuning: trials of a training search a hyperparameter space. */
export const hyperparameterTuningDescription: ResourceDescription<
  HyperparameterTuning,
  HyperparameterTuningParameters
> = {
  kind: 'hyperparameter-tuning',
  noun: 'tuning',
  title: 'Tuning',
  words: ['tuning', 'tunings', 'hyperparameter-tuning', 'hyperparameter-tunings'],
  api: {
    collectionPath: '/hyperparameter-tunings',
    listKey: 'hyperparameterTuningList',
    objectKey: 'hyperparameterTuning',
    objectSchema: hyperparameterTuningSchema,
  },
  idOf: (tuning) => tuning.hyperparameterTuningId,
  nameOf: (tuning) => tuning.hyperparameterTuningName,
  statusOf: (tuning) => tuning.hyperparameterTuningStatusCode,
  elapsedSecondsOf: (tuning) => tuning.elapsedTimeSeconds ?? undefined,
  statuses: jobStatuses('HYPERPARAMETER_TUNING'),
  create: hyperparameterTuningCreate,
  operations: { delete: true, stop: true, start: false },
  list: {
    columns: [
      { label: 'Status', value: (tuning) => tuning.hyperparameterTuningStatusCode },
      { label: 'Strategy', value: (tuning) => tuning.tuningStrategyName ?? '-' },
      {
        label: 'Trials',
        value: (tuning) =>
          `${tuning.successfulTrialCount ?? 0} done, ${tuning.failedTrialCount ?? 0} failed`,
      },
    ],
  },
  progressOf: (tuning) => [
    { label: 'Completed trials', value: String(tuning.successfulTrialCount ?? 0) },
    { label: 'Running', value: String(tuning.runningTrialCount ?? 0) },
    { label: 'Failed', value: String(tuning.failedTrialCount ?? 0) },
    ...bestObjective(tuning).slice(0, 1),
  ],
  summarizeResult(tuning) {
    const fields: SummaryField[] = [...bestObjective(tuning)];
    if (tuning.hyperparameterTuningStatusReason) {
      fields.push({ label: 'Ended because', value: tuning.hyperparameterTuningStatusReason });
    }
    if (tuning.modelUploadUri) {
      fields.push({ label: 'Model', value: tuning.modelUploadUri });
    }
    return fields;
  },
};
