import { z } from 'zod';

/** Boot or data storage of a resource (`bootStorage`, items of `dataStorageList`). */
export const storageSchema = z.object({
  /** Size in GB. */
  storageSize: z.number().int().nullish(),
});

export type Storage = z.infer<typeof storageSchema>;
