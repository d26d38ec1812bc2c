import { z } from 'zod';

/**
 * zod schemas that turn the raw text of a modal field or an inline `key=value` argument into a
 * typed parameter. Every message states the published range, because it is shown to the user
 * next to the field or in the ephemeral error.
 */

/** A value chosen in a modal select (an id), or a name typed inline and resolved later. */
export type Reference = { id: string } | { name: string };

/** Raw input of one field: text, a select's id, a checkbox state, or nothing. */
export type RawValue = string | boolean | { id: string } | undefined;

const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const requiredMessage = (range: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? 'is required' : range;

function trimmedText(maxLength: number) {
  return z
    .string({ error: requiredMessage('must be text') })
    .trim()
    .max(maxLength, `must be at most ${maxLength} characters`);
}

export function requiredText(maxLength: number) {
  return z.preprocess(emptyToUndefined, trimmedText(maxLength).min(1, 'is required'));
}

export function optionalText(maxLength: number) {
  return z.preprocess(emptyToUndefined, trimmedText(maxLength).optional());
}

const URI_PATTERN = /^(obs|nas):\/\/\S+$/;

/** A storage URI: `obs://...` for Object Storage or `nas://{id}:/{path}` for NAS. */
export function uri(maxLength = 255) {
  return trimmedText(maxLength).regex(URI_PATTERN, 'must start with obs:// or nas://');
}

export function requiredUri(maxLength = 255) {
  return z.preprocess(emptyToUndefined, uri(maxLength));
}

export function optionalUri(maxLength = 255) {
  return z.preprocess(emptyToUndefined, uri(maxLength).optional());
}

/** A whole number within `[min, max]`, typed as text; `unit` is appended to the message. */
export function integer(min: number, max: number, unit = '') {
  const range = `must be a whole number from ${min} to ${max}${unit ? ` ${unit}` : ''}`;
  return z.preprocess(
    (value) => {
      const text = emptyToUndefined(value);
      if (typeof text !== 'string') {
        return text;
      }
      return /^[+-]?\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
    },
    z
      .number({ error: requiredMessage(range) })
      .int(range)
      .min(min, range)
      .max(max, range),
  );
}

export function optionalInteger(min: number, max: number, unit = '') {
  return integer(min, max, unit).optional();
}

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0']);

/** A yes/no flag from a checkbox or from `true`/`false`/`yes`/`no` text; absent means false. */
export function flag() {
  return z.preprocess(
    (value) => {
      if (typeof value !== 'string') {
        return value ?? false;
      }
      const word = value.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      return value;
    },
    z.boolean({ error: 'must be true or false' }),
  );
}

/** A live lookup: an id from a select, or a name typed inline. */
export function reference(maxNameLength: number) {
  return z.preprocess(
    emptyToUndefined,
    z
      .union([
        z.object({ id: z.string().min(1) }),
        z
          .string()
          .trim()
          .max(maxNameLength, `must be at most ${maxNameLength} characters`)
          .transform((name): Reference => ({ name })),
      ])
      .optional(),
  ) as z.ZodType<Reference | undefined>;
}

export interface PairListLimits {
  maxItems: number;
  keyName: string;
  keyMaxLength: number;
  valueName: string;
  valueMaxLength: number;
}

export interface Pair {
  key: string;
  value: string;
}

/**
 * Parses a list of `key=value` entries. The first `=` splits key from value, so values may
 * contain `=`. Entries are one per line when the text has line breaks (the form). Otherwise `;`
 * separates them when present, else commas, so a value may contain commas in the form or with `;`.
 */
export function pairList(limits: PairListLimits) {
  return z
    .preprocess(emptyToUndefined, z.string().optional())
    .transform((text, context): Pair[] => {
      if (text === undefined) {
        return [];
      }
      const entrySeparator = /\r?\n/.test(text) ? /\r?\n/ : text.includes(';') ? ';' : ',';
      const entries = text
        .split(entrySeparator)
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');
      if (entries.length > limits.maxItems) {
        context.addIssue({
          code: 'custom',
          message: `must have at most ${limits.maxItems} entries (got ${entries.length})`,
        });
        return z.NEVER;
      }
      const pairs: Pair[] = [];
      for (const entry of entries) {
        const separator = entry.indexOf('=');
        const key = separator === -1 ? entry : entry.slice(0, separator).trim();
        const value = separator === -1 ? '' : entry.slice(separator + 1).trim();
        if (separator <= 0 || value === '') {
          context.addIssue({
            code: 'custom',
            message: `entry "${shorten(entry)}" must have the form ${limits.keyName}=${limits.valueName}`,
          });
          return z.NEVER;
        }
        if (key.length > limits.keyMaxLength) {
          context.addIssue({
            code: 'custom',
            message: `${limits.keyName} "${shorten(key)}" must be at most ${limits.keyMaxLength} characters`,
          });
          return z.NEVER;
        }
        if (value.length > limits.valueMaxLength) {
          context.addIssue({
            code: 'custom',
            message: `${limits.valueName} of "${shorten(key)}" must be at most ${limits.valueMaxLength} characters`,
          });
          return z.NEVER;
        }
        pairs.push({ key, value });
      }
      return pairs;
    });
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** An optional decimal number typed as text, such as `0.95` or `-1e-3`. */
export function optionalDecimal() {
  return z.preprocess((value) => {
    const text = emptyToUndefined(value);
    if (typeof text !== 'string') {
      return text;
    }
    return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text.trim())
      ? Number(text.trim())
      : Number.NaN;
  }, z.number({ error: 'must be a number' }).optional());
}

/** One of a fixed set of codes; typed text is compared without regard to case. */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  const message = `must be one of ${values.join(', ')}`;
  return z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toUpperCase() || undefined : value),
    z.enum(values, { error: (issue) => (issue.input === undefined ? 'is required' : message) }),
  );
}
