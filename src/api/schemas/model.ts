import { z } from 'zod';
import { commonResourceFields } from './common-fields.js';
import { hyperparameterTuningSchema } from './hyperparameter-tuning.js';
import { trainingSchema } from './training.js';

/**
 * Model (`model`, items of `modelList`). Only the id, the name and the status are required.
 * `modelTypeCode` is kept as a string because the SDK and the console guide name different
 * formats (`SCIKIT_LEARN` or `SKLEARN`, `TENSORFLOW_TRITON` or `TRITON`).
 *
 * Status codes: going `CREATE_REQUESTED`, `CREATE_IN_PROGRESS`, `DELETE_IN_PROGRESS`; success
 * `ACTIVE`; failure `CREATE_FAILED`, `DELETE_FAILED`.
 */
export const modelSchema = z.object({
  modelId: z.string(),
  modelName: z.string(),
  modelStatusCode: z.string().min(1),
  modelTypeCode: z.string().nullish(),
  modelUploadUri: z.string().nullish(),
  frameworkVersion: z.string().nullish(),
  /** Training the model was made from. */
  training: trainingSchema.partial().nullish(),
  /** Tuning whose best trial the model was made from. */
  hyperparameterTuning: hyperparameterTuningSchema.partial().nullish(),
  ...commonResourceFields,
});

export type Model = z.infer<typeof modelSchema>;
