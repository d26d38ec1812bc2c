import { z } from 'zod';
import { objectOf, optionalBoolean, optionalString, requiredString } from '../validation.js';

/*
 * One item of `hyperparameterSpecList` (tunings). Bounds, steps and values are numbers sent as
 * strings, and type codes are lowercase on the wire. `int` and `double` take a min and max, plus
 * a step under the GRID strategy. `discrete` and `categorical` take comma-separated values.
 */

const numberText = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const integerText = /^[+-]?\d+$/;

export const hyperparameterTypeCodes = ['int', 'double', 'discrete', 'categorical'] as const;

export const hyperparameterSpecSchema = objectOf({
  hyperparameterName: requiredString(255),
  hyperparameterTypeCode: z.enum(hyperparameterTypeCodes, {
    error: (issue) =>
      issue.input === undefined
        ? 'is required'
        : 'must be int, double, discrete or categorical (lowercase)',
  }),
  // NOTE: the length limits of bounds, steps and default values are not published; 255 and
  // 1000 are assumed.
  hyperparameterMinValue: optionalString(255),
  hyperparameterMaxValue: optionalString(255),
  hyperparameterStep: optionalString(255),
  hyperparameterSpecifiedValues: optionalString(3000),
  isOptional: optionalBoolean(),
  defaultValue: optionalString(1000),
});

export type HyperparameterSpecBody = z.infer<typeof hyperparameterSpecSchema>;

/** Splits `hyperparameterSpecifiedValues` into trimmed, non-empty values. */
export function splitSpecifiedValues(values: string | null | undefined): string[] {
  return (values ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** Checks the rules of one spec that depend on its type code and on the tuning strategy. */
export function checkHyperparameterSpec(
  spec: HyperparameterSpecBody,
  strategy: string,
  path: (string | number)[],
  context: z.RefinementCtx,
): void {
  const issue = (field: string, message: string) =>
    context.addIssue({ code: 'custom', path: [...path, field], message });
  const type = spec.hyperparameterTypeCode;

  if (type === 'int' || type === 'double') {
    const pattern = type === 'int' ? integerText : numberText;
    const kind = type === 'int' ? 'an integer' : 'a number';
    const bounds: Array<[string, string | null | undefined]> = [
      ['hyperparameterMinValue', spec.hyperparameterMinValue],
      ['hyperparameterMaxValue', spec.hyperparameterMaxValue],
    ];
    for (const [field, value] of bounds) {
      if (value == null || value === '') {
        issue(field, `is required for type ${type}`);
      } else if (!pattern.test(value)) {
        issue(field, `must be ${kind} written as a string`);
      }
    }
    const min = Number(spec.hyperparameterMinValue);
    const max = Number(spec.hyperparameterMaxValue);
    if (Number.isFinite(min) && Number.isFinite(max) && min > max) {
      issue('hyperparameterMaxValue', 'must not be less than hyperparameterMinValue');
    }
    const step = spec.hyperparameterStep;
    if (strategy === 'GRID' && (step == null || step === '')) {
      issue('hyperparameterStep', `is required for type ${type} with the GRID strategy`);
    } else if (step != null && step !== '' && (!pattern.test(step) || !(Number(step) > 0))) {
      issue('hyperparameterStep', `must be a positive ${type === 'int' ? 'integer' : 'number'}`);
    }
    return;
  }

  const values = splitSpecifiedValues(spec.hyperparameterSpecifiedValues);
  if (values.length === 0) {
    issue('hyperparameterSpecifiedValues', `is required for type ${type}`);
  } else if (type === 'discrete' && values.some((value) => !numberText.test(value))) {
    issue('hyperparameterSpecifiedValues', 'must list numbers for type discrete');
  }
}
