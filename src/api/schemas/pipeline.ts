import { z } from 'zod';
import { commonResourceFields } from './common-fields.js';

/** Input parameter declared by a pipeline's compiled spec. */
export const pipelineParameterSpecSchema = z.object({
  parameterName: z.string(),
  /** Such as `STRING`, `BOOLEAN`, `NUMBER_DOUBLE`, `NUMBER_INTEGER`, `LIST` or `STRUCT`. */
  parameterType: z.string().nullish(),
  isOptional: z.boolean().nullish(),
  /** Always a string, with JSON text for `LIST` and `STRUCT` parameters. */
  defaultValue: z.string().nullish(),
});

export type PipelineParameterSpec = z.infer<typeof pipelineParameterSpecSchema>;

/**
 * Pipeline (`pipeline`, items of `pipelineList`), an uploaded Kubeflow Pipelines spec. Only the
 * id, the name and the status are required.
 *
 * Status codes: going `CREATE_REQUESTED`, `CREATE_IN_PROGRESS`; success `ACTIVE`; failure
 * `CREATE_FAILED`.
 */
export const pipelineSchema = z.object({
  pipelineId: z.string(),
  pipelineName: z.string(),
  pipelineStatusCode: z.string().min(1),
  pipelineParameterSpecList: z.array(pipelineParameterSpecSchema).nullish(),
  ...commonResourceFields,
});

export type Pipeline = z.infer<typeof pipelineSchema>;
