import { z } from 'zod';
import type { EndpointStage } from '../api/schemas/endpoint-stage.js';
import { endpointStageCreateBodySchema } from '../api/schemas/endpoint-stage-create-body.js';
import { endpointDeploymentFields as deployment } from './endpoint-deployment-fields.js';
import {
  buildDeploymentBody,
  checkDeploymentParameters,
  endpointDeploymentShape,
  summarizeDeployment,
} from './endpoint-deployment-parameters.js';
import { requiredText } from './field-schemas.js';
import { idReference } from './id-reference.js';
import type { CreateDescription, ParameterDescription } from './resource-description.js';
import { withProductScaleMetrics } from './scale-metric-body-schema.js';

// NOTE: the guide's table allows stage names of 50 characters, while its example uses
// lowercase letters and digits within 30; the stricter rule is applied so that either holds.
const STAGE_NAME_MAX = 30;

/** Typed parameters of `EndpointStage().create`, parsed from modal fields or inline arguments. */
export const endpointStageParametersSchema = z.object({
  endpoint_id: idReference().refine((value) => value !== undefined, 'is required'),
  stage_name: requiredText(STAGE_NAME_MAX).refine(
    (name) => /^[a-z0-9]+$/.test(name),
    'must contain only lowercase letters and digits',
  ),
  ...endpointDeploymentShape,
});

export type EndpointStageParameters = z.infer<typeof endpointStageParametersSchema>;

/** The parameters of `EndpointStage().create` in form order, with the published ranges. */
export const endpointStageParameters: readonly ParameterDescription[] = [
  {
    name: 'endpoint_id',
    aliases: ['endpoint'],
    label: 'Endpoint',
    hint: 'The endpoint that gets the stage.',
    optional: false,
    control: { type: 'lookup', lookup: 'endpoint' },
  },
  {
    name: 'stage_name',
    aliases: ['name', 'apigw_stage_name'],
    label: 'Stage name',
    hint: `Lowercase letters and digits, up to ${STAGE_NAME_MAX} characters, unique in the endpoint.`,
    optional: false,
    control: { type: 'text', maxLength: STAGE_NAME_MAX, placeholder: 'canary' },
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
 * `EndpointStage().create` from Slack: the form, the checks and the body of
 * `POST /endpoint-stages`.
 */
export const endpointStageCreate: CreateDescription<EndpointStage, EndpointStageParameters> = {
  verb: 'add',
  parameters: endpointStageParameters,
  parametersSchema: endpointStageParametersSchema,
  bodySchema: withProductScaleMetrics(endpointStageCreateBodySchema),
  checkParameters: checkDeploymentParameters,
  references: [
    { parameter: 'endpoint_id', lookup: 'endpoint' },
    { parameter: 'instance_type_name', lookup: 'flavor' },
  ],
  formLookups: ['endpoint', 'flavor'],
  nameOfParameters: (parameters) => parameters.stage_name,
  buildCreateBody: (parameters, resolved) => ({
    endpointId: resolved.endpoint_id?.id,
    apigwStageName: parameters.stage_name,
    ...buildDeploymentBody(parameters, resolved),
  }),
  summarizeParameters: (parameters, resolved) => [
    { label: 'Endpoint', value: resolved.endpoint_id?.name ?? parameters.endpoint_id?.id ?? '-' },
    ...summarizeDeployment(parameters, resolved),
  ],
};
