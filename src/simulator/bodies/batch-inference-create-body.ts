import { z } from 'zod';
import {
  integerBetween,
  objectOf,
  optionalBoolean,
  optionalString,
  requiredString,
} from '../validation.js';

/*
 * Body of `POST /batch-inferences` with the published ranges: 1-10 instances, 1-100 pods, batch
 * size 1-1000, inference timeout 1-1200 s, a job timeout of 1-720 hours sent as minutes and
 * 300-10000 GB of data storage. URIs and globs take 255 characters. The route checks the
 * flavor and the model.
 */

// NOTE: the guide gives no URI rule for batch inference. The simulator applies the rule of the
// training source URI (obs:// or nas://).
const storageUri = requiredString(255).regex(/^(obs|nas):\/\//, {
  error: 'must start with obs:// or nas://',
});

export const batchInferenceCreateBodySchema = objectOf({
  batchInferenceName: requiredString(50),
  description: optionalString(255),
  instanceCount: integerBetween(1, 10),
  timeoutMinutes: integerBetween(60, 43200),
  flavorId: requiredString(36),
  modelId: requiredString(36),
  imageId: optionalString(36),
  podCount: integerBetween(1, 100),
  maxBatchSize: integerBetween(1, 1000),
  inferenceTimeoutSeconds: integerBetween(1, 1200),
  inputDataUri: storageUri,
  inputDataTypeCode: z.enum(['JSON', 'JSONL'], {
    error: (issue) => (issue.input === undefined ? 'is required' : 'must be JSON or JSONL'),
  }),
  includeGlobPattern: optionalString(255),
  excludeGlobPattern: optionalString(255),
  outputUploadUri: storageUri,
  dataStorageSize: integerBetween(300, 10000),
  useLog: optionalBoolean(),
  parentPipelineRunId: optionalString(36),
  parentPipelineRunTaskName: optionalString(255),
});

export type BatchInferenceCreateBody = z.infer<typeof batchInferenceCreateBodySchema>;
