import { readBatchInput } from '../batch-inference-input.js';
import { batchInferenceCreateBodySchema } from '../bodies/batch-inference-create-body.js';
import { SimulatorFailure } from '../envelope.js';
import { generateResourceId } from '../ids.js';
import { chooseOutcome } from '../resource-outcomes.js';
import { batchInferencePaths } from '../resource-paths.js';
import type { BatchInferenceRecord } from '../resource-records.js';
import type { SimulatorState } from '../simulator-state.js';
import { startProgression } from '../status-progression.js';
import { parseOrFail } from '../validation.js';
import { servingImageOf } from './endpoint-deploy.js';

/**
 * Validates a `POST /batch-inferences` body and its references, reads the input from the
 * simulated Object Storage and stores the new job at CREATE_REQUESTED. A missing flavor, image
 * or model is a 400; a model that is not ACTIVE a 409.
 */
export function createBatchInference(state: SimulatorState, input: unknown): BatchInferenceRecord {
  const body = parseOrFail(batchInferenceCreateBodySchema, input);
  const { store } = state;
  const flavor = store.findFlavor(body.flavorId);
  if (flavor === undefined) {
    throw new SimulatorFailure('invalidRequest', `flavorId ${body.flavorId} not found`);
  }
  const model = store.models.get(body.modelId);
  if (model === undefined) {
    throw new SimulatorFailure('invalidRequest', `modelId ${body.modelId} not found`);
  }
  if (model.progression.status !== 'ACTIVE') {
    throw new SimulatorFailure(
      'conflict',
      `model ${model.modelId} is ${model.progression.status}, not ACTIVE`,
    );
  }
  const image = body.imageId ? store.findImage(body.imageId) : servingImageOf(state, model);
  if (image === undefined) {
    throw new SimulatorFailure('invalidRequest', `imageId ${body.imageId} not found`);
  }

  const name = body.batchInferenceName;
  const outcome = chooseOutcome(state.faults, 'batchInference', name, 'COMPLETE');
  const nowMs = state.clock.nowMs();
  const batch: BatchInferenceRecord = {
    batchInferenceId: generateResourceId(),
    body,
    flavor: { ...flavor },
    image: { ...image },
    model: {
      modelId: model.modelId,
      modelName: model.modelName,
      modelTypeCode: model.modelTypeCode,
    },
    input: readBatchInput(state, body),
    outcome,
    resultUri: null,
    createdAtMs: nowMs,
    progression: startProgression(batchInferencePaths[outcome], nowMs),
    runningStartedAtMs: null,
    runningEndedAtMs: null,
  };
  store.batchInferences.set(batch.batchInferenceId, batch);
  state.logger.info(
    { batchInferenceId: batch.batchInferenceId, outcome, inputFileCount: batch.input.fileCount },
    'simulated batch inference created',
  );
  return batch;
}
