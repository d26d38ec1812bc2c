import { z } from 'zod';
import { type ModelResource, modelResourceListSchema } from './endpoint-model-resource-list.js';
import { flag, integer, optionalText, type Reference, reference } from './field-schemas.js';
import type {
  FieldIssue,
  LookupItem,
  ResolvedReferences,
  SummaryField,
  ValidationContext,
} from './resource-description.js';

/** Parses a flag that is on unless turned off, like the SDK's `autoscaler_scale_down_enable`. */
function flagDefaultOn() {
  return z.preprocess(
    (value) =>
      value === undefined || (typeof value === 'string' && value.trim() === '') ? true : value,
    flag(),
  );
}

// NOTE: the ranges of the node autoscaler are not published. Node counts follow the instance
// count (1 to 10), the threshold is a percentage from 1, and times are 1 to 1440 minutes (a day).
/** Parameters that `Endpoint().create` and `EndpointStage().create` share, with SDK defaults. */
export const endpointDeploymentShape = {
  description: optionalText(255),
  instance_type_name: reference(255).refine((value) => value !== undefined, 'is required'),
  instance_count: integer(1, 10).default(1),
  endpoint_model_resource_list: modelResourceListSchema,
  autoscaler_enable: flag(),
  autoscaler_min_node_count: integer(1, 10).default(1),
  autoscaler_max_node_count: integer(1, 10).default(10),
  autoscaler_scale_down_enable: flagDefaultOn(),
  autoscaler_scale_down_util_threshold: integer(1, 100, '%').default(50),
  autoscaler_scale_down_unneeded_time: integer(1, 1440, 'minutes').default(10),
  autoscaler_scale_down_delay_after_add: integer(1, 1440, 'minutes').default(10),
  use_log: flag(),
};

const endpointDeploymentObject = z.object(endpointDeploymentShape);
export type EndpointDeploymentParameters = z.infer<typeof endpointDeploymentObject>;

/** Rules across the shared fields and the checks that need the chosen instance type. */
export function checkDeploymentParameters(
  parameters: EndpointDeploymentParameters,
  context: ValidationContext,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (parameters.endpoint_model_resource_list.length === 0) {
    issues.push({
      parameter: 'endpoint_model_resource_list',
      message: 'is required: add a line model=<id> cpu=<cores> memory=<quantity>',
    });
  }
  if (parameters.autoscaler_min_node_count > parameters.autoscaler_max_node_count) {
    issues.push({
      parameter: 'autoscaler_min_node_count',
      message: `must not be above autoscaler_max_node_count (got ${parameters.autoscaler_min_node_count} > ${parameters.autoscaler_max_node_count})`,
    });
  }
  const flavor = findChosenFlavor(parameters.instance_type_name, context);
  if (flavor !== undefined) {
    const oversized = parameters.endpoint_model_resource_list
      .map((resource) => oversizeOf(resource, flavor))
      .find((message) => message !== undefined);
    if (oversized !== undefined) {
      issues.push({ parameter: 'endpoint_model_resource_list', message: oversized });
    }
  }
  return issues;
}

/** Says which CPU or GPU request of one model exceeds one node of the flavor, if any. */
function oversizeOf(resource: ModelResource, flavor: LookupItem): string | undefined {
  const model = `model ${resource.modelId}`;
  if (flavor.vcpus !== undefined && Number(resource.cpu) > flavor.vcpus) {
    return `${model}: cpu ${resource.cpu} is more than the ${flavor.vcpus} vCPUs of ${flavor.name}`;
  }
  const gpus = resource.gpu === undefined ? 0 : Number(resource.gpu);
  if (gpus > 0 && gpus > (flavor.gpuCount ?? 0)) {
    return `${model}: gpu ${resource.gpu} is more than the ${flavor.gpuCount ?? 0} GPUs of ${flavor.name}`;
  }
  return undefined;
}

function findChosenFlavor(choice: Reference | undefined, context: ValidationContext) {
  if (choice === undefined) {
    return undefined;
  }
  return context.lookups?.flavor?.find((flavor) =>
    'id' in choice ? flavor.id === choice.id : flavor.name === choice.name,
  );
}

/** Builds the wire fields of the shared parameters, sending every `ca*` field as the SDK does. */
export function buildDeploymentBody(
  parameters: EndpointDeploymentParameters,
  resolved: ResolvedReferences,
): Record<string, unknown> {
  return {
    description: parameters.description,
    flavorId: resolved.instance_type_name?.id,
    nodeCount: parameters.instance_count,
    endpointModelResourceList: parameters.endpoint_model_resource_list.map((resource) => ({
      modelId: resource.modelId,
      resourceOptionDetail: {
        cpu: resource.cpu,
        memory: resource.memory,
        ...(resource.gpu === undefined ? {} : { gpu: resource.gpu }),
      },
      podAutoScaleEnable: resource.autoscale !== undefined,
      ...(resource.autoscale === undefined
        ? {}
        : {
            scaleMetricCode: resource.autoscale.metric,
            scaleMetricTarget: resource.autoscale.target,
          }),
    })),
    caEnable: parameters.autoscaler_enable,
    caMinNodeCount: parameters.autoscaler_min_node_count,
    caMaxNodeCount: parameters.autoscaler_max_node_count,
    caScaleDownEnable: parameters.autoscaler_scale_down_enable,
    caScaleDownUtilThresh: parameters.autoscaler_scale_down_util_threshold,
    caScaleDownUnneededTime: parameters.autoscaler_scale_down_unneeded_time,
    caScaleDownDelayAfterAdd: parameters.autoscaler_scale_down_delay_after_add,
    useLog: parameters.use_log,
  };
}

/** Key shared parameters for the parent message. */
export function summarizeDeployment(
  parameters: EndpointDeploymentParameters,
  resolved: ResolvedReferences,
): SummaryField[] {
  const models = parameters.endpoint_model_resource_list
    .map((resource) => `${resource.modelId} (${resource.cpu} CPU, ${resource.memory})`)
    .join(', ');
  const autoscaler = parameters.autoscaler_enable
    ? `on, ${parameters.autoscaler_min_node_count} to ${parameters.autoscaler_max_node_count} nodes`
    : 'off';
  return [
    {
      label: 'Instance',
      value: `${resolved.instance_type_name?.name ?? '-'} x ${parameters.instance_count}`,
    },
    { label: 'Models', value: models || '-' },
    { label: 'Node autoscaler', value: autoscaler },
  ];
}
