import { z } from 'zod';
import { commonResourceFields } from './common-fields.js';
import { experimentSchema } from './experiment.js';
import { flavorSchema } from './flavor.js';
import { nasSchema } from './nas.js';
import { parameterSchema } from './parameter.js';
import { pipelineSchema } from './pipeline.js';
import { pipelineRecurringRunSchema } from './pipeline-recurring-run.js';
import { storageSchema } from './storage.js';

/**
 * Pipeline run (`pipelineRun`, items of `pipelineRunList`). Only the id, the name and the status
 * are required. `pipelineRecurringRun` is set when a schedule started the run.
 *
 * Status codes: going `CREATE_REQUESTED`, `CREATE_IN_PROGRESS`, `RUNNING`,
 * `COMPLETE_IN_PROGRESS`, `FAIL_PIPELINE_RUN_IN_PROGRESS`, `STOP_IN_PROGRESS`; success
 * `COMPLETE`; failure `FAIL_PIPELINE_RUN`, `CREATE_FAILED`; stopped `STOPPED`.
 */
export const pipelineRunSchema = z.object({
  pipelineRunId: z.string(),
  pipelineRunName: z.string(),
  pipelineRunStatusCode: z.string().min(1),
  pipeline: pipelineSchema.partial().nullish(),
  experiment: experimentSchema.partial().nullish(),
  pipelineRecurringRun: pipelineRecurringRunSchema.partial().nullish(),
  flavor: flavorSchema.partial().nullish(),
  instanceCount: z.number().int().nullish(),
  bootStorage: storageSchema.nullish(),
  elapsedTimeSeconds: z.number().int().nullish(),
  startedDatetime: z.string().nullish(),
  finishedDatetime: z.string().nullish(),
  nasList: z.array(nasSchema).nullish(),
  parameterList: z.array(parameterSchema).nullish(),
  ...commonResourceFields,
});

export type PipelineRun = z.infer<typeof pipelineRunSchema>;
