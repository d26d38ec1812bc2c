import { type ModelCreateBody, modelCreateBodySchema } from '../bodies/model-create-body.js';
import { SimulatorFailure } from '../envelope.js';
import { generateResourceId } from '../ids.js';
import { chooseOutcome } from '../resource-outcomes.js';
import { activeResourcePaths } from '../resource-paths.js';
import type { ModelRecord } from '../resource-records.js';
import type { SimulatorState } from '../simulator-state.js';
import { startProgression } from '../status-progression.js';
import { summarizeTrials } from '../tuning-trials.js';
import { parseOrFail } from '../validation.js';

type ModelFields = Omit<ModelRecord, 'modelId' | 'createdAtMs' | 'progression'>;

/** Adds a model that starts at CREATE_REQUESTED, or directly at ACTIVE when seeded. */
export function insertModel(
  state: SimulatorState,
  fields: ModelFields,
  outcome: keyof typeof activeResourcePaths,
  startActive = false,
): ModelRecord {
  const nowMs = state.clock.nowMs();
  const model: ModelRecord = {
    ...fields,
    modelId: generateResourceId(),
    createdAtMs: nowMs,
    progression: startProgression(startActive ? ['ACTIVE'] : activeResourcePaths[outcome], nowMs),
  };
  state.store.models.set(model.modelId, model);
  return model;
}

function requireComplete(label: string, id: string, status: string): void {
  if (status !== 'COMPLETE') {
    throw new SimulatorFailure(
      'conflict',
      `${label} ${id} is ${status}; only a COMPLETE ${label} can become a model`,
    );
  }
}

/** Resolves the source of a model: its artifacts, framework and origin. */
function resolveSource(state: SimulatorState, body: ModelCreateBody) {
  const { store } = state;
  if (body.trainingId) {
    const training = store.trainings.get(body.trainingId);
    if (training === undefined) {
      throw new SimulatorFailure('invalidRequest', `trainingId ${body.trainingId} not found`);
    }
    requireComplete('training', training.trainingId, training.progression.status);
    return {
      // NOTE: the framework of a model made from a training without `modelTypeCode` is not
      // published. The simulator takes the framework of the training image.
      modelTypeCode: body.modelTypeCode ?? training.image.frameworkCode,
      modelUploadUri: training.body.modelUploadUri,
      frameworkVersion: training.image.frameworkVersion,
      training: { trainingId: training.trainingId, trainingName: training.body.trainingName },
      hyperparameterTuning: null,
    };
  }
  if (body.hyperparameterTuningId) {
    const tuning = store.hyperparameterTunings.get(body.hyperparameterTuningId);
    if (tuning === undefined) {
      throw new SimulatorFailure(
        'invalidRequest',
        `hyperparameterTuningId ${body.hyperparameterTuningId} not found`,
      );
    }
    const id = tuning.hyperparameterTuningId;
    requireComplete('hyperparameter tuning', id, tuning.progression.status);
    const optimalTrialId = summarizeTrials(state, tuning).optimalTrial?.trialId;
    return {
      modelTypeCode: body.modelTypeCode ?? tuning.image.frameworkCode,
      // NOTE: where the best trial's artifacts live is not published; the simulator assumes
      // a folder named after the trial under the tuning's model URI.
      modelUploadUri:
        optimalTrialId === undefined
          ? tuning.body.modelUploadUri
          : `${tuning.body.modelUploadUri}/${String(optimalTrialId)}`,
      frameworkVersion: tuning.image.frameworkVersion,
      training: null,
      hyperparameterTuning: {
        hyperparameterTuningId: id,
        hyperparameterTuningName: tuning.body.hyperparameterTuningName,
      },
    };
  }
  return {
    // The body schema requires a type code with an upload URI and for Hugging Face models.
    modelTypeCode: body.modelTypeCode ?? 'HUGGING_FACE',
    modelUploadUri: body.modelUploadUri ?? null,
    frameworkVersion: null,
    training: null,
    hyperparameterTuning: null,
  };
}

/** Validates a `POST /models` body and its source, and stores the new model. */
export function createModel(state: SimulatorState, input: unknown): ModelRecord {
  const body = parseOrFail(modelCreateBodySchema, input);
  const source = resolveSource(state, body);
  const outcome = chooseOutcome(state.faults, 'model', body.modelName, 'ACTIVE');
  const model = insertModel(
    state,
    {
      ...source,
      modelName: body.modelName,
      description: body.description ?? null,
      parameterList: (body.parameterList ?? []).map((parameter) => ({ ...parameter })),
    },
    outcome,
  );
  state.logger.info({ modelId: model.modelId, outcome }, 'simulated model created');
  return model;
}
