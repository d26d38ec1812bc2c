import { z } from 'zod';

/**
 * Parsers of the pipeline run fields that `field-schemas.ts` does not cover: pipeline input
 * parameters, NAS mounts and sizes without a published upper bound.
 */

export interface PipelineParameter {
  name: string;
  value: string;
}

export interface NasMount {
  mountDir: string;
  uri: string;
}

const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Parses a whole number of `min` or more, because no upper bound is published for these fields. */
export function integerAtLeast(min: number, unit: string) {
  const message = `must be a whole number, at least ${min} ${unit}`;
  return z.preprocess(
    (value) => {
      const text = emptyToUndefined(value);
      if (typeof text !== 'string') {
        return text;
      }
      return /^[+-]?\d{1,15}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
    },
    z
      .number({ error: (issue) => (issue.input === undefined ? 'is required' : message) })
      .int(message)
      .min(min, message),
  );
}

/**
 * Pipeline input parameters, one `name=value` per line. Lines are the only separator, because
 * values of list and struct parameters are JSON text with commas. The first `=` splits name from
 * value, and a value may be empty. Names are up to 255 characters, values up to 1000.
 */
export const pipelineParameterListSchema = z
  .preprocess(emptyToUndefined, z.string().optional())
  .transform((text, context): PipelineParameter[] => {
    const lines = (text ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const parameters: PipelineParameter[] = [];
    for (const line of lines) {
      const problem = describeParameterProblem(line, parameters);
      if (problem !== undefined) {
        context.addIssue({ code: 'custom', message: problem });
        return z.NEVER;
      }
      const separator = line.indexOf('=');
      parameters.push({
        name: line.slice(0, separator).trim(),
        value: line.slice(separator + 1).trim(),
      });
    }
    return parameters;
  });

function describeParameterProblem(
  line: string,
  earlier: readonly PipelineParameter[],
): string | undefined {
  const separator = line.indexOf('=');
  const name = line.slice(0, separator).trim();
  if (separator <= 0 || name === '') {
    return `entry "${shorten(line)}" must have the form name=value`;
  }
  if (name.length > 255) {
    return `name "${shorten(name)}" must be at most 255 characters`;
  }
  if (line.slice(separator + 1).trim().length > 1000) {
    return `value of "${shorten(name)}" must be at most 1000 characters`;
  }
  if (earlier.some((parameter) => parameter.name === name)) {
    return `parameter "${shorten(name)}" is given twice`;
  }
  return undefined;
}

const NAS_URI = /^nas:\/\/[^\s:/]+:\/\S*$/;

/**
 * NAS volumes to mount, one `mount_dir=nas://{NAS ID}:/{path}` per line or separated by commas:
 * at most 10, mount directory names up to 64 characters, URIs up to 255.
 */
export const nasListSchema = z
  .preprocess(emptyToUndefined, z.string().optional())
  .transform((text, context): NasMount[] => {
    const entries = (text ?? '')
      .split(/\r?\n|,/)
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    if (entries.length > 10) {
      context.addIssue({
        code: 'custom',
        message: `must have at most 10 entries (got ${entries.length})`,
      });
      return z.NEVER;
    }
    const mounts: NasMount[] = [];
    for (const entry of entries) {
      const problem = describeNasProblem(entry, mounts);
      if (problem !== undefined) {
        context.addIssue({ code: 'custom', message: problem });
        return z.NEVER;
      }
      const separator = entry.indexOf('=');
      mounts.push({
        mountDir: entry.slice(0, separator).trim(),
        uri: entry.slice(separator + 1).trim(),
      });
    }
    return mounts;
  });

function describeNasProblem(entry: string, earlier: readonly NasMount[]): string | undefined {
  const separator = entry.indexOf('=');
  const mountDir = entry.slice(0, separator).trim();
  const uri = entry.slice(separator + 1).trim();
  if (separator <= 0 || mountDir === '' || uri === '') {
    return `entry "${shorten(entry)}" must have the form mount_dir=nas://{NAS ID}:/{path}`;
  }
  if (mountDir.length > 64) {
    return `mount directory "${shorten(mountDir)}" must be at most 64 characters`;
  }
  if (uri.length > 255) {
    return `URI of "${shorten(mountDir)}" must be at most 255 characters`;
  }
  if (!NAS_URI.test(uri)) {
    return `URI of "${shorten(mountDir)}" must have the form nas://{NAS ID}:/{path}`;
  }
  if (earlier.some((mount) => mount.mountDir === mountDir)) {
    return `mount directory "${shorten(mountDir)}" is given twice`;
  }
  return undefined;
}
