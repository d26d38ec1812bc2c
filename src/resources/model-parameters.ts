import type { ParameterDescription } from './resource-description.js';

/** Formats of a model made from artifacts, as SDK 2.1.3 sends them in `modelTypeCode`. */
export const modelFormatCodes = [
  'TENSORFLOW',
  'PYTORCH',
  'SCIKIT_LEARN',
  'TENSORFLOW_TRITON',
  'PYTORCH_TRITON',
  'ONNX_TRITON',
] as const;

/**
 * The parameters of `Model().create` in form order, with the published ranges. A model has
 * exactly one source: a COMPLETE training, a COMPLETE tuning's best trial, artifacts under an
 * obs:// or nas:// URI, or a Hugging Face model id.
 */
export const modelParameters: readonly ParameterDescription[] = [
  {
    name: 'model_name',
    aliases: ['name'],
    label: 'Model name',
    hint: 'Up to 50 characters. For PyTorch, the name the model was saved under.',
    optional: false,
    control: { type: 'text', maxLength: 50, placeholder: 'mnist' },
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
    name: 'training_id',
    aliases: ['training'],
    label: 'From training',
    hint: 'A COMPLETE training. Choose one source: a training, a tuning, an artifact URI or a Hugging Face model.',
    optional: true,
    control: { type: 'lookup', lookup: 'training' },
  },
  {
    name: 'hyperparameter_tuning_id',
    aliases: ['tuning_id', 'tuning'],
    label: 'From tuning (best trial)',
    hint: 'A COMPLETE hyperparameter tuning; the model of its best trial is used.',
    optional: true,
    control: { type: 'lookup', lookup: 'hyperparameter-tuning' },
  },
  {
    name: 'model_upload_uri',
    aliases: ['model_uri', 'uri'],
    label: 'From artifact URI',
    hint: 'obs:// or nas:// path of the model artifacts, up to 255 characters.',
    optional: true,
    control: { type: 'text', maxLength: 255, placeholder: 'obs://.../AUTH_.../container/model' },
  },
  {
    name: 'hugging_face_model_id',
    aliases: ['hf_model_id', 'hugging_face_model'],
    label: 'From Hugging Face model',
    hint: 'A Hugging Face model id, up to 255 characters, such as distilbert-base-uncased.',
    optional: true,
    control: { type: 'text', maxLength: 255, placeholder: 'distilbert-base-uncased' },
  },
  {
    name: 'model_format_code',
    aliases: ['model_type_code', 'format'],
    label: 'Model format',
    hint: 'The framework of the model. Required except for Hugging Face models.',
    optional: true,
    control: {
      type: 'choice',
      choices: modelFormatCodes.map((code) => ({ value: code, label: code })),
    },
  },
  {
    name: 'parameter_list',
    aliases: ['parameters'],
    label: 'Serving parameters',
    hint: 'One name=value per line, at most 10 (9 with a Hugging Face model). Name up to 64 characters, value up to 255.',
    optional: true,
    control: { type: 'text', multiline: true, maxLength: 3000, placeholder: 'max_batch_size=8' },
  },
];
