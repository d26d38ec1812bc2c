import { z } from 'zod';

/**
 * Returns the schema of an optional reference by id: `{ id }` from a modal select, or the id typed inline, taken as
 * given. Ids are at most 36 characters.
 */
export function idReference() {
  return z.preprocess((value) => {
    if (typeof value !== 'string') {
      return value;
    }
    const id = value.trim();
    return id === '' ? undefined : { id };
  }, z.object({ id: z.string().min(1).max(36, 'must be at most 36 characters') }).optional());
}
