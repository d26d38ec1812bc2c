import { z } from 'zod';
import type { BatchInference } from '../api/schemas/batch-inference.js';
import { batchInferenceCreateBodySchema } from '../api/schemas/batch-inference-create-body.js';
import { batchInferenceParameters } from './batch-inference-parameters.js';
import { choice, integer, optionalText, requiredText, requiredUri } from './field-schemas.js';
import { jobParametersShape } from './job-parameters.js';
import { requiredIdReference } from './required-id-reference.js';
import type { CreateDescription, ReferenceDescription } from './resource-description.js';

/** Typed parameters of `BatchInference().run`, parsed from modal fields or inline arguments. */
export const batchInferenceParametersSchema = z.object({
  batch_inference_name: requiredText(50),
  description: optionalText(255),
  model_id: requiredIdReference(36),
  instance_type_name: jobParametersShape.instance_type_name,
  instance_count: integer(1, 10).default(1),
  pod_count: integer(1, 100).default(1),
  batch_size: integer(1, 1000),
  inference_timeout_seconds: integer(1, 1200, 'seconds'),
  input_data_uri: requiredUri(),
  input_data_type: choice(['JSON', 'JSONL']),
  include_glob_pattern: optionalText(255),
  exclude_glob_pattern: optionalText(255),
  output_upload_uri: requiredUri(),
  data_storage_size: integer(300, 10_000, 'GB'),
  timeout_hours: jobParametersShape.timeout_hours,
  use_log: jobParametersShape.use_log,
});

export type BatchInferenceParameters = z.infer<typeof batchInferenceParametersSchema>;

const batchInferenceReferences: readonly ReferenceDescription[] = [
  { parameter: 'model_id', lookup: 'model' },
  { parameter: 'instance_type_name', lookup: 'flavor' },
];

/** `BatchInference().run` from Slack: the form, the checks and the body of the create call. */
export const batchInferenceCreate: CreateDescription<BatchInference, BatchInferenceParameters> = {
  verb: 'run',
  parameters: batchInferenceParameters,
  parametersSchema: batchInferenceParametersSchema,
  bodySchema: batchInferenceCreateBodySchema,
  // Every rule is a range of one field, which the schema already checks.
  checkParameters: () => [],
  references: batchInferenceReferences,
  formLookups: ['model', 'flavor'],
  nameOfParameters: (parameters) => parameters.batch_inference_name,
  buildCreateBody: (parameters, resolved) => ({
    batchInferenceName: parameters.batch_inference_name,
    description: parameters.description,
    instanceCount: parameters.instance_count,
    timeoutMinutes: parameters.timeout_hours * 60,
    flavorId: resolved.instance_type_name?.id,
    modelId: resolved.model_id?.id,
    podCount: parameters.pod_count,
    maxBatchSize: parameters.batch_size,
    inferenceTimeoutSeconds: parameters.inference_timeout_seconds,
    inputDataUri: parameters.input_data_uri,
    inputDataTypeCode: parameters.input_data_type,
    includeGlobPattern: parameters.include_glob_pattern,
    excludeGlobPattern: parameters.exclude_glob_pattern,
    outputUploadUri: parameters.output_upload_uri,
    dataStorageSize: parameters.data_storage_size,
    useLog: parameters.use_log,
  }),
  summarizeParameters: (parameters, resolved) => [
    { label: 'Model', value: resolved.model_id?.name ?? parameters.model_id.id },
    {
      label: 'Instance',
      value: `${resolved.instance_type_name?.name ?? '-'} x ${parameters.instance_count}`,
    },
    { label: 'Pods', value: String(parameters.pod_count) },
    { label: 'Batch size', value: String(parameters.batch_size) },
    { label: 'Input', value: `${parameters.input_data_uri} (${parameters.input_data_type})` },
    { label: 'Output', value: parameters.output_upload_uri },
    { label: 'Timeout', value: `${parameters.timeout_hours} h` },
  ],
};
