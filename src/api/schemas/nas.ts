import { z } from 'zod';

/** NAS volume mounted into the pipeline pods (items of `nasList` in responses). */
export const nasSchema = z.object({
  mountDirName: z.string().nullish(),
  /** `nas://{NAS ID}:/{path}`. */
  nasUri: z.string().nullish(),
});

export type Nas = z.infer<typeof nasSchema>;
