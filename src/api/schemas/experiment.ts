import { z } from 'zod';
import { commonResourceFields } from './common-fields.js';

/**
 * Experiment (`experiment`, items of `experimentList`). Status codes: `CREATE_REQUESTED`,
 * `CREATE_IN_PROGRESS`, `ACTIVE` (usable), `CREATE_FAILED`.
 */
export const experimentSchema = z.object({
  experimentId: z.string(),
  experimentName: z.string(),
  experimentStatusCode: z.string().min(1),
  tensorboardAccessUri: z.string().nullish(),
  ...commonResourceFields,
});

export type Experiment = z.infer<typeof experimentSchema>;
