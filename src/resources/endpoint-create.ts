import { z } from 'zod';
import type { Endpoint } from '../api/schemas/endpoint.js';
import { endpointCreateBodySchema } from '../api/schemas/endpoint-create-body.js';
import { endpointDeploymentFields as deployment } from './endpoint-deployment-fields.js';
import {
  buildDeploymentBody,
  checkDeploymentParameters,
  endpointDeploymentShape,
  summarizeDeployment,
} from './endpoint-deployment-parameters.js';
import { requiredText } from './field-schemas.js';
import type { CreateDescription, ParameterDescription } from './resource-description.js';
import { withProductScaleMetrics } from './scale-metric-body-schema.js';

/** Typed parameters of `Endpoint().create`, parsed from modal fields or inline arguments. */
export const endpointParametersSchema = z.object({
  endpoint_name: requiredText(50),
  ...endpointDeploymentShape,
});

export type EndpointParameters = z.infer<typeof endpointParametersSchema>;

/** The parameters of `Endpoint().create` in form order, with the published ranges. */
export const endpointParameters: readonly ParameterDescription[] = [
  {
    name: 'endpoint_name',
    aliases: ['name'],
    label: 'Endpoint name',
    hint: 'Up to 50 characters, unique in the project.',
    optional: false,
    control: { type: 'text', maxLength: 50, placeholder: 'mnist-serving' },
  },
  deployment.description,
  deployment.instance_type_name,
  deployment.instance_count,
  deployment.endpoint_model_resource_list,
  deployment.autoscaler_enable,
  deployment.autoscaler_min_node_count,
  deployment.autoscaler_max_node_count,
  deployment.autoscaler_scale_down_enable,
  deployment.autoscaler_scale_down_util_threshold,
  deployment.autoscaler_scale_down_unneeded_time,
  deployment.autoscaler_scale_down_delay_after_add,
  deployment.use_log,
];

/**
 * `Endpoint().create` from Slack: the form, the checks and the body of `POST /endpoints`, which
 * also creates the default stage serving the listed models.
 */
export const endpointCreate: CreateDescription<Endpoint, EndpointParameters> = {
  verb: 'create',
  parameters: endpointParameters,
  parametersSchema: endpointParametersSchema,
  bodySchema: withProductScaleMetrics(endpointCreateBodySchema),
  checkParameters: checkDeploymentParameters,
  references: [{ parameter: 'instance_type_name', lookup: 'flavor' }],
  formLookups: ['flavor'],
  nameOfParameters: (parameters) => parameters.endpoint_name,
  buildCreateBody: (parameters, resolved) => ({
    endpointName: parameters.endpoint_name,
    ...buildDeploymentBody(parameters, resolved),
  }),
  summarizeParameters: summarizeDeployment,
};
