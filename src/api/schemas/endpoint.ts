import { z } from 'zod';
import { commonResourceFields } from './common-fields.js';
import { endpointStageSchema } from './endpoint-stage.js';
import { imageSchema } from './image.js';
import { storageSchema } from './storage.js';

/**
 * Endpoint (`endpoint`, items of `endpointList`), which owns an API Gateway service and its
 * stages. Only the id, the name and the status are required.
 *
 * Status codes: going `CREATE_REQUESTED`, `CREATE_IN_PROGRESS`, `UPDATE_IN_PROGRESS` (a stage
 * is busy), `DELETE_IN_PROGRESS`; success `ACTIVE`; failure `CREATE_FAILED`, `UPDATE_FAILED`.
 */
export const endpointSchema = z.object({
  endpointId: z.string(),
  endpointName: z.string(),
  endpointStatusCode: z.string().min(1),
  apigwAppKey: z.string().nullish(),
  /** Upper case, such as `KR1`. */
  apigwRegion: z.string().nullish(),
  apigwServiceId: z.string().nullish(),
  image: imageSchema.partial().nullish(),
  bootStorage: storageSchema.nullish(),
  dataStorageList: z.array(storageSchema).nullish(),
  endpointStageList: z.array(endpointStageSchema.partial()).nullish(),
  ...commonResourceFields,
});

export type Endpoint = z.infer<typeof endpointSchema>;
