import { z } from 'zod';
import {
  descriptionSchema,
  idSchema,
  resourceNameSchema,
  uriSchema,
} from './create-body-fields.js';

/** Model formats that SDK 2.1.3 sends as `modelTypeCode`. */
export const modelTypeCodes = [
  'TENSORFLOW',
  'PYTORCH',
  'SCIKIT_LEARN',
  'HUGGING_FACE',
  'TENSORFLOW_TRITON',
  'PYTORCH_TRITON',
  'ONNX_TRITON',
] as const;

/** Serving parameter, passed to the model server as an argument and an environment variable. */
const modelParameterSchema = z.strictObject({
  parameterName: z.string().min(1).max(64),
  parameterValue: z.string().max(255),
});

/** Parameter that names the Hugging Face model of a `HUGGING_FACE` model. */
export const huggingFaceModelIdParameter = 'model_id';

/**
 * Wire body of `POST /models`. A model has exactly one source: a `COMPLETE` training
 * (`trainingId`), the best trial of a tuning (`hyperparameterTuningId`), or artifacts on storage
 * (`modelUploadUri`). A `HUGGING_FACE` model has none of these and names its model with the
 * parameter `model_id` instead.
 */
export const modelCreateBodySchema = z
  .strictObject({
    modelName: resourceNameSchema,
    description: descriptionSchema.optional(),
    /** Named `model_format_code` in the SDK, but sent as `modelTypeCode`. */
    modelTypeCode: z.enum(modelTypeCodes),
    trainingId: idSchema.optional(),
    hyperparameterTuningId: idSchema.optional(),
    modelUploadUri: uriSchema.optional(),
    parameterList: z.array(modelParameterSchema).max(10).optional(),
  })
  .superRefine((body, context) => {
    const sources = [body.trainingId, body.hyperparameterTuningId, body.modelUploadUri];
    const sourceCount = sources.filter((source) => source !== undefined).length;

    if (body.modelTypeCode === 'HUGGING_FACE') {
      if (sourceCount > 0) {
        context.addIssue({
          code: 'custom',
          path: ['modelTypeCode'],
          message:
            'a HUGGING_FACE model takes no trainingId, hyperparameterTuningId or modelUploadUri',
        });
      }
      const names = body.parameterList?.map((parameter) => parameter.parameterName) ?? [];
      if (!names.includes(huggingFaceModelIdParameter)) {
        context.addIssue({
          code: 'custom',
          path: ['parameterList'],
          message: `a HUGGING_FACE model needs the parameter "${huggingFaceModelIdParameter}"`,
        });
      }
      return;
    }
    if (sourceCount !== 1) {
      context.addIssue({
        code: 'custom',
        path: ['trainingId'],
        message: 'set exactly one of trainingId, hyperparameterTuningId and modelUploadUri',
      });
    }
  });

export type ModelCreateBody = z.infer<typeof modelCreateBodySchema>;
