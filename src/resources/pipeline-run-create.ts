import { z } from 'zod';
import type { PipelineRun } from '../api/schemas/pipeline-run.js';
import { pipelineRunCreateBodySchema } from '../api/schemas/pipeline-run-create-body.js';
import { requiredText } from './field-schemas.js';
import {
  buildPipelineRunBody,
  checkPipelineRunParameters,
  pipelineRunFields,
  pipelineRunFormLookups,
  pipelineRunReferences,
  pipelineRunShape,
  summarizePipelineRun,
} from './pipeline-run-parameters.js';
import type { CreateDescription, ParameterDescription } from './resource-description.js';

/** Typed parameters of `PipelineRun().create`, parsed from modal fields or inline arguments. */
export const pipelineRunParametersSchema = z.object({
  pipeline_run_name: requiredText(50),
  ...pipelineRunShape,
});

export type PipelineRunParameters = z.infer<typeof pipelineRunParametersSchema>;

const pipelineRunParameters: readonly ParameterDescription[] = [
  {
    name: 'pipeline_run_name',
    aliases: ['name'],
    label: 'Pipeline run name',
    hint: 'Up to 50 characters.',
    optional: false,
    control: { type: 'text', maxLength: 50, placeholder: 'weekly-retrain' },
  },
  ...pipelineRunFields,
];

/**
 * `PipelineRun().create` from Slack: the form, the checks and the body of `POST /pipeline-runs`.
 */
export const pipelineRunCreate: CreateDescription<PipelineRun, PipelineRunParameters> = {
  verb: 'create',
  parameters: pipelineRunParameters,
  parametersSchema: pipelineRunParametersSchema,
  bodySchema: pipelineRunCreateBodySchema,
  checkParameters: checkPipelineRunParameters,
  references: pipelineRunReferences,
  formLookups: pipelineRunFormLookups,
  nameOfParameters: (parameters) => parameters.pipeline_run_name,
  buildCreateBody: (parameters, resolved, context) => ({
    pipelineRunOrRecurringRunName: parameters.pipeline_run_name,
    ...buildPipelineRunBody(parameters, resolved, context),
  }),
  summarizeParameters: summarizePipelineRun,
};
