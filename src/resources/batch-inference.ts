import { type BatchInference, batchInferenceSchema } from '../api/schemas/batch-inference.js';
import { type BatchInferenceParameters, batchInferenceCreate } from './batch-inference-create.js';
import { jobStatuses } from './job-statuses.js';
import type { ResourceDescription, SummaryField } from './resource-description.js';

const count = (value: number | null | undefined) => String(value ?? 0);

/** Files read, requests sent and their outcome by HTTP status class. */
function counters(batch: BatchInference): SummaryField[] {
  return [
    { label: 'Input files', value: count(batch.inputFileCount) },
    { label: 'Processed', value: count(batch.processCount) },
    { label: '2xx', value: count(batch.success2xxCount) },
    { label: '4xx', value: count(batch.fail4xxCount) },
    { label: '5xx', value: count(batch.fail5xxCount) },
  ];
}

/** The EasyMaker batch inference: `BatchInference().run` from Slack, tracked until it ends. */
export const batchInferenceDescription: ResourceDescription<
  BatchInference,
  BatchInferenceParameters
> = {
  kind: 'batch-inference',
  noun: 'batch inference',
  title: 'Batch inference',
  words: ['batch', 'batch-inference', 'batch-inferences'],
  api: {
    collectionPath: '/batch-inferences',
    listKey: 'batchInferenceList',
    objectKey: 'batchInference',
    objectSchema: batchInferenceSchema,
  },
  idOf: (batch) => batch.batchInferenceId,
  nameOf: (batch) => batch.batchInferenceName,
  statusOf: (batch) => batch.batchInferenceStatusCode,
  elapsedSecondsOf: (batch) => batch.elapsedTimeSeconds ?? undefined,
  statuses: jobStatuses('BATCH_INFERENCE'),
  create: batchInferenceCreate,
  operations: { delete: true, stop: true, start: false },
  list: {
    columns: [
      { label: 'Status', value: (batch) => batch.batchInferenceStatusCode },
      { label: 'Model', value: (batch) => batch.model?.modelName ?? '-' },
      {
        label: 'Requests',
        value: (batch) =>
          `${count(batch.success2xxCount)} ok, ${count(batch.fail4xxCount)} 4xx, ${count(batch.fail5xxCount)} 5xx`,
      },
    ],
  },
  progressOf: counters,
  summarizeResult(batch) {
    const fields = counters(batch);
    if (batch.outputUploadUri) {
      fields.push({ label: 'Output', value: batch.outputUploadUri });
    }
    return fields;
  },
};
