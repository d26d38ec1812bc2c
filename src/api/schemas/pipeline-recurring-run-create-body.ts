import { z } from 'zod';
import { pipelineRunFields } from './pipeline-run-create-body.js';

/** Quartz-style cron expression of six fields, such as `0 0 * * * ?`. */
const cronExpressionSchema = z
  .string()
  .trim()
  .refine(
    (expression) => expression.split(/\s+/).length === 6,
    'must have six fields (seconds, minutes, hours, day of month, month, day of week)',
  );

/** ISO 8601 date and time with an offset, such as `2025-05-28T13:44:46+09:00`. */
const datetimeSchema = z.iso.datetime({ offset: true });

/**
 * Wire body of `POST /pipeline-runs` for a recurring run: the run fields plus the schedule.
 * Exactly one of `schedulePeriodicMinutes` and `scheduleCronExpression` must be set. The
 * response key is `pipelineRecurringRun` instead of `pipelineRun`.
 */
export const pipelineRecurringRunCreateBodySchema = z
  .strictObject({
    ...pipelineRunFields,
    /** Minutes between runs, as an integer like the SDK sends it. */
    schedulePeriodicMinutes: z.number().int().min(1).optional(),
    scheduleCronExpression: cronExpressionSchema.optional(),
    /** Runs at once, 1 to 10; default 1. */
    maxConcurrencyCount: z.number().int().min(1).max(10).optional(),
    scheduleStartDatetime: datetimeSchema.optional(),
    /** None: the schedule runs until it is stopped. */
    scheduleEndDatetime: datetimeSchema.optional(),
    /** Starts the runs missed while the schedule was stopped. The SDK default is true. */
    useCatchup: z.boolean().optional(),
  })
  .superRefine((body, context) => {
    const hasPeriod = body.schedulePeriodicMinutes !== undefined;
    const hasCron = body.scheduleCronExpression !== undefined;
    if (hasPeriod === hasCron) {
      context.addIssue({
        code: 'custom',
        path: ['schedulePeriodicMinutes'],
        message: 'set exactly one of schedulePeriodicMinutes and scheduleCronExpression',
      });
    }
    const { scheduleStartDatetime: start, scheduleEndDatetime: end } = body;
    if (start !== undefined && end !== undefined && Date.parse(end) <= Date.parse(start)) {
      context.addIssue({
        code: 'custom',
        path: ['scheduleEndDatetime'],
        message: 'must be later than scheduleStartDatetime',
      });
    }
  });

export type PipelineRecurringRunCreateBody = z.infer<typeof pipelineRecurringRunCreateBodySchema>;
