import { z } from 'zod';

/** One search space of a tuning, as typed by the user. */
export interface HyperparameterSpec {
  name: string;
  type: 'int' | 'double' | 'discrete' | 'categorical';
  min?: string;
  max?: string;
  step?: string;
  values?: string;
}

const TYPES = new Set(['int', 'double', 'discrete', 'categorical']);
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The search spaces of a tuning, one per line (or separated by `;` inline):
 * `name int|double min max [step]` or `name discrete|categorical a,b,c`. At most 100 specs;
 * names up to 255 characters; value lists up to 3000 characters.
 */
export const hyperparameterSpecListSchema = z
  .preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.string().optional(),
  )
  .transform((text, context): HyperparameterSpec[] => {
    if (text === undefined) {
      return [];
    }
    const lines = text
      .split(/\r?\n|;/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (lines.length > 100) {
      context.addIssue({
        code: 'custom',
        message: `must have at most 100 specs (got ${lines.length})`,
      });
      return z.NEVER;
    }
    const specs: HyperparameterSpec[] = [];
    for (const line of lines) {
      const spec = parseSpec(line);
      if (typeof spec === 'string') {
        context.addIssue({ code: 'custom', message: spec });
        return z.NEVER;
      }
      specs.push(spec);
    }
    return specs;
  });

/** Returns the spec, or a message saying what is wrong with the line. */
function parseSpec(line: string): HyperparameterSpec | string {
  const [name = '', rawType = '', ...rest] = line.split(/\s+/);
  const type = rawType.toLowerCase() as HyperparameterSpec['type'];
  const shortLine = line.length > 40 ? `${line.slice(0, 37)}...` : line;
  if (name.length > 255) {
    return `spec name "${name.slice(0, 37)}..." must be at most 255 characters`;
  }
  if (!TYPES.has(type)) {
    return `spec "${shortLine}" must be "name int|double min max [step]" or "name discrete|categorical a,b,c"`;
  }
  if (type === 'discrete' || type === 'categorical') {
    const values = rest.join(' ');
    if (rest.length === 0 || values.length > 3000) {
      return `spec "${name}" needs a comma-separated value list of 1 to 3000 characters`;
    }
    if (type === 'discrete' && values.split(',').some((value) => !DECIMAL.test(value.trim()))) {
      return `spec "${name}" is discrete, so its values must be numbers`;
    }
    return { name, type, values };
  }
  const [min, max, step, extra] = rest;
  const pattern = type === 'int' ? INTEGER : DECIMAL;
  const kind = type === 'int' ? 'whole numbers' : 'numbers';
  if (min === undefined || max === undefined || extra !== undefined) {
    return `spec "${name}" must be "${name} ${type} min max [step]"`;
  }
  if (![min, max, ...(step === undefined ? [] : [step])].every((value) => pattern.test(value))) {
    return `spec "${name}": min, max and step must be ${kind}`;
  }
  if (Number(min) > Number(max)) {
    return `spec "${name}": min must not be above max`;
  }
  if (step !== undefined && !(Number(step) > 0)) {
    return `spec "${name}": step must be above 0`;
  }
  return { name, type, min, max, ...(step === undefined ? {} : { step }) };
}
