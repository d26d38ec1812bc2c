import { defaultMetricRegex } from '../bodies/tuning-create-body.js';
import type { TuningRecord } from '../resource-records.js';
import { tensorboardPath } from '../resource-views.js';
import { runningSeconds } from '../running-progress.js';
import type { SimulatorState } from '../simulator-state.js';
import { defaultMaxTrialCount, summarizeTrials } from '../tuning-trials.js';
import { commonFields, flavorListItem } from './common-fields.js';
import { renderModel } from './model-view.js';

/**
 * Reason shown beside COMPLETE: the objective goal was met by the best trial, or every trial ran.
 * NOTE: the console shows these reasons; their wire field is inferred to be
 * `hyperparameterTuningStatusReason`. The simulator does not end a tuning early on its goal.
 */
function statusReason(tuning: TuningRecord, optimalValue: number | null): string | null {
  if (tuning.progression.status !== 'COMPLETE') {
    return null;
  }
  const goal = tuning.body.objectiveGoal;
  if (goal != null && optimalValue !== null) {
    const reached =
      tuning.body.objectiveTypeCode === 'MINIMIZE' ? optimalValue <= goal : optimalValue >= goal;
    if (reached) {
      return 'GoalReached';
    }
  }
  return 'MaxTrialsReached';
}

/** Renders the tuning object of `GET /hyperparameter-tunings/{id}` and the create response. */
export function renderTuning(state: SimulatorState, tuning: TuningRecord): Record<string, unknown> {
  const { body } = tuning;
  const experimentId = tuning.experiment.experimentId;
  const trials = summarizeTrials(state, tuning);
  return {
    hyperparameterTuningId: tuning.hyperparameterTuningId,
    hyperparameterTuningName: body.hyperparameterTuningName,
    hyperparameterTuningStatusCode: tuning.progression.status,
    hyperparameterTuningStatusReason: statusReason(tuning, trials.optimalObjectiveValue),
    ...commonFields(state, body.description, tuning.createdAtMs),
    experiment: { ...tuning.experiment },
    instanceCount: body.instanceCount ?? body.parallelTrialCount ?? 1,
    parallelTrialCount: body.parallelTrialCount ?? 1,
    nprocPerNode: body.nprocPerNode ?? 1,
    useTorchrun: body.useTorchrun ?? false,
    algorithm: tuning.algorithm
      ? {
          algorithmId: tuning.algorithm.algorithmId,
          algorithmName: tuning.algorithm.algorithmName,
        }
      : null,
    sourceDirUri: body.sourceDirUri ?? null,
    entryPoint: body.entryPoint ?? null,
    modelUploadUri: body.modelUploadUri,
    checkPointInputUri: body.checkPointInputUri ?? null,
    checkPointUploadUri: body.checkPointUploadUri ?? null,
    useLog: body.useLog ?? false,
    logAndCrashAppKey: state.identity.logAndCrashAppKey,
    timeoutMinutes: body.timeoutMinutes ?? 43200,
    elapsedTimeSeconds: runningSeconds(tuning, state.clock.nowMs()),
    tensorboardAccessUri: `${state.baseUrl}${tensorboardPath(state, experimentId)}`,
    tensorboardAccessPath: tensorboardPath(state, experimentId),
    datasetList: body.datasetList.map((dataset) => ({ ...dataset })),
    flavor: { ...tuning.flavor },
    image: { ...tuning.image },
    // NOTE: the boot disk size of tuning nodes is not published; 50 GB is assumed.
    bootStorage: { storageSize: 50 },
    dataStorageList: body.dataStorageSize == null ? [] : [{ storageSize: body.dataStorageSize }],
    modelList: [...state.store.models.values()]
      .filter(
        (model) =>
          model.hyperparameterTuning?.hyperparameterTuningId === tuning.hyperparameterTuningId,
      )
      .map((model) => renderModel(state, model)),
    hyperparameterSpecList: body.hyperparameterSpecList.map((spec) => ({
      hyperparameterName: spec.hyperparameterName,
      hyperparameterTypeCode: spec.hyperparameterTypeCode,
      hyperparameterMinValue: spec.hyperparameterMinValue ?? null,
      hyperparameterMaxValue: spec.hyperparameterMaxValue ?? null,
      hyperparameterStep: spec.hyperparameterStep ?? null,
      hyperparameterSpecifiedValues: spec.hyperparameterSpecifiedValues ?? null,
      isOptional: spec.isOptional ?? false,
      defaultValue: spec.defaultValue ?? null,
    })),
    metricList: (body.metricList ?? []).map((metric) => ({ name: metric.name })),
    metricRegex: body.metricRegex || defaultMetricRegex,
    objectiveMetricName: body.objectiveMetric.name,
    objectiveTypeCode: body.objectiveTypeCode,
    objectiveGoal: body.objectiveGoal ?? null,
    maxFailedTrialCount: body.maxFailedTrialCount ?? null,
    maxTrialCount: body.maxTrialCount ?? defaultMaxTrialCount,
    tuningStrategyName: body.tuningStrategyName,
    tuningStrategyRandomState: body.tuningStrategyRandomState ?? null,
    earlyStoppingAlgorithm: body.earlyStoppingAlgorithm,
    earlyStoppingMinTrialCount: body.earlyStoppingMinTrialCount ?? 3,
    earlyStoppingStartStep: body.earlyStoppingStartStep ?? 4,
    successfulTrialCount: trials.successfulTrialCount,
    runningTrialCount: trials.runningTrialCount,
    failedTrialCount: trials.failedTrialCount,
    optimalTrialId: trials.optimalTrial?.trialId ?? null,
    optimalTrial: trials.optimalTrial,
  };
}

/** Renders a tuning as a list item: sparse `flavor` and no `dataStorageList`, as for trainings. */
export function renderTuningListItem(
  state: SimulatorState,
  tuning: TuningRecord,
): Record<string, unknown> {
  const { dataStorageList: _dataStorageList, ...item } = renderTuning(state, tuning);
  return { ...item, flavor: flavorListItem(tuning.flavor) };
}
