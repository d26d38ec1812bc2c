import { z } from 'zod';
import { listOf, objectOf, optionalString, requiredString } from '../validation.js';

/*
 * Body of `POST /models`. A model comes from exactly one source: a COMPLETE training
 * (`trainingId`), the best trial of a COMPLETE tuning (`hyperparameterTuningId`), artifacts
 * under `modelUploadUri` (obs:// or nas://, with a framework in `modelTypeCode`), or a Hugging
 * Face model (`modelTypeCode: HUGGING_FACE` and a `model_id` parameter). The route checks the
 * referenced training or tuning.
 */

/** `modelTypeCode` values of the SDK (2.1.3). */
export const modelTypeCodes = [
  'TENSORFLOW',
  'PYTORCH',
  'SCIKIT_LEARN',
  'HUGGING_FACE',
  'TENSORFLOW_TRITON',
  'PYTORCH_TRITON',
  'ONNX_TRITON',
] as const;

export const modelParameterSchema = objectOf({
  parameterName: requiredString(64),
  parameterValue: z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
    .max(255, { error: 'must be at most 255 characters' }),
});

export const modelCreateBodySchema = objectOf({
  modelName: requiredString(50),
  modelTypeCode: z
    .enum(modelTypeCodes, { error: `must be one of ${modelTypeCodes.join(', ')}` })
    .nullish(),
  trainingId: optionalString(36),
  hyperparameterTuningId: optionalString(36),
  modelUploadUri: optionalString(255),
  parameterList: listOf(modelParameterSchema, 10).nullish(),
  description: optionalString(255),
  parentPipelineRunId: optionalString(36),
  parentPipelineRunTaskName: optionalString(255),
}).superRefine((body, context) => {
  const issue = (path: string[], message: string) =>
    context.addIssue({ code: 'custom', path, message });
  const isHuggingFace = body.modelTypeCode === 'HUGGING_FACE';
  const sources = [
    body.trainingId ? 'trainingId' : undefined,
    body.hyperparameterTuningId ? 'hyperparameterTuningId' : undefined,
    body.modelUploadUri ? 'modelUploadUri' : undefined,
    isHuggingFace ? 'modelTypeCode HUGGING_FACE' : undefined,
  ].filter((source) => source !== undefined);

  if (sources.length === 0) {
    issue(
      [],
      'a model source is required: trainingId, hyperparameterTuningId, modelUploadUri with a ' +
        'modelTypeCode, or modelTypeCode HUGGING_FACE with a model_id parameter',
    );
  } else if (sources.length > 1) {
    issue([], `exactly one model source is allowed, got ${sources.join(' and ')}`);
  }

  if (body.modelUploadUri) {
    if (!/^(obs|nas):\/\//.test(body.modelUploadUri)) {
      issue(['modelUploadUri'], 'must start with obs:// or nas://');
    }
    if (body.modelTypeCode == null) {
      issue(['modelTypeCode'], 'is required with modelUploadUri (the model framework)');
    }
  }

  if (isHuggingFace) {
    const modelIdParameter = (body.parameterList ?? []).find(
      (parameter) => parameter.parameterName === 'model_id',
    );
    if (!modelIdParameter?.parameterValue) {
      issue(['parameterList'], 'must contain a model_id parameter for HUGGING_FACE models');
    }
  }
});

export type ModelCreateBody = z.infer<typeof modelCreateBodySchema>;
