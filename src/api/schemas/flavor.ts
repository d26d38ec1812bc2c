import { z } from 'zod';

/**
 * Instance type (`GET /flavors`, item of `flavorList`). List items may be sparse, so only `id`
 * (a UUID, sent as `flavorId`) and `name` (e.g. `m2.c4m8`) are required.
 */
export const flavorSchema = z.object({
  id: z.string(),
  name: z.string(),
  vcpus: z.number().int().nullish(),
  /** Memory in MB. */
  ram: z.number().nullish(),
  // NOTE: the unit of `disk` is not published.
  disk: z.number().nullish(),
  gpuFlavor: z.boolean().nullish(),
  gpuCount: z.number().int().nullish(),
  /** GPU memory in GB. */
  gpuMemory: z.number().nullish(),
});

export type Flavor = z.infer<typeof flavorSchema>;
