import { z } from 'zod';

/**
 * Search space of one hyperparameter, as in `hyperparameterSpecList` of algorithms and
 * tunings. Bounds, step and default value are numbers written as strings.
 */
export const hyperparameterSpecSchema = z.object({
  hyperparameterName: z.string(),
  /**
   * `int`, `double`, `discrete` or `categorical` (lowercase on the wire). Kept as a string so
   * that a spelling the API adds later does not fail a whole algorithm list.
   */
  hyperparameterTypeCode: z.string().nullish(),
  hyperparameterMinValue: z.string().nullish(),
  hyperparameterMaxValue: z.string().nullish(),
  hyperparameterStep: z.string().nullish(),
  /** Comma-separated values of a `discrete` or `categorical` parameter. */
  hyperparameterSpecifiedValues: z.string().nullish(),
  isOptional: z.boolean().nullish(),
  defaultValue: z.string().nullish(),
});

export type HyperparameterSpec = z.infer<typeof hyperparameterSpecSchema>;
