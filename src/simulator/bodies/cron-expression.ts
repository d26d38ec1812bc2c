/*
 * Checks six-field cron expressions (`second minute hour day-of-month month day-of-week`, e.g.
 * `0 0 * * * ?`), the form pipeline schedules take. Each field is a comma-separated list of
 * `*`, `?` (day fields only), a value, a range `a-b`, each optionally with a step `/n`. Months
 * and weekdays also take English abbreviations (JAN, MON).
 */

interface CronField {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
  allowsQuestionMark?: boolean;
}

const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const weekdays = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

// NOTE: the scheduler behind pipeline schedules is not published. Weekdays take 0-7 (0 and 7
// are Sunday) so that both the Unix and the Quartz numbering pass.
const cronFields: readonly CronField[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31, allowsQuestionMark: true },
  { name: 'month', min: 1, max: 12, names: months },
  { name: 'day of week', min: 0, max: 7, names: weekdays, allowsQuestionMark: true },
];

/** Returns why `expression` is not a valid six-field cron expression, or undefined when it is. */
export function describeCronProblem(expression: string): string | undefined {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== cronFields.length) {
    return `must have 6 fields (second minute hour day-of-month month day-of-week), got ${parts.length}`;
  }
  for (const [index, field] of cronFields.entries()) {
    const part = parts[index] ?? '';
    const problem = describeFieldProblem(part, field);
    if (problem !== undefined) {
      return `has an invalid ${field.name} field "${part}": ${problem}`;
    }
  }
  return undefined;
}

function describeFieldProblem(part: string, field: CronField): string | undefined {
  for (const item of part.split(',')) {
    const [range = '', step, extra] = item.split('/');
    if (extra !== undefined || (step !== undefined && !/^[1-9]\d*$/.test(step))) {
      return 'a step must be one positive number after /';
    }
    if (range === '*') {
      continue;
    }
    if (range === '?') {
      if (!field.allowsQuestionMark) {
        return '? is allowed only in the day fields';
      }
      continue;
    }
    const bounds = range.split('-');
    if (bounds.length > 2) {
      return 'a range must have the form a-b';
    }
    const values = bounds.map((bound) => readValue(bound, field));
    if (values.some((value) => value === undefined)) {
      return `values must be between ${field.min} and ${field.max}`;
    }
    const [from = 0, to = from] = values as number[];
    if (from > to) {
      return 'a range must not run backwards';
    }
  }
  return undefined;
}

function readValue(text: string, field: CronField): number | undefined {
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) {
    return field.min + named;
  }
  if (!/^\d+$/.test(text)) {
    return undefined;
  }
  const value = Number(text);
  return value >= field.min && value <= field.max ? value : undefined;
}
