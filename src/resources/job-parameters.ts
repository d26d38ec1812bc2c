import { z } from 'zod';
import {
  flag,
  integer,
  optionalInteger,
  optionalText,
  optionalUri,
  pairList,
  type Reference,
  reference,
  requiredUri,
} from './field-schemas.js';
import { idReference } from './id-reference.js';
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
 * Parameters that trainings and hyperparameter tunings share (SDK 2.x names): the experiment,
 * image, instance type, code or algorithm, data, storage, timeout and logging.
 */

const required = <T>(schema: z.ZodType<T | undefined>) =>
  schema.refine((value) => value !== undefined, 'is required');

export const jobParametersShape = {
  experiment_id: idReference(),
  experiment_name: optionalText(50),
  image_name: required(reference(255)),
  instance_type_name: required(reference(255)),
  distributed_node_count: integer(1, 10).default(1),
  use_torchrun: flag(),
  nproc_per_node: optionalInteger(1, 10_000),
  data_storage_size: optionalInteger(300, 10_000, 'GB'),
  algorithm_name: reference(64),
  source_dir_uri: optionalUri(),
  entry_point: optionalText(255),
  model_upload_uri: requiredUri(),
  check_point_input_uri: optionalUri(),
  check_point_upload_uri: optionalUri(),
  timeout_hours: integer(1, 720, 'hours').default(720),
  dataset_list: pairList({
    maxItems: 10,
    keyName: 'name',
    keyMaxLength: 36,
    valueName: 'uri',
    valueMaxLength: 255,
  }),
  use_log: flag(),
};

const jobParametersObject = z.object(jobParametersShape);
export type JobParameters = z.infer<typeof jobParametersObject>;

export const jobReferences: readonly ReferenceDescription[] = [
  { parameter: 'experiment_id', lookup: 'experiment' },
  { parameter: 'experiment_name', lookup: 'experiment', createIfMissing: true },
  { parameter: 'image_name', lookup: 'image' },
  { parameter: 'instance_type_name', lookup: 'flavor' },
  { parameter: 'algorithm_name', lookup: 'algorithm' },
];

export const jobFormLookups: readonly LookupKind[] = ['experiment', 'image', 'flavor', 'algorithm'];

const STORAGE_URI = /^(obs|nas):\/\//;

/** Rules across the shared fields and the checks that need the chosen instance type. */
export function checkJobParameters(
  parameters: JobParameters,
  context: ValidationContext,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const hasExperiment =
    parameters.experiment_id !== undefined || parameters.experiment_name !== undefined;
  if (parameters.experiment_id !== undefined && parameters.experiment_name !== undefined) {
    issues.push({
      parameter: 'experiment_name',
      message: 'choose an existing experiment or name a new one, not both',
    });
  } else if (!hasExperiment && context.defaultExperimentId === undefined) {
    issues.push({
      parameter: 'experiment_id',
      message: 'is required: choose an experiment, or name a new one in experiment_name',
    });
  }

  const ownCode = parameters.source_dir_uri !== undefined || parameters.entry_point !== undefined;
  if (parameters.algorithm_name !== undefined && ownCode) {
    issues.push({
      parameter: 'algorithm_name',
      message: 'use either an algorithm or source_dir_uri with entry_point, not both',
    });
  } else if (parameters.algorithm_name === undefined) {
    if (parameters.source_dir_uri === undefined) {
      issues.push({
        parameter: 'source_dir_uri',
        message: 'is required when no algorithm is chosen',
      });
    }
    if (parameters.entry_point === undefined) {
      issues.push({ parameter: 'entry_point', message: 'is required when no algorithm is chosen' });
    }
  }

  if (parameters.dataset_list.length === 0) {
    issues.push({ parameter: 'dataset_list', message: 'is required: add at least one name=uri' });
  }
  const badDataset = parameters.dataset_list.find((dataset) => !STORAGE_URI.test(dataset.value));
  if (badDataset !== undefined) {
    issues.push({
      parameter: 'dataset_list',
      message: `uri of "${badDataset.key}" must start with obs:// or nas://`,
    });
  }
  const usesObjectStorage =
    parameters.dataset_list.some((dataset) => dataset.value.startsWith('obs://')) ||
    parameters.source_dir_uri?.startsWith('obs://') === true;
  if (usesObjectStorage && parameters.data_storage_size === undefined) {
    issues.push({
      parameter: 'data_storage_size',
      message: 'is required (300 to 10000 GB) when data is on Object Storage (obs://)',
    });
  }

  if (parameters.use_torchrun && parameters.nproc_per_node === undefined) {
    issues.push({ parameter: 'nproc_per_node', message: 'is required with use_torchrun' });
  }
  const flavor = findChosenFlavor(parameters.instance_type_name, context);
  if (flavor !== undefined && parameters.nproc_per_node !== undefined) {
    const limit = flavor.gpuFlavor ? (flavor.gpuCount ?? 0) : (flavor.vcpus ?? 0);
    const unit = flavor.gpuFlavor ? 'GPUs' : 'CPUs';
    if (limit > 0 && parameters.nproc_per_node > limit) {
      issues.push({
        parameter: 'nproc_per_node',
        message: `must be a whole number from 1 to ${limit} (the ${unit} of ${flavor.name})`,
      });
    }
  }
  return issues;
}

function findChosenFlavor(choice: Reference | undefined, context: ValidationContext) {
  if (choice === undefined) {
    return undefined;
  }
  return context.lookups?.flavor?.find((flavor) =>
    'id' in choice ? flavor.id === choice.id : flavor.name === choice.name,
  );
}

/** The wire fields of the shared parameters, as `POST /trainings` and tunings take them. */
export function buildJobBody(
  parameters: JobParameters,
  resolved: ResolvedReferences,
  context: ValidationContext,
): Record<string, unknown> {
  return {
    experimentId:
      resolved.experiment_id?.id ?? resolved.experiment_name?.id ?? context.defaultExperimentId,
    imageId: resolved.image_name?.id,
    flavorId: resolved.instance_type_name?.id,
    useTorchrun: parameters.use_torchrun,
    nprocPerNode: parameters.nproc_per_node,
    dataStorageSize: parameters.data_storage_size,
    algorithmId: resolved.algorithm_name?.id,
    sourceDirUri: parameters.source_dir_uri,
    entryPoint: parameters.entry_point,
    modelUploadUri: parameters.model_upload_uri,
    checkPointInputUri: parameters.check_point_input_uri,
    checkPointUploadUri: parameters.check_point_upload_uri,
    timeoutMinutes: parameters.timeout_hours * 60,
    datasetList: parameters.dataset_list.map((dataset) => ({
      datasetName: dataset.key,
      dataUri: dataset.value,
    })),
    useLog: parameters.use_log,
  };
}

/** Key shared parameters for the parent message. */
export function summarizeJob(
  parameters: JobParameters,
  resolved: ResolvedReferences,
  instanceCount: number,
): SummaryField[] {
  const experiment = resolved.experiment_id ?? resolved.experiment_name;
  const code =
    resolved.algorithm_name?.name ??
    `${parameters.source_dir_uri ?? ''} ${parameters.entry_point ?? ''}`.trim();
  return [
    { label: 'Experiment', value: experiment?.name ?? parameters.experiment_name ?? '-' },
    { label: 'Image', value: resolved.image_name?.name ?? '-' },
    { label: 'Instance', value: `${resolved.instance_type_name?.name ?? '-'} x ${instanceCount}` },
    { label: resolved.algorithm_name ? 'Algorithm' : 'Code', value: code || '-' },
    { label: 'Datasets', value: String(parameters.dataset_list.length) },
    { label: 'Timeout', value: `${parameters.timeout_hours} h` },
  ];
}

export type { ParameterDescription };
