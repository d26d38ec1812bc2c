import { expect } from 'vitest';
import type { z } from 'zod';

/**
 * Returns the issue paths of a failed parse, such as `datasetList.0.dataUri`, or [] when it
 * passes.
 */
export function issuePaths(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

/** A published limit: the last value that passes and the first that fails, as body changes. */
export interface LimitEdge {
  name: string;
  lastValid: Record<string, unknown>;
  firstInvalid: Record<string, unknown>;
  /** Issue path expected for the invalid body, by default the first key of `firstInvalid`. */
  path?: string;
}

/** Checks both sides of a limit edge on a valid base body. */
export function expectLimitEdge(
  schema: z.ZodType,
  base: Record<string, unknown>,
  edge: LimitEdge,
): void {
  expect(issuePaths(schema, { ...base, ...edge.lastValid }), 'last valid value').toEqual([]);
  const path = edge.path ?? Object.keys(edge.firstInvalid)[0];
  expect(issuePaths(schema, { ...base, ...edge.firstInvalid }), 'first invalid value').toContain(
    path,
  );
}

/** Returns a string of `length` characters. */
export function text(length: number): string {
  return 'x'.repeat(length);
}

/** Returns `count` copies of `item`. */
export function copies<T>(count: number, item: T): T[] {
  return Array.from({ length: count }, () => item);
}
