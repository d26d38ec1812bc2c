import { z } from 'zod';
import { idSchema } from './create-body-fields.js';
import { checkAutoscalerBounds, endpointDeploymentFields } from './endpoint-deployment-fields.js';

/**
 * Wire body of `POST /endpoint-stages`: the endpoint fields without `endpointName`, plus the
 * endpoint and the API Gateway stage name, which must be unique.
 */
export const endpointStageCreateBodySchema = z
  .strictObject({
    endpointId: idSchema,
    // NOTE: the guide's table allows 50 characters, while its example uses lowercase letters
    // and digits within 30. Only the table's limit is checked here.
    apigwStageName: z.string().min(1).max(50),
    ...endpointDeploymentFields,
  })
  .superRefine(checkAutoscalerBounds);

export type EndpointStageCreateBody = z.infer<typeof endpointStageCreateBodySchema>;
