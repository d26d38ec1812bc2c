import { z } from 'zod';
import { commonResourceFields } from './common-fields.js';
import { modelSchema } from './model.js';

/** API Gateway stage that serves a stage resource. */
const servingStageSchema = z.object({
  stageId: z.string().nullish(),
  deployStatus: z.string().nullish(),
  stageUrl: z.string().nullish(),
});

/**
 * Stage resource, the deployment of one model on an endpoint stage (`endpointModel`, items of
 * `endpointModelList`). It has no name field of its own, so only the id and the status are
 * required. The model's name is in `model.modelName`.
 *
 * Status codes: going `CREATE_REQUESTED`, `CREATE_IN_PROGRESS`, `DELETE_IN_PROGRESS`; success
 * `ACTIVE`; failure `CREATE_FAILED`.
 */
export const endpointModelSchema = z.object({
  endpointModelId: z.string(),
  endpointModelStatusCode: z.string().min(1),
  endpointId: z.string().nullish(),
  endpointStageId: z.string().nullish(),
  modelId: z.string().nullish(),
  imageId: z.string().nullish(),
  model: modelSchema.partial().nullish(),
  stage: servingStageSchema.nullish(),
  podCount: z.number().int().nullish(),
  runningPodCount: z.number().int().nullish(),
  /** Path of this resource on the stage URL, such as `/mnist/v1/models/mnist/predict`. */
  apigwResourceUri: z.string().nullish(),
  apigwEndpointUri: z.string().nullish(),
  ...commonResourceFields,
});

export type EndpointModel = z.infer<typeof endpointModelSchema>;
