import { z } from 'zod';

/**
 * An optional reference by id: `{ id }` from a modal select, or the id typed inline, taken as
 * given. Ids are at most 36 characters.
 */
export function idReference() {
  return z.preprocess(
    (value) =>
      typeof value === 'string' ? (value.trim() === '' ? undefined : { id: value.trim() }) : value,
    z.object({ id: z.string().min(1).max(36, 'must be at most 36 characters') }).optional(),
  );
}
