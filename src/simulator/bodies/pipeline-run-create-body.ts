import { z } from 'zod';
import {
  integerBetween,
  listOf,
  objectOf,
  optionalBoolean,
  optionalString,
  requiredString,
} from '../validation.js';
import { describeCronProblem } from './cron-expression.js';

/*
 * Body of `POST /pipeline-runs`. The same path creates a pipeline run or, with a schedule
 * field, a recurring run (see `isRecurringRunBody`). Runs take 1-10 instances, a boot disk of
 * 50 GB or more and up to 10 NAS mounts. Schedules add 1-10 concurrent runs and ISO 8601
 * start and end times with an offset.
 */

const isoDatetimeWithOffset =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const datetimeWithOffset = optionalString(64).refine(
  (value) =>
    value == null || (isoDatetimeWithOffset.test(value) && !Number.isNaN(Date.parse(value))),
  { error: 'must be an ISO 8601 date and time with an offset, e.g. 2025-05-28T13:44:46+09:00' },
);

const pipelineParameterSchema = objectOf({
  parameterName: requiredString(255),
  parameterValue: z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
    .max(1000, { error: 'must be at most 1000 characters' }),
});

const nasSchema = objectOf({
  mountDirName: requiredString(64),
  nasUri: requiredString(255).regex(/^nas:\/\/[^\s:/]+:\/\S*$/, {
    error: 'must have the form nas://{NAS ID}:/{path}',
  }),
});

// NOTE: the guide documents the interval as a string and the SDK sends an integer; the
// simulator takes both and stores an integer.
const periodicMinutes = z
  .union([z.int(), z.string().regex(/^\d+$/).transform(Number)], {
    error: 'must be a whole number of minutes',
  })
  .pipe(z.int().min(1, { error: 'must be 1 or more' }))
  .nullish();

/** Fields that only a schedule takes. */
const scheduleOnlyFields = [
  'maxConcurrencyCount',
  'scheduleStartDatetime',
  'scheduleEndDatetime',
  'useCatchup',
] as const;

export const pipelineRunCreateBodySchema = objectOf({
  pipelineRunOrRecurringRunName: requiredString(50),
  description: optionalString(255),
  pipelineId: requiredString(36),
  experimentId: optionalString(36),
  experimentName: optionalString(50),
  experimentDescription: optionalString(255),
  flavorId: requiredString(36),
  instanceCount: integerBetween(1, 10).nullish(),
  // NOTE: no upper bound of the boot disk is published.
  bootStorageSize: z
    .int({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be an integer') })
    .min(50, { error: 'must be 50 or more (GB)' }),
  // NOTE: no maximum number of parameters is published; the 10 MB request limit bounds it.
  parameterList: z.array(pipelineParameterSchema, { error: 'must be a list' }).nullish(),
  nasList: listOf(nasSchema, 10).nullish(),
  scheduleCronExpression: optionalString(255),
  schedulePeriodicMinutes: periodicMinutes,
  maxConcurrencyCount: integerBetween(1, 10).nullish(),
  scheduleStartDatetime: datetimeWithOffset,
  scheduleEndDatetime: datetimeWithOffset,
  useCatchup: optionalBoolean(),
  parentPipelineRunId: optionalString(36),
  parentPipelineRunTaskName: optionalString(255),
}).superRefine((body, context) => {
  const issue = (path: string[], message: string) =>
    context.addIssue({ code: 'custom', path, message });
  if (!body.experimentId && !body.experimentName) {
    issue(['experimentId'], 'is required unless experimentName is given');
  }
  const hasCron = Boolean(body.scheduleCronExpression);
  const hasPeriod = body.schedulePeriodicMinutes != null;
  if (hasCron && hasPeriod) {
    issue([], 'give either scheduleCronExpression or schedulePeriodicMinutes, not both');
  }
  if (!hasCron && !hasPeriod) {
    for (const field of scheduleOnlyFields) {
      if (body[field] != null) {
        issue([field], 'needs scheduleCronExpression or schedulePeriodicMinutes');
      }
    }
  }
  if (body.scheduleCronExpression) {
    const problem = describeCronProblem(body.scheduleCronExpression);
    if (problem !== undefined) {
      issue(['scheduleCronExpression'], problem);
    }
  }
  const startMs = Date.parse(body.scheduleStartDatetime ?? '');
  const endMs = Date.parse(body.scheduleEndDatetime ?? '');
  if (!Number.isNaN(startMs) && !Number.isNaN(endMs) && endMs <= startMs) {
    issue(['scheduleEndDatetime'], 'must be after scheduleStartDatetime');
  }
});

export type PipelineRunCreateBody = z.infer<typeof pipelineRunCreateBodySchema>;

/**
 * True when the body creates a recurring run.
 * NOTE: how the service distinguishes a run from a schedule is not published; the simulator branches
 * on the presence of `scheduleCronExpression` or `schedulePeriodicMinutes`.
 */
export function isRecurringRunBody(body: PipelineRunCreateBody): boolean {
  return Boolean(body.scheduleCronExpression) || body.schedulePeriodicMinutes != null;
}
