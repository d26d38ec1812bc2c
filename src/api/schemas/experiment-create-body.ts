import { z } from 'zod';

/** Wire body of `POST /experiments`. */
export const experimentCreateBodySchema = z.strictObject({
  experimentName: z.string().min(1).max(50),
  description: z.string().max(255).optional(),
});

export type ExperimentCreateBody = z.infer<typeof experimentCreateBodySchema>;
