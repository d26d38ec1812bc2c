import { formatSeoulDatetime } from './clock.js';
import type { SimulatorState } from './simulator-state.js';
import type { ExperimentRecord, TrainingRecord } from './store.js';
import { renderModel } from './views/model-view.js';

/*
 * Wire objects of experiments and trainings. Ids and parameter values are strings, counts are
 * integers, and every optional field the service may omit is sent as null.
 */

// NOTE: the real TensorBoard link points at an EasyMaker proxy host. The simulator builds it
// on its own base URL so that no link leaves the machine; nothing is served there.
export function tensorboardPath(state: SimulatorState, experimentId: string): string {
  return `/tensorboard/v1.0/appkeys/${state.identity.appKey}/#/experiments/${experimentId}`;
}

export function renderExperiment(
  state: SimulatorState,
  experiment: ExperimentRecord,
): Record<string, unknown> {
  return {
    experimentId: experiment.experimentId,
    experimentName: experiment.experimentName,
    experimentStatusCode: experiment.progression.status,
    tensorboardAccessUri: `${state.baseUrl}${tensorboardPath(state, experiment.experimentId)}`,
    description: experiment.description,
    appKey: state.identity.appKey,
    createdDatetime: formatSeoulDatetime(experiment.createdAtMs),
  };
}

/** Whole seconds spent RUNNING so far; grows while RUNNING and stops when it is left. */
function elapsedTimeSeconds(training: TrainingRecord, nowMs: number): number {
  if (training.runningStartedAtMs === null) {
    return 0;
  }
  const endMs = training.runningEndedAtMs ?? nowMs;
  return Math.max(0, Math.floor((endMs - training.runningStartedAtMs) / 1000));
}

/** Renders the training object that `GET /trainings/{id}` and the create call return. */
export function renderTraining(
  state: SimulatorState,
  training: TrainingRecord,
): Record<string, unknown> {
  const { body } = training;
  const experimentId = training.experiment.experimentId;
  return {
    trainingId: training.trainingId,
    trainingName: body.trainingName,
    trainingStatusCode: training.progression.status,
    trainingTypeCode: body.trainingTypeCode,
    description: body.description ?? null,
    appKey: state.identity.appKey,
    createdDatetime: formatSeoulDatetime(training.createdAtMs),
    experiment: {
      experimentId,
      experimentName: training.experiment.experimentName,
    },
    instanceCount: body.instanceCount ?? 1,
    nprocPerNode: body.nprocPerNode ?? 1,
    useTorchrun: body.useTorchrun ?? false,
    algorithm: training.algorithm
      ? {
          algorithmId: training.algorithm.algorithmId,
          algorithmName: training.algorithm.algorithmName,
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
    elapsedTimeSeconds: elapsedTimeSeconds(training, state.clock.nowMs()),
    tensorboardAccessUri: `${state.baseUrl}${tensorboardPath(state, experimentId)}`,
    tensorboardAccessPath: tensorboardPath(state, experimentId),
    datasetList: body.datasetList.map((dataset) => ({ ...dataset })),
    hyperparameterList: (body.hyperparameterList ?? []).map((parameter) => ({ ...parameter })),
    tagList: (body.tagList ?? []).map((tag) => ({ ...tag })),
    flavor: { ...training.flavor },
    image: { ...training.image },
    // NOTE: the boot disk size of training nodes is not published; 50 GB is assumed.
    bootStorage: { storageSize: 50 },
    dataStorageList: body.dataStorageSize == null ? [] : [{ storageSize: body.dataStorageSize }],
    modelList: [...state.store.models.values()]
      .filter((model) => model.training?.trainingId === training.trainingId)
      .map((model) => renderModel(state, model)),
  };
}

/**
 * Renders a training as a list item. Like the real service, list items are sparser than
 * GET by id: `flavor` has only `id` and `gpuFlavor`, and `dataStorageList` is absent.
 */
export function renderTrainingListItem(
  state: SimulatorState,
  training: TrainingRecord,
): Record<string, unknown> {
  const { dataStorageList: _dataStorageList, ...item } = renderTraining(state, training);
  return {
    ...item,
    flavor: { id: training.flavor.id, gpuFlavor: training.flavor.gpuFlavor },
  };
}
