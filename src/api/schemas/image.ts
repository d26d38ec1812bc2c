import { z } from 'zod';
import { commonResourceFields } from './common-fields.js';

/** Container image (`GET /images`, item of `imageList`); `imageName` is the user-facing name. */
export const imageSchema = z.object({
  imageId: z.string(),
  imageName: z.string(),
  imageTypeCode: z.string().nullish(),
  coreTypeCode: z.string().nullish(),
  frameworkCode: z.string().nullish(),
  frameworkVersion: z.string().nullish(),
  pythonVersion: z.string().nullish(),
  groupTypeCode: z.string().nullish(),
  ...commonResourceFields,
});

export type Image = z.infer<typeof imageSchema>;
