import { z } from 'zod';
import { commonResourceFields } from './common-fields.js';
import { experimentSchema } from './experiment.js';
import { flavorSchema } from './flavor.js';
import { nasSchema } from './nas.js';
import { parameterSchema } from './parameter.js';
import { pipelineSchema } from './pipeline.js';
import { storageSchema } from './storage.js';

/**
 * Pipeline recurring run, a schedule that starts pipeline runs (`pipelineRecurringRun`, items of
 * `pipelineRecurringRunList`). Only the id, the name and the status are required.
 *
 * Status codes: going `CREATE_REQUESTED`; success `ENABLED` (schedule active); stopped
 * `DISABLED`; failure `CREATE_FAILED`. The console also shows an expired variant of `ENABLED`
 * whose wire spelling is not published, so the status stays a free string.
 */
export const pipelineRecurringRunSchema = z.object({
  pipelineRecurringRunId: z.string(),
  pipelineRecurringRunName: z.string(),
  pipelineRecurringRunStatusCode: z.string().min(1),
  pipeline: pipelineSchema.partial().nullish(),
  experiment: experimentSchema.partial().nullish(),
  flavor: flavorSchema.partial().nullish(),
  instanceCount: z.number().int().nullish(),
  bootStorage: storageSchema.nullish(),
  nasList: z.array(nasSchema).nullish(),
  parameterList: z.array(parameterSchema).nullish(),
  // NOTE: the SDK sends an integer and the console guide types it as a string. The response
  // type is not published, so both are accepted.
  schedulePeriodicMinutes: z.union([z.number().int(), z.string()]).nullish(),
  /** Six fields, such as `0 0 * * * ?`. */
  scheduleCronExpression: z.string().nullish(),
  maxConcurrencyCount: z.number().int().nullish(),
  scheduleStartDatetime: z.string().nullish(),
  scheduleEndDatetime: z.string().nullish(),
  useCatchup: z.boolean().nullish(),
  ...commonResourceFields,
});

export type PipelineRecurringRun = z.infer<typeof pipelineRecurringRunSchema>;
