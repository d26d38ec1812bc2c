import { z } from 'zod';
import {
  dataStorageSizeSchema,
  descriptionSchema,
  idSchema,
  resourceNameSchema,
  timeoutMinutesSchema,
  uriSchema,
} from './create-body-fields.js';

/**
 * Wire body of `POST /batch-inferences`, with the limits of the console guide. The GPUs of an
 * instance are shared out by pod count, and GPUs left over stay unused.
 */
export const batchInferenceCreateBodySchema = z.strictObject({
  batchInferenceName: resourceNameSchema,
  description: descriptionSchema.optional(),
  instanceCount: z.number().int().min(1).max(10),
  timeoutMinutes: timeoutMinutesSchema,
  flavorId: idSchema,
  modelId: idSchema,
  /** Never set by the SDK. */
  imageId: idSchema.optional(),
  podCount: z.number().int().min(1).max(100),
  maxBatchSize: z.number().int().min(1).max(1000),
  inferenceTimeoutSeconds: z.number().int().min(1).max(1200),
  inputDataUri: uriSchema,
  inputDataTypeCode: z.enum(['JSON', 'JSONL']),
  includeGlobPattern: uriSchema.optional(),
  /** Wins over `includeGlobPattern`. */
  excludeGlobPattern: uriSchema.optional(),
  outputUploadUri: uriSchema,
  dataStorageSize: dataStorageSizeSchema,
  useLog: z.boolean().optional(),
});

export type BatchInferenceCreateBody = z.infer<typeof batchInferenceCreateBodySchema>;
