import { z } from 'zod';
import { SimulatorFailure } from './envelope.js';

/*
 * zod builders whose messages read well after the field path, so a failure turns into
 * "trainingName is required" or "instanceCount must be between 1 and 10".
 */

function typeMessage(expected: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? 'is required' : `must be ${expected}`;
}

export function requiredString(maxLength: number) {
  return z
    .string({ error: typeMessage('a string') })
    .min(1, { error: 'is required' })
    .max(maxLength, { error: `must be at most ${maxLength} characters` });
}

export function optionalString(maxLength: number) {
  return z
    .string({ error: typeMessage('a string') })
    .max(maxLength, { error: `must be at most ${maxLength} characters` })
    .nullish();
}

export function integerBetween(min: number, max: number) {
  const rangeMessage = `must be between ${min} and ${max}`;
  return z
    .int({ error: typeMessage('an integer') })
    .min(min, { error: rangeMessage })
    .max(max, { error: rangeMessage });
}

export function optionalBoolean() {
  return z.boolean({ error: typeMessage('a boolean') }).nullish();
}

export function listOf<T extends z.ZodType>(item: T, maxItems: number) {
  return z
    .array(item, { error: typeMessage('a list') })
    .max(maxItems, { error: `must contain at most ${maxItems} items` });
}

export function objectOf<T extends z.ZodRawShape>(shape: T) {
  return z.object(shape, { error: typeMessage('an object') });
}

/** Joins zod issues into one readable message, each prefixed by its field path. */
export function formatIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path === '' ? issue.message : `${path} ${issue.message}`;
    })
    .join('; ');
}

/** Parses `input` with `schema` or throws an `invalidRequest` failure naming every bad field. */
export function parseOrFail<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new SimulatorFailure('invalidRequest', 'request body must be a JSON object');
  }
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new SimulatorFailure('invalidRequest', formatIssues(result.error.issues));
  }
  return result.data;
}
