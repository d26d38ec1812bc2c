import { z } from 'zod';

/**
 * Name and value pair of `hyperparameterList`, `parameterList` and trial hyperparameters in
 * responses. The value is always a JSON string.
 */
export const parameterSchema = z.object({
  parameterName: z.string().nullish(),
  parameterValue: z.string().nullish(),
});

export type Parameter = z.infer<typeof parameterSchema>;
