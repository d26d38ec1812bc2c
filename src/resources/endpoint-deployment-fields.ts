import type { ParameterDescription } from './resource-description.js';

function numberField(
  name: string,
  label: string,
  hint: string,
  min: number,
  max: number,
): ParameterDescription {
  return { name, aliases: [], label, hint, optional: true, control: { type: 'number', min, max } };
}

/**
 * Form fields of the parameters that endpoints and endpoint stages share, keyed by SDK name:
 * the instance type and count, the models served, the node autoscaler and logging.
 */
export const endpointDeploymentFields = {
  description: {
    name: 'description',
    aliases: [],
    label: 'Description',
    hint: 'Up to 255 characters.',
    optional: true,
    control: { type: 'text', maxLength: 255 },
  },
  instance_type_name: {
    name: 'instance_type_name',
    aliases: ['endpoint_instance_name', 'instance_name', 'instance'],
    label: 'Instance type',
    hint: 'The instance type (flavor) of each node.',
    optional: false,
    control: { type: 'lookup', lookup: 'flavor' },
  },
  instance_count: {
    name: 'instance_count',
    aliases: ['endpoint_instance_count', 'node_count', 'nodes'],
    label: 'Instance count',
    hint: '1 to 10 nodes. Default 1.',
    optional: true,
    control: { type: 'number', min: 1, max: 10 },
  },
  endpoint_model_resource_list: {
    name: 'endpoint_model_resource_list',
    aliases: ['model_resource_list', 'resources'],
    label: 'Models',
    hint: 'One model per line, at most 10: "model=<id> cpu=<cores> memory=<512Mi|2Gi> [gpu=<count>] [autoscale=<METRIC>:<target>]". METRIC is CONCURRENCY, REQUESTS_PER_SECOND, CPU_UTILIZATION or MEMORY_UTILIZATION; the target is a whole number from 1. Model ids: /easymaker model list.',
    optional: false,
    control: {
      type: 'text',
      multiline: true,
      maxLength: 3000,
      placeholder: 'model=abc123 cpu=1.5 memory=2Gi autoscale=CONCURRENCY:10',
    },
  },
  autoscaler_enable: {
    name: 'autoscaler_enable',
    aliases: ['ca_enable'],
    label: 'Node autoscaler',
    hint: 'Adds and removes nodes with the load. Default off.',
    optional: true,
    control: { type: 'checkbox' },
  },
  autoscaler_min_node_count: numberField(
    'autoscaler_min_node_count',
    'Autoscaler min nodes',
    '1 to 10 nodes, at most the max. Default 1.',
    1,
    10,
  ),
  autoscaler_max_node_count: numberField(
    'autoscaler_max_node_count',
    'Autoscaler max nodes',
    '1 to 10 nodes, at least the min. Default 10.',
    1,
    10,
  ),
  autoscaler_scale_down_enable: {
    name: 'autoscaler_scale_down_enable',
    aliases: [],
    label: 'Autoscaler scale-down',
    hint: 'Whether the autoscaler removes unneeded nodes. Default on.',
    optional: true,
    control: {
      type: 'choice',
      choices: [
        { value: 'on', label: 'On' },
        { value: 'off', label: 'Off' },
      ],
    },
  },
  autoscaler_scale_down_util_threshold: numberField(
    'autoscaler_scale_down_util_threshold',
    'Scale-down threshold (%)',
    '1 to 100 %: a node used less than this may be removed. Default 50.',
    1,
    100,
  ),
  autoscaler_scale_down_unneeded_time: numberField(
    'autoscaler_scale_down_unneeded_time',
    'Scale-down unneeded time (min)',
    '1 to 1440 minutes a node must stay under the threshold before removal. Default 10.',
    1,
    1440,
  ),
  autoscaler_scale_down_delay_after_add: numberField(
    'autoscaler_scale_down_delay_after_add',
    'Scale-down delay after add (min)',
    '1 to 1440 minutes after a node is added before scale-down resumes. Default 10.',
    1,
    1440,
  ),
  use_log: {
    name: 'use_log',
    aliases: ['log'],
    label: 'Send logs to Log & Crash Search',
    hint: 'Needs Log & Crash Search enabled in the project.',
    optional: true,
    control: { type: 'checkbox' },
  },
} satisfies Record<string, ParameterDescription>;
