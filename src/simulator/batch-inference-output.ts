import { batchCounters } from './batch-inference-progress.js';
import { predictInstance } from './inference-predictor.js';
import { formatObsUri, joinObjectPath, parseObsUri } from './object-storage/obs-uri.js';
import type { BatchInferenceRecord } from './resource-records.js';
import type { SimulatorState } from './simulator-state.js';

/** Name of the result object written under `outputUploadUri`. */
export const batchResultObjectName = 'result.json';

/**
 * Writes the result of a COMPLETE batch inference to the simulated Object Storage as
 * `{outputUploadUri}/result.json`: the counters and one prediction per input record. The
 * container is created when missing. An output of another tenant, or on NAS, is skipped.
 * NOTE: the layout of real batch inference output is not published; this one object is the
 * simulator's own format.
 */
export function writeBatchInferenceResult(
  state: SimulatorState,
  batch: BatchInferenceRecord,
  atMs: number,
): void {
  const location = parseObsUri(batch.body.outputUploadUri);
  if (location === undefined || location.tenantId !== state.objectStorage.tenantId) {
    state.logger.debug(
      { batchInferenceId: batch.batchInferenceId },
      'batch inference output is outside the simulated Object Storage; no result written',
    );
    return;
  }
  const predictions = batch.input.instances?.map((instance) => predictInstance(instance)) ?? null;
  const result = {
    batchInferenceId: batch.batchInferenceId,
    batchInferenceName: batch.body.batchInferenceName,
    modelId: batch.model.modelId,
    modelName: batch.model.modelName,
    inputDataUri: batch.body.inputDataUri,
    ...batchCounters(state, batch),
    predictions,
  };
  const objectPath = joinObjectPath(location.objectPath, batchResultObjectName);
  state.store.objects.putObject(
    location.container,
    objectPath,
    {
      bytes: Buffer.from(`${JSON.stringify(result, null, 2)}\n`, 'utf8'),
      contentType: 'application/json',
      nowMs: atMs,
    },
    true,
  );
  batch.resultUri = formatObsUri({ ...location, objectPath });
  state.logger.info(
    { batchInferenceId: batch.batchInferenceId, resultUri: batch.resultUri },
    'simulated batch inference result written',
  );
}
