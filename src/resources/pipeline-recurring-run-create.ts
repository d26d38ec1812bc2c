import { z } from 'zod';
import type { PipelineRecurringRun } from '../api/schemas/pipeline-recurring-run.js';
import { pipelineRecurringRunCreateBodySchema } from '../api/schemas/pipeline-recurring-run-create-body.js';
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
import {
  buildScheduleBody,
  checkSchedule,
  describeSchedule,
  scheduleFields,
  scheduleShape,
} from './pipeline-schedule-fields.js';
import type { CreateDescription, ParameterDescription } from './resource-description.js';

/** Typed parameters of `PipelineRecurringRun().create`: a run's parameters and a schedule. */
export const pipelineRecurringRunParametersSchema = z.object({
  pipeline_recurring_run_name: requiredText(50),
  ...pipelineRunShape,
  ...scheduleShape,
});

export type PipelineRecurringRunParameters = z.infer<typeof pipelineRecurringRunParametersSchema>;

const pipelineRecurringRunParameters: readonly ParameterDescription[] = [
  {
    name: 'pipeline_recurring_run_name',
    aliases: ['name'],
    label: 'Recurring run name',
    hint: 'Up to 50 characters.',
    optional: false,
    control: { type: 'text', maxLength: 50, placeholder: 'nightly-retrain' },
  },
  ...pipelineRunFields,
  ...scheduleFields,
];

/**
 * `PipelineRecurringRun().create` from Slack. EasyMaker creates schedules through the run path
 * (`POST /pipeline-runs` with schedule fields) and returns them under `pipelineRecurringRun`.
 */
export const pipelineRecurringRunCreate: CreateDescription<
  PipelineRecurringRun,
  PipelineRecurringRunParameters
> = {
  verb: 'create',
  parameters: pipelineRecurringRunParameters,
  parametersSchema: pipelineRecurringRunParametersSchema,
  bodySchema: pipelineRecurringRunCreateBodySchema,
  checkParameters: (parameters, context) => [
    ...checkPipelineRunParameters(parameters, context),
    ...checkSchedule(parameters),
  ],
  references: pipelineRunReferences,
  formLookups: pipelineRunFormLookups,
  nameOfParameters: (parameters) => parameters.pipeline_recurring_run_name,
  buildCreateBody: (parameters, resolved, context) => ({
    pipelineRunOrRecurringRunName: parameters.pipeline_recurring_run_name,
    ...buildPipelineRunBody(parameters, resolved, context),
    ...buildScheduleBody(parameters),
  }),
  path: '/pipeline-runs',
  objectKey: 'pipelineRecurringRun',
  summarizeParameters: (parameters, resolved) => [
    ...summarizePipelineRun(parameters, resolved),
    { label: 'Schedule', value: describeSchedule(parameters) },
    { label: 'Max concurrent runs', value: String(parameters.max_concurrency_count) },
    { label: 'Starts', value: parameters.schedule_start_datetime },
  ],
};
