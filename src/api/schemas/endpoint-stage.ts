import { z } from 'zod';
import { commonResourceFields } from './common-fields.js';
import { endpointModelSchema } from './endpoint-model.js';
import { flavorSchema } from './flavor.js';

/** Node autoscaler settings of a stage, which the create bodies send as the `ca*` fields. */
const autoScalerSchema = z.object({
  enable: z.boolean().nullish(),
  minNodeCount: z.number().int().nullish(),
  maxNodeCount: z.number().int().nullish(),
  scaleDownEnable: z.boolean().nullish(),
  scaleDownUtilThreshPercentage: z.number().int().nullish(),
  scaleDownUnneededMinute: z.number().int().nullish(),
  scaleDownDelayAfterAddMinute: z.number().int().nullish(),
});

/**
 * Endpoint stage (`endpointStage`, items of `endpointStageList`). Only the id, the name and the
 * status are required. The default-stage flag arrives as `isDefaultStage` or as the older
 * `defaultStage`, so both are optional: read it with `isDefaultStage(stage)`.
 *
 * Status codes: going `CREATE_REQUESTED`, `CREATE_IN_PROGRESS`, `DEPLOY_IN_PROGRESS`,
 * `DELETE_IN_PROGRESS`; success `ACTIVE`; failure `CREATE_FAILED`, `DEPLOY_FAILED`.
 */
export const endpointStageSchema = z.object({
  endpointStageId: z.string(),
  endpointStageName: z.string(),
  endpointStageStatusCode: z.string().min(1),
  endpointId: z.string().nullish(),
  /** API Gateway stage id, a UUID. */
  apigwStageId: z.string().nullish(),
  apigwStageName: z.string().nullish(),
  /** Host without scheme, such as `kr1-{apigwServiceId}.api.nhncloudservice.com`. */
  apigwStageUrl: z.string().nullish(),
  /** API Gateway deployment status, such as `COMPLETE`. */
  deployStatus: z.string().nullish(),
  logAndCrashAppKey: z.string().nullish(),
  flavor: flavorSchema.partial().nullish(),
  autoScaler: autoScalerSchema.nullish(),
  nodeCount: z.number().int().nullish(),
  podCount: z.number().int().nullish(),
  isActiveNodeGroupStatus: z.boolean().nullish(),
  isClusterLatest: z.boolean().nullish(),
  expiredDatetime: z.string().nullish(),
  endpointModelList: z.array(endpointModelSchema.partial()).nullish(),
  isDefaultStage: z.boolean().nullish(),
  defaultStage: z.boolean().nullish(),
  ...commonResourceFields,
});

export type EndpointStage = z.infer<typeof endpointStageSchema>;

/** The two spellings of the default-stage flag. */
export interface DefaultStageFlags {
  isDefaultStage?: boolean | null;
  defaultStage?: boolean | null;
}

/**
 * Tells whether a stage is the default stage of its endpoint, reading `isDefaultStage` or the
 * older `defaultStage`: either one set to `true` is enough.
 */
export function isDefaultStage(stage: DefaultStageFlags): boolean {
  return stage.isDefaultStage === true || stage.defaultStage === true;
}
