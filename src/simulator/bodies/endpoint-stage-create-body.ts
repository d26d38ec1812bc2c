import type { z } from 'zod';
import { objectOf, requiredString } from '../validation.js';
import { checkDeploymentFields, deploymentFields } from './endpoint-create-body.js';

/*
 * Body of `POST /endpoint-stages`: the deployment fields of an endpoint plus the endpoint and
 * the API Gateway stage name.
 * NOTE: the guide's table allows stage names of 50 characters but its example requires
 * lowercase letters and digits within 30; the simulator applies the stricter rule.
 */
export const endpointStageCreateBodySchema = objectOf({
  endpointId: requiredString(36),
  apigwStageName: requiredString(30).regex(/^[a-z0-9]+$/, {
    error: 'must contain only lowercase letters and digits',
  }),
  ...deploymentFields,
}).superRefine(checkDeploymentFields);

export type EndpointStageCreateBody = z.infer<typeof endpointStageCreateBodySchema>;
