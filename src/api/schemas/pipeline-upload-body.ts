import { z } from 'zod';
import { descriptionSchema, resourceNameSchema } from './create-body-fields.js';

/**
 * Wire body of `POST /pipelines/upload`. The manifest is the compiled Kubeflow Pipelines
 * intermediate-representation YAML file, encoded as standard base64 (with `+`, `/` and padding).
 */
export const pipelineUploadBodySchema = z.strictObject({
  pipelineName: resourceNameSchema,
  description: descriptionSchema.optional(),
  base64PipelineSpecManifest: z.base64().min(1),
});

export type PipelineUploadBody = z.infer<typeof pipelineUploadBodySchema>;
