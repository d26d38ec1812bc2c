import { batchCounters } from '../batch-inference-progress.js';
import type { BatchInferenceRecord } from '../resource-records.js';
import { runningSeconds } from '../running-progress.js';
import type { SimulatorState } from '../simulator-state.js';
import { commonFields, flavorListItem } from './common-fields.js';

/** Renders the batch inference object of `GET /batch-inferences/{id}` and the create response. */
export function renderBatchInference(
  state: SimulatorState,
  batch: BatchInferenceRecord,
): Record<string, unknown> {
  const { body } = batch;
  return {
    batchInferenceId: batch.batchInferenceId,
    batchInferenceName: body.batchInferenceName,
    batchInferenceStatusCode: batch.progression.status,
    ...commonFields(state, body.description, batch.createdAtMs),
    instanceCount: body.instanceCount,
    timeoutMinutes: body.timeoutMinutes,
    image: { ...batch.image },
    model: { ...batch.model },
    podCount: body.podCount,
    maxBatchSize: body.maxBatchSize,
    inferenceTimeoutSeconds: body.inferenceTimeoutSeconds,
    inputDataUri: body.inputDataUri,
    inputDataTypeCode: body.inputDataTypeCode,
    includeGlobPattern: body.includeGlobPattern ?? null,
    excludeGlobPattern: body.excludeGlobPattern ?? null,
    outputUploadUri: body.outputUploadUri,
    useLog: body.useLog ?? false,
    logAndCrashAppKey: state.identity.logAndCrashAppKey,
    ...batchCounters(state, batch),
    elapsedTimeSeconds: runningSeconds(batch, state.clock.nowMs()),
    flavor: { ...batch.flavor },
    // NOTE: the boot disk size of batch inference nodes is not published; 50 GB is assumed.
    bootStorage: { storageSize: 50 },
    dataStorageList: [{ storageSize: body.dataStorageSize }],
  };
}

/** Renders a batch inference as a list item: sparse `flavor` and no `dataStorageList`. */
export function renderBatchInferenceListItem(
  state: SimulatorState,
  batch: BatchInferenceRecord,
): Record<string, unknown> {
  const { dataStorageList: _dataStorageList, ...item } = renderBatchInference(state, batch);
  return { ...item, flavor: flavorListItem(batch.flavor) };
}
