import { z } from 'zod';
import { integer, optionalText } from './field-schemas.js';
import { integerAtLeast } from './pipeline-run-fields.js';
import type { FieldIssue, ParameterDescription } from './resource-description.js';

/**
 * The schedule of a recurring run: a six-field cron expression or an interval in minutes
 * (exactly one), concurrency, start and end, and catch-up of missed runs.
 */

const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

// Characters of Quartz-style cron fields: values, names (JAN, MON), `*`, `?`, `,`, `-`, `/`,
// and Quartz's `L`, `W` and `#`.
const CRON_FIELD = /^[0-9A-Za-z*?,/#-]+$/;

// NOTE: no length limit of the cron expression is published; 255 only keeps typing mistakes out.
const cronExpressionSchema = optionalText(255).superRefine((expression, context) => {
  if (expression === undefined) {
    return;
  }
  const fields = expression.split(/\s+/);
  if (fields.length !== 6) {
    context.addIssue({
      code: 'custom',
      message: `must have 6 fields (second minute hour day-of-month month day-of-week), such as 0 0 * * * ? (got ${fields.length})`,
    });
    return;
  }
  const bad = fields.find((field) => !CRON_FIELD.test(field));
  if (bad !== undefined) {
    context.addIssue({ code: 'custom', message: `has an invalid field "${bad}"` });
  }
});

const DATETIME_MESSAGE =
  'must be an ISO 8601 date and time with an offset, such as 2025-05-28T13:44:46+09:00';

/** The same check as the API's body schema, so a value accepted here is accepted there. */
const datetime = z.iso.datetime({ offset: true, error: DATETIME_MESSAGE });

const TRUE_WORDS = new Set(['true', 'yes', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'off', '0']);

/** A yes/no choice whose default is yes, unlike `flag()`, whose default is no. */
const flagDefaultTrue = z.preprocess(
  (value) => {
    if (typeof value !== 'string') {
      return value ?? undefined;
    }
    const word = value.trim().toLowerCase();
    if (word === '') return undefined;
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return value;
  },
  z.boolean({ error: 'must be true or false' }).default(true),
);

export const scheduleShape = {
  schedule_cron_expression: cronExpressionSchema,
  schedule_periodic_minutes: z.preprocess(emptyToUndefined, integerAtLeast(1, 'minute').optional()),
  max_concurrency_count: integer(1, 10).default(1),
  schedule_start_datetime: z.preprocess(
    emptyToUndefined,
    z
      .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
      .trim()
      .pipe(datetime),
  ),
  schedule_end_datetime: z.preprocess(
    emptyToUndefined,
    z.string().trim().pipe(datetime).optional(),
  ),
  use_catchup: flagDefaultTrue,
};

const scheduleObject = z.object(scheduleShape);
export type ScheduleParameters = z.infer<typeof scheduleObject>;

/**
 * Checks that exactly one of the cron expression and the interval is set, and that the end is
 * after the start.
 */
export function checkSchedule(parameters: ScheduleParameters): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const hasCron = parameters.schedule_cron_expression !== undefined;
  const hasPeriod = parameters.schedule_periodic_minutes !== undefined;
  if (hasCron === hasPeriod) {
    issues.push({
      parameter: 'schedule_cron_expression',
      message: `needs exactly one of schedule_cron_expression and schedule_periodic_minutes (${hasCron ? 'both are' : 'neither is'} set)`,
    });
  }
  const start = Date.parse(parameters.schedule_start_datetime);
  const end =
    parameters.schedule_end_datetime === undefined
      ? undefined
      : Date.parse(parameters.schedule_end_datetime);
  if (end !== undefined && end <= start) {
    issues.push({
      parameter: 'schedule_end_datetime',
      message: 'must be later than schedule_start_datetime',
    });
  }
  return issues;
}

/** Builds the schedule's wire fields of `POST /pipeline-runs`. */
export function buildScheduleBody(parameters: ScheduleParameters): Record<string, unknown> {
  return {
    scheduleCronExpression: parameters.schedule_cron_expression,
    schedulePeriodicMinutes: parameters.schedule_periodic_minutes,
    maxConcurrencyCount: parameters.max_concurrency_count,
    scheduleStartDatetime: parameters.schedule_start_datetime,
    scheduleEndDatetime: parameters.schedule_end_datetime,
    useCatchup: parameters.use_catchup,
  };
}

/** Describes how often the schedule runs, for messages. */
export function describeSchedule(parameters: ScheduleParameters): string {
  return parameters.schedule_cron_expression !== undefined
    ? `cron ${parameters.schedule_cron_expression}`
    : `every ${parameters.schedule_periodic_minutes} min`;
}

/** Form fields of the schedule, in form order. */
export const scheduleFields: readonly ParameterDescription[] = [
  {
    name: 'schedule_cron_expression',
    aliases: ['cron'],
    label: 'Cron expression',
    hint: 'Six fields: second minute hour day-of-month month day-of-week, such as 0 0 * * * ? (every hour). Give this or the interval, not both.',
    optional: true,
    control: { type: 'text', maxLength: 255, placeholder: '0 0 * * * ?' },
  },
  {
    name: 'schedule_periodic_minutes',
    aliases: ['periodic_minutes', 'every_minutes'],
    label: 'Interval (minutes)',
    hint: 'Minutes between runs, 1 or more. Give this or the cron expression, not both.',
    optional: true,
    control: { type: 'number', min: 1, max: Number.MAX_SAFE_INTEGER },
  },
  {
    name: 'max_concurrency_count',
    aliases: ['max_concurrency'],
    label: 'Max concurrent runs',
    hint: '1 to 10 runs at once. Default 1.',
    optional: true,
    control: { type: 'number', min: 1, max: 10 },
  },
  {
    name: 'schedule_start_datetime',
    aliases: ['start'],
    label: 'Start',
    hint: 'ISO 8601 date and time with an offset, such as 2025-05-28T13:44:46+09:00.',
    optional: false,
    control: { type: 'text', maxLength: 40, placeholder: '2025-05-28T13:44:46+09:00' },
  },
  {
    name: 'schedule_end_datetime',
    aliases: ['end'],
    label: 'End',
    hint: 'Optional, later than the start, in the same format. Without it the schedule runs until it is stopped.',
    optional: true,
    control: { type: 'text', maxLength: 40, placeholder: '2025-12-31T23:59:59+09:00' },
  },
  {
    name: 'use_catchup',
    aliases: ['catchup'],
    label: 'Catch up missed runs',
    hint: 'Start the runs missed while the schedule was stopped. Default yes.',
    optional: true,
    control: {
      type: 'choice',
      choices: [
        { value: 'true', label: 'Yes (default)' },
        { value: 'false', label: 'No' },
      ],
    },
  },
];
