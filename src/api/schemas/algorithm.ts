import { z } from 'zod';
import { commonResourceFields } from './common-fields.js';
import { hyperparameterSpecSchema } from './hyperparameter-spec.js';

/**
 * NHN-provided training algorithm (`GET /algorithms`, item of `algorithmList`);
 * `algorithmName` (e.g. "Image Classification") is the user-facing name.
 */
export const algorithmSchema = z.object({
  algorithmId: z.string(),
  algorithmName: z.string(),
  cpuTrainingImageId: z.string().nullish(),
  gpuTrainingImageId: z.string().nullish(),
  // NOTE: the element shape of `algorithmDatasetSchema` is not published, so it is not checked.
  algorithmDatasetSchema: z.array(z.unknown()).nullish(),
  hyperparameterSpecList: z.array(hyperparameterSpecSchema).nullish(),
  ...commonResourceFields,
});

export type Algorithm = z.infer<typeof algorithmSchema>;
