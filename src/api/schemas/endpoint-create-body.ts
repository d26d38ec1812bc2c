import { z } from 'zod';
import { resourceNameSchema } from './create-body-fields.js';
import { checkAutoscalerBounds, endpointDeploymentFields } from './endpoint-deployment-fields.js';

/**
 * Wire body of `POST /endpoints`, which creates the endpoint, an API Gateway service and the
 * default stage with 1 to 10 stage resources. Endpoint names are unique.
 */
export const endpointCreateBodySchema = z
  .strictObject({
    endpointName: resourceNameSchema,
    ...endpointDeploymentFields,
  })
  .superRefine(checkAutoscalerBounds);

export type EndpointCreateBody = z.infer<typeof endpointCreateBodySchema>;
