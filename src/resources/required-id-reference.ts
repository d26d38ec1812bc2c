import { z } from 'zod';

export interface IdFormat {
  pattern: RegExp;
  /** Message when the id does not match, such as "must be a Slack file id like F0123ABCD". */
  message: string;
}

/**
 * Parses a required reference by id: `{ id }` from a modal select or file input, or the id typed
 * inline. Names are not looked up, because the SDK parameter takes an id.
 */
export function requiredIdReference(maxLength: number, format?: IdFormat) {
  const text = z
    .string()
    .trim()
    .min(1, 'is required')
    .max(maxLength, `must be at most ${maxLength} characters`);
  const id = format === undefined ? text : text.regex(format.pattern, format.message);
  return z.preprocess(
    (value) => {
      if (typeof value !== 'string') {
        return value;
      }
      return value.trim() === '' ? undefined : { id: value.trim() };
    },
    z.object(
      { id },
      { error: (issue) => (issue.input === undefined ? 'is required' : 'must be an id') },
    ),
  );
}
