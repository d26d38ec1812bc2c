import { z } from 'zod';
import { commonResourceFields } from './common-fields.js';
import { flavorSchema } from './flavor.js';
import { imageSchema } from './image.js';
import { modelSchema } from './model.js';
import { storageSchema } from './storage.js';

/**
 * Batch inference (`batchInference`, items of `batchInferenceList`). Only the id, the name and
 * the status are required. The counts report progress: files and records read, requests sent
 * and their outcome by HTTP status class.
 *
 * Status codes: going `CREATE_REQUESTED`, `CREATE_IN_PROGRESS`, `RUNNING`,
 * `COMPLETE_IN_PROGRESS`, `FAIL_BATCH_INFERENCE_IN_PROGRESS`, `STOP_IN_PROGRESS`; success
 * `COMPLETE`; failure `FAIL_BATCH_INFERENCE`, `CREATE_FAILED`; stopped `STOPPED`.
 */
export const batchInferenceSchema = z.object({
  batchInferenceId: z.string(),
  batchInferenceName: z.string(),
  batchInferenceStatusCode: z.string().min(1),
  instanceCount: z.number().int().nullish(),
  timeoutMinutes: z.number().int().nullish(),
  image: imageSchema.partial().nullish(),
  model: modelSchema.partial().nullish(),
  podCount: z.number().int().nullish(),
  maxBatchSize: z.number().int().nullish(),
  inferenceTimeoutSeconds: z.number().int().nullish(),
  inputDataUri: z.string().nullish(),
  /** `JSON` or `JSONL`. */
  inputDataTypeCode: z.string().nullish(),
  includeGlobPattern: z.string().nullish(),
  excludeGlobPattern: z.string().nullish(),
  outputUploadUri: z.string().nullish(),
  logAndCrashAppKey: z.string().nullish(),
  inputFileCount: z.number().int().nullish(),
  inputDataCount: z.number().int().nullish(),
  processCount: z.number().int().nullish(),
  success2xxCount: z.number().int().nullish(),
  fail4xxCount: z.number().int().nullish(),
  fail5xxCount: z.number().int().nullish(),
  elapsedTimeSeconds: z.number().int().nullish(),
  flavor: flavorSchema.partial().nullish(),
  bootStorage: storageSchema.nullish(),
  dataStorageList: z.array(storageSchema).nullish(),
  ...commonResourceFields,
});

export type BatchInference = z.infer<typeof batchInferenceSchema>;
