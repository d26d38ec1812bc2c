import { z } from 'zod';
import { integer, optionalText } from './field-schemas.js';
import { jobParameterFields as job } from './job-parameter-fields.js';
import { jobParametersShape } from './job-parameters.js';
import {
  integerAtLeast,
  nasListSchema,
  type PipelineParameter,
  pipelineParameterListSchema,
} from './pipeline-run-fields.js';
import { requiredIdReference } from './required-id-reference.js';
import type {
  FieldIssue,
  LookupKind,
  ParameterDescription,
  ReferenceDescription,
  ResolvedReferences,
  SummaryField,
  ValidationContext,
} from './resource-description.js';

/**
 * Parameters that pipeline runs and recurring runs share (SDK 2.x names): the pipeline, the
 * experiment, the instances, the boot disk, input parameters and NAS mounts.
 */

export const pipelineRunShape = {
  description: optionalText(255),
  pipeline_id: requiredIdReference(36),
  experiment_id: jobParametersShape.experiment_id,
  experiment_name: jobParametersShape.experiment_name,
  instance_type_name: jobParametersShape.instance_type_name,
  instance_count: integer(1, 10).default(1),
  boot_storage_size: integerAtLeast(50, 'GB'),
  parameter_list: pipelineParameterListSchema,
  nas_list: nasListSchema,
};

const pipelineRunShapeObject = z.object(pipelineRunShape);
export type PipelineRunCommonParameters = z.infer<typeof pipelineRunShapeObject>;

/** Form fields after the name, in form order. */
export const pipelineRunFields: readonly ParameterDescription[] = [
  {
    name: 'description',
    aliases: [],
    label: 'Description',
    hint: 'Up to 255 characters.',
    optional: true,
    control: { type: 'text', maxLength: 255 },
  },
  {
    name: 'pipeline_id',
    aliases: ['pipeline'],
    label: 'Pipeline',
    hint: 'An ACTIVE pipeline. Inline, give the pipeline id.',
    optional: false,
    control: { type: 'lookup', lookup: 'pipeline' },
  },
  job.experiment_id,
  job.experiment_name,
  { ...job.instance_type_name, hint: 'The instance type (flavor) the pipeline runs on.' },
  {
    name: 'instance_count',
    aliases: ['instances'],
    label: 'Instance count',
    hint: '1 to 10 instances. Default 1.',
    optional: true,
    control: { type: 'number', min: 1, max: 10 },
  },
  {
    name: 'boot_storage_size',
    aliases: ['boot_storage'],
    label: 'Boot storage size (GB)',
    hint: '50 GB or more.',
    optional: false,
    // No upper bound is published; the form does not show one.
    control: { type: 'number', min: 50, max: Number.MAX_SAFE_INTEGER },
  },
  {
    name: 'parameter_list',
    aliases: ['parameters'],
    label: 'Pipeline parameters',
    hint: 'One name=value per line; lists and structs as JSON. Name up to 255 characters, value up to 1000.',
    optional: true,
    control: { type: 'text', multiline: true, maxLength: 3000, placeholder: 'epochs=10' },
  },
  {
    name: 'nas_list',
    aliases: ['nas'],
    label: 'NAS mounts',
    hint: 'One mount_dir=nas://{NAS ID}:/{path} per line, at most 10. Directory up to 64 characters, URI up to 255.',
    optional: true,
    control: {
      type: 'text',
      multiline: true,
      maxLength: 3000,
      placeholder: 'data=nas://nas-id:/datasets',
    },
  },
];

export const pipelineRunReferences: readonly ReferenceDescription[] = [
  { parameter: 'pipeline_id', lookup: 'pipeline' },
  { parameter: 'experiment_id', lookup: 'experiment' },
  { parameter: 'experiment_name', lookup: 'experiment', createIfMissing: true },
  { parameter: 'instance_type_name', lookup: 'flavor' },
];

export const pipelineRunFormLookups: readonly LookupKind[] = ['pipeline', 'experiment', 'flavor'];

/** Requires one experiment: an existing one, a new name, or the configured default. */
export function checkPipelineRunParameters(
  parameters: PipelineRunCommonParameters,
  context: ValidationContext,
): FieldIssue[] {
  if (parameters.experiment_id !== undefined && parameters.experiment_name !== undefined) {
    return [
      {
        parameter: 'experiment_name',
        message: 'choose an existing experiment or name a new one, not both',
      },
    ];
  }
  const hasExperiment =
    parameters.experiment_id !== undefined || parameters.experiment_name !== undefined;
  if (!hasExperiment && context.defaultExperimentId === undefined) {
    return [
      {
        parameter: 'experiment_id',
        message: 'is required: choose an experiment, or name a new one in experiment_name',
      },
    ];
  }
  return [];
}

function toParameterList(parameters: readonly PipelineParameter[]) {
  return parameters.map((parameter) => ({
    parameterName: parameter.name,
    parameterValue: parameter.value,
  }));
}

/**
 * Builds the wire fields of `POST /pipeline-runs` that runs and recurring runs share, without the
 * name.
 */
export function buildPipelineRunBody(
  parameters: PipelineRunCommonParameters,
  resolved: ResolvedReferences,
  context: ValidationContext,
): Record<string, unknown> {
  return {
    description: parameters.description,
    pipelineId: resolved.pipeline_id?.id,
    experimentId:
      resolved.experiment_id?.id ?? resolved.experiment_name?.id ?? context.defaultExperimentId,
    flavorId: resolved.instance_type_name?.id,
    instanceCount: parameters.instance_count,
    bootStorageSize: parameters.boot_storage_size,
    parameterList: toParameterList(parameters.parameter_list),
    nasList: parameters.nas_list.map((mount) => ({
      mountDirName: mount.mountDir,
      nasUri: mount.uri,
    })),
  };
}

/** Summarizes the shared parameters for the parent message. */
export function summarizePipelineRun(
  parameters: PipelineRunCommonParameters,
  resolved: ResolvedReferences,
): SummaryField[] {
  const experiment = resolved.experiment_id ?? resolved.experiment_name;
  return [
    { label: 'Pipeline', value: resolved.pipeline_id?.name ?? parameters.pipeline_id.id },
    { label: 'Experiment', value: experiment?.name ?? parameters.experiment_name ?? '-' },
    {
      label: 'Instance',
      value: `${resolved.instance_type_name?.name ?? '-'} x ${parameters.instance_count}`,
    },
    { label: 'Boot storage', value: `${parameters.boot_storage_size} GB` },
    { label: 'Parameters', value: String(parameters.parameter_list.length) },
  ];
}
