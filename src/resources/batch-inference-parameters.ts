import { jobParameterFields as job } from './job-parameter-fields.js';
import type { ParameterDescription } from './resource-description.js';

function numberField(
  name: string,
  label: string,
  hint: string,
  range: { min: number; max: number; optional: boolean },
): ParameterDescription {
  return {
    name,
    aliases: [],
    label,
    hint,
    optional: range.optional,
    control: { type: 'number', min: range.min, max: range.max },
  };
}

function uriField(name: string, label: string, hint: string, optional: boolean) {
  const field: ParameterDescription = {
    name,
    aliases: [],
    label,
    hint,
    optional,
    control: { type: 'text', maxLength: 255, placeholder: 'obs://.../AUTH_.../container/path' },
  };
  return field;
}

/** The parameters of `BatchInference().run` in form order, with the published ranges. */
export const batchInferenceParameters: readonly ParameterDescription[] = [
  {
    name: 'batch_inference_name',
    aliases: ['name'],
    label: 'Batch inference name',
    hint: 'Up to 50 characters.',
    optional: false,
    control: { type: 'text', maxLength: 50, placeholder: 'nightly-scoring' },
  },
  {
    name: 'description',
    aliases: [],
    label: 'Description',
    hint: 'Up to 255 characters.',
    optional: true,
    control: { type: 'text', maxLength: 255 },
  },
  {
    name: 'model_id',
    aliases: ['model'],
    label: 'Model',
    hint: 'An ACTIVE model. Inline, give the model id.',
    optional: false,
    control: { type: 'lookup', lookup: 'model' },
  },
  { ...job.instance_type_name, hint: 'The instance type (flavor) of each instance.' },
  numberField('instance_count', 'Instance count', '1 to 10 instances. Default 1.', {
    min: 1,
    max: 10,
    optional: true,
  }),
  numberField(
    'pod_count',
    'Pod count',
    '1 to 100 pods. Default 1. The GPUs of an instance are shared out among its pods.',
    { min: 1, max: 100, optional: true },
  ),
  numberField('batch_size', 'Batch size', '1 to 1000 records per inference request.', {
    min: 1,
    max: 1000,
    optional: false,
  }),
  numberField(
    'inference_timeout_seconds',
    'Inference timeout (seconds)',
    '1 to 1200 seconds for one inference request.',
    { min: 1, max: 1200, optional: false },
  ),
  uriField(
    'input_data_uri',
    'Input data URI',
    'obs:// or nas:// path of the input files, up to 255 characters.',
    false,
  ),
  {
    name: 'input_data_type',
    aliases: ['input_type'],
    label: 'Input data type',
    hint: 'JSON: one JSON document per file. JSONL: one JSON document per line.',
    optional: false,
    control: {
      type: 'choice',
      choices: [
        { value: 'JSON', label: 'JSON' },
        { value: 'JSONL', label: 'JSONL' },
      ],
    },
  },
  {
    name: 'include_glob_pattern',
    aliases: ['include'],
    label: 'Include glob pattern',
    hint: 'Optional. Reads only the input files that match, up to 255 characters.',
    optional: true,
    control: { type: 'text', maxLength: 255, placeholder: '**/*.jsonl' },
  },
  {
    name: 'exclude_glob_pattern',
    aliases: ['exclude'],
    label: 'Exclude glob pattern',
    hint: 'Optional. Skips the input files that match, up to 255 characters; wins over include.',
    optional: true,
    control: { type: 'text', maxLength: 255 },
  },
  uriField(
    'output_upload_uri',
    'Output upload URI',
    'obs:// or nas:// path where the results are saved, up to 255 characters.',
    false,
  ),
  {
    ...job.data_storage_size,
    hint: '300 to 10000 GB of storage for the input data.',
    optional: false,
  },
  job.timeout_hours,
  job.use_log,
];
