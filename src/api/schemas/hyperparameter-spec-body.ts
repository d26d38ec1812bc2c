import { z } from 'zod';

/** Decimal number as the API writes bounds and steps, such as `0.001`, `-3` or `1e-4`. */
const decimalPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const integerPattern = /^[+-]?\d+$/;

/** Types whose search space is a range, so they need bounds (and a step for a grid search). */
export const rangeTypeCodes: readonly string[] = ['int', 'double'];

/**
 * One hyperparameter search space of `POST /hyperparameter-tunings` (`hyperparameterSpecList`).
 * Bounds and step are numbers written as strings. `int` and `double` need both bounds, with the
 * minimum not above the maximum, and any step must be positive. `discrete` and `categorical`
 * need `hyperparameterSpecifiedValues`, a comma-separated list of at most 3000 characters. The
 * step that a `GRID` search needs is checked by the tuning body, which carries the strategy.
 */
export const hyperparameterSpecBodySchema = z
  .strictObject({
    hyperparameterName: z.string().min(1).max(255),
    /** Lowercase on the wire, although the console guide prints it in upper case. */
    hyperparameterTypeCode: z.enum(['int', 'double', 'discrete', 'categorical']),
    hyperparameterMinValue: z.string().optional(),
    hyperparameterMaxValue: z.string().optional(),
    hyperparameterStep: z.string().optional(),
    hyperparameterSpecifiedValues: z.string().min(1).max(3000).optional(),
    isOptional: z.boolean().optional(),
    defaultValue: z.string().optional(),
  })
  .superRefine((spec, context) => {
    const type = spec.hyperparameterTypeCode;
    const required = `required when hyperparameterTypeCode is ${type}`;
    if (!rangeTypeCodes.includes(type)) {
      if (spec.hyperparameterSpecifiedValues === undefined) {
        context.addIssue({
          code: 'custom',
          path: ['hyperparameterSpecifiedValues'],
          message: required,
        });
      }
      return;
    }

    for (const field of ['hyperparameterMinValue', 'hyperparameterMaxValue'] as const) {
      if (spec[field] === undefined) {
        context.addIssue({ code: 'custom', path: [field], message: required });
      }
    }
    const pattern = type === 'int' ? integerPattern : decimalPattern;
    const numberKind = type === 'int' ? 'an integer' : 'a number';
    const numericFields = [
      'hyperparameterMinValue',
      'hyperparameterMaxValue',
      'hyperparameterStep',
    ] as const;
    for (const field of numericFields) {
      const value = spec[field];
      if (value !== undefined && !pattern.test(value)) {
        context.addIssue({ code: 'custom', path: [field], message: `must be ${numberKind}` });
      }
    }

    const min = Number(spec.hyperparameterMinValue);
    const max = Number(spec.hyperparameterMaxValue);
    if (min > max) {
      context.addIssue({
        code: 'custom',
        path: ['hyperparameterMinValue'],
        message: 'must not be greater than hyperparameterMaxValue',
      });
    }
    if (spec.hyperparameterStep !== undefined && !(Number(spec.hyperparameterStep) > 0)) {
      context.addIssue({ code: 'custom', path: ['hyperparameterStep'], message: 'must be > 0' });
    }
  });

export type HyperparameterSpecBody = z.infer<typeof hyperparameterSpecBodySchema>;
