import { z } from 'zod';
import type { Model } from '../api/schemas/model.js';
import {
  huggingFaceModelIdParameter,
  modelCreateBodySchema,
} from '../api/schemas/model-create-body.js';
import { choice, optionalText, optionalUri, pairList, requiredText } from './field-schemas.js';
import { idReference } from './id-reference.js';
import { modelFormatCodes, modelParameters } from './model-parameters.js';
import type {
  CreateDescription,
  FieldIssue,
  ResolvedReferences,
  SummaryField,
} from './resource-description.js';

const HUGGING_FACE_ID = /^[A-Za-z0-9][\w.-]*(\/[A-Za-z0-9][\w.-]*)?$/;

/** The model format; `SKLEARN`, the console guide's name, is read as `SCIKIT_LEARN`. */
const modelFormatSchema = z.preprocess((value) => {
  if (typeof value !== 'string' || value.trim() === '') {
    return undefined;
  }
  return value.trim().toUpperCase() === 'SKLEARN' ? 'SCIKIT_LEARN' : value;
}, choice(modelFormatCodes).optional());

/** Typed parameters of `Model().create`, parsed from modal fields or inline arguments. */
export const modelParametersSchema = z.object({
  model_name: requiredText(50),
  description: optionalText(255),
  training_id: idReference(),
  hyperparameter_tuning_id: idReference(),
  model_upload_uri: optionalUri(),
  hugging_face_model_id: optionalText(255).refine(
    (id) => id === undefined || HUGGING_FACE_ID.test(id),
    'must be a Hugging Face model id, such as distilbert-base-uncased or org/model',
  ),
  model_format_code: modelFormatSchema,
  parameter_list: pairList({
    maxItems: 10,
    keyName: 'name',
    keyMaxLength: 64,
    valueName: 'value',
    valueMaxLength: 255,
  }),
});

export type ModelParameters = z.infer<typeof modelParametersSchema>;

/** The source parameters in the order the checks name them. */
const SOURCES = [
  'training_id',
  'hyperparameter_tuning_id',
  'model_upload_uri',
  'hugging_face_model_id',
] as const;

/** Checks the one source, the format that goes with it, and the serving parameters. */
function checkModelParameters(parameters: ModelParameters): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const providedSources = SOURCES.filter((source) => parameters[source] !== undefined);
  const [first, second] = providedSources;
  if (first === undefined) {
    issues.push({
      parameter: 'training_id',
      message: `is required: choose one source of ${SOURCES.join(', ')}`,
    });
  } else if (second !== undefined) {
    issues.push({
      parameter: second,
      message: `cannot be combined with ${first}: a model has exactly one source`,
    });
  }

  const huggingFace = parameters.hugging_face_model_id !== undefined;
  if (huggingFace && parameters.model_format_code !== undefined) {
    issues.push({
      parameter: 'model_format_code',
      message: 'is not used with hugging_face_model_id, whose format is HUGGING_FACE',
    });
  }
  if (!huggingFace && first !== undefined && parameters.model_format_code === undefined) {
    issues.push({
      parameter: 'model_format_code',
      message: `is required: one of ${modelFormatCodes.join(', ')}`,
    });
  }

  const names = parameters.parameter_list.map((parameter) => parameter.key);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) {
    issues.push({ parameter: 'parameter_list', message: `name "${repeated}" is given twice` });
  } else if (huggingFace && names.includes(huggingFaceModelIdParameter)) {
    issues.push({
      parameter: 'parameter_list',
      message: `must not set ${huggingFaceModelIdParameter}: hugging_face_model_id sets it`,
    });
  } else if (huggingFace && names.length > 9) {
    issues.push({
      parameter: 'parameter_list',
      message: `must have at most 9 entries with a Hugging Face model, whose id takes the 10th (got ${names.length})`,
    });
  }
  return issues;
}

/** Builds the wire `parameterList`: the Hugging Face model id first, then the typed ones. */
function parameterListOf(parameters: ModelParameters) {
  const list = parameters.parameter_list.map((parameter) => ({
    parameterName: parameter.key,
    parameterValue: parameter.value,
  }));
  if (parameters.hugging_face_model_id !== undefined) {
    list.unshift({
      parameterName: huggingFaceModelIdParameter,
      parameterValue: parameters.hugging_face_model_id,
    });
  }
  return list.length > 0 ? list : undefined;
}

function sourceOf(parameters: ModelParameters, resolved: ResolvedReferences): SummaryField {
  if (resolved.training_id !== undefined) {
    return { label: 'From training', value: resolved.training_id.name };
  }
  if (resolved.hyperparameter_tuning_id !== undefined) {
    return { label: 'From tuning', value: resolved.hyperparameter_tuning_id.name };
  }
  if (parameters.hugging_face_model_id !== undefined) {
    return { label: 'From Hugging Face', value: parameters.hugging_face_model_id };
  }
  return { label: 'From artifacts', value: parameters.model_upload_uri ?? '-' };
}

/** `Model().create` from Slack: the form, the checks and the body of `POST /models`. */
export const modelCreate: CreateDescription<Model, ModelParameters> = {
  verb: 'create',
  parameters: modelParameters,
  parametersSchema: modelParametersSchema,
  bodySchema: modelCreateBodySchema,
  checkParameters: checkModelParameters,
  references: [
    { parameter: 'training_id', lookup: 'training' },
    { parameter: 'hyperparameter_tuning_id', lookup: 'hyperparameter-tuning' },
  ],
  formLookups: ['training', 'hyperparameter-tuning'],
  nameOfParameters: (parameters) => parameters.model_name,
  buildCreateBody: (parameters, resolved) => ({
    modelName: parameters.model_name,
    description: parameters.description,
    modelTypeCode:
      parameters.hugging_face_model_id === undefined
        ? parameters.model_format_code
        : 'HUGGING_FACE',
    trainingId: resolved.training_id?.id,
    hyperparameterTuningId: resolved.hyperparameter_tuning_id?.id,
    modelUploadUri: parameters.model_upload_uri,
    parameterList: parameterListOf(parameters),
  }),
  summarizeParameters: (parameters, resolved) => [
    sourceOf(parameters, resolved),
    {
      label: 'Format',
      value:
        parameters.hugging_face_model_id === undefined
          ? (parameters.model_format_code ?? '-')
          : 'HUGGING_FACE',
    },
    ...(parameters.parameter_list.length > 0
      ? [{ label: 'Serving parameters', value: String(parameters.parameter_list.length) }]
      : []),
  ],
};
