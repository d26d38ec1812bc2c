import { z } from 'zod';

/** Fields that any EasyMaker resource object may carry. */
export const commonResourceFields = {
  description: z.string().nullish(),
  appKey: z.string().nullish(),
  /** ISO 8601 with offset, e.g. `2025-05-28T13:44:46+09:00`. */
  createdDatetime: z.string().nullish(),
};
