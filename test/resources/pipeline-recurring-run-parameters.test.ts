import { describe, expect, it } from 'vitest';
import { pipelineRecurringRunCreateBodySchema } from '../../src/api/schemas/pipeline-recurring-run-create-body.js';
import type { RawValue } from '../../src/resources/field-schemas.js';
import { findDescriptionByWord } from '../../src/resources/index.js';
import { pipelineRecurringRunDescription } from '../../src/resources/pipeline-recurring-run.js';
import { pipelineRecurringRunCreate } from '../../src/resources/pipeline-recurring-run-create.js';
import type { CreateDescription } from '../../src/resources/resource-description.js';
import { classifyStatus } from '../../src/resources/status-class.js';
import { validateParameters } from '../../src/resources/validate-parameters.js';

const create = pipelineRecurringRunCreate as unknown as CreateDescription<unknown, unknown>;

const valid: Record<string, RawValue> = {
  pipeline_recurring_run_name: 'nightly-retrain',
  pipeline_id: 'ppl123456789',
  experiment_name: 'pipelines',
  instance_type_name: 'm2.c4m8',
  boot_storage_size: '50',
  schedule_cron_expression: '0 0 * * * ?',
  schedule_start_datetime: '2025-05-28T13:44:46+09:00',
};

function issuesFor(overrides: Record<string, RawValue>) {
  const result = validateParameters(create, { ...valid, ...overrides }, {});
  return result.ok ? [] : result.issues;
}

function messageFor(parameter: string, overrides: Record<string, RawValue>) {
  return issuesFor(overrides).find((issue) => issue.parameter === parameter)?.message;
}

describe('recurring run parameters', () => {
  it('accepts a cron schedule with the run parameters', () => {
    expect(issuesFor({})).toEqual([]);
  });

  it('defaults to one concurrent run and catching up missed runs', () => {
    const result = validateParameters(create, valid, {});
    expect(result.ok).toBe(true);
    expect(result.ok && result.parameters).toMatchObject({
      max_concurrency_count: 1,
      use_catchup: true,
    });
  });

  it('turns catch-up off with "false" from the form or inline', () => {
    const result = validateParameters(create, { ...valid, use_catchup: 'false' }, {});
    expect(result.ok).toBe(true);
    expect(result.ok && result.parameters).toMatchObject({ use_catchup: false });
    expect(messageFor('use_catchup', { use_catchup: 'maybe' })).toBe('must be true or false');
  });

  describe('when a value sits at a published range edge', () => {
    const cases: Array<[string, string, string | undefined]> = [
      ['pipeline_recurring_run_name', 'a'.repeat(50), undefined],
      ['pipeline_recurring_run_name', 'a'.repeat(51), 'must be at most 50 characters'],
      ['max_concurrency_count', '1', undefined],
      ['max_concurrency_count', '10', undefined],
      ['max_concurrency_count', '0', 'must be a whole number from 1 to 10'],
      ['max_concurrency_count', '11', 'must be a whole number from 1 to 10'],
      ['instance_count', '10', undefined],
      ['instance_count', '11', 'must be a whole number from 1 to 10'],
      ['boot_storage_size', '50', undefined],
      ['boot_storage_size', '49', 'must be a whole number, at least 50 GB'],
    ];
    it.each(
      cases.map(
        ([parameter, value, expected]) => [parameter, value.length, value, expected] as const,
      ),
    )('%s of length %i gives %j', (parameter, _length, value, expected) => {
      expect(messageFor(parameter, { [parameter]: value })).toBe(expected);
    });
  });

  describe('schedule', () => {
    it('accepts an interval of 1 minute or more instead of a cron expression', () => {
      const interval = { schedule_cron_expression: undefined };
      expect(issuesFor({ ...interval, schedule_periodic_minutes: '1' })).toEqual([]);
      expect(
        messageFor('schedule_periodic_minutes', { ...interval, schedule_periodic_minutes: '0' }),
      ).toBe('must be a whole number, at least 1 minute');
    });

    it('rejects both a cron expression and an interval', () => {
      expect(messageFor('schedule_cron_expression', { schedule_periodic_minutes: '60' })).toBe(
        'needs exactly one of schedule_cron_expression and schedule_periodic_minutes (both are set)',
      );
    });

    it('rejects neither a cron expression nor an interval', () => {
      expect(messageFor('schedule_cron_expression', { schedule_cron_expression: '' })).toBe(
        'needs exactly one of schedule_cron_expression and schedule_periodic_minutes (neither is set)',
      );
    });

    it('requires six cron fields', () => {
      expect(
        messageFor('schedule_cron_expression', { schedule_cron_expression: '0 * * * *' }),
      ).toBe(
        'must have 6 fields (second minute hour day-of-month month day-of-week), such as 0 0 * * * ? (got 5)',
      );
      expect(
        messageFor('schedule_cron_expression', { schedule_cron_expression: '0 0 12 ? * MON-FRI' }),
      ).toBeUndefined();
      expect(
        messageFor('schedule_cron_expression', { schedule_cron_expression: '0 0 * * * ;' }),
      ).toBe('has an invalid field ";"');
    });

    it('requires the start as ISO 8601 with an offset', () => {
      expect(messageFor('schedule_start_datetime', { schedule_start_datetime: undefined })).toBe(
        'is required',
      );
      expect(
        messageFor('schedule_start_datetime', { schedule_start_datetime: '2025-05-28 13:44:46' }),
      ).toBe('must be an ISO 8601 date and time with an offset, such as 2025-05-28T13:44:46+09:00');
      expect(
        messageFor('schedule_start_datetime', { schedule_start_datetime: '2025-05-28T13:44:46' }),
      ).toMatch(/with an offset/);
      expect(
        messageFor('schedule_start_datetime', { schedule_start_datetime: '2025-05-28T04:44:46Z' }),
      ).toBeUndefined();
    });

    it('requires the end to be later than the start', () => {
      expect(
        messageFor('schedule_end_datetime', { schedule_end_datetime: '2025-05-28T13:44:47+09:00' }),
      ).toBeUndefined();
      expect(
        messageFor('schedule_end_datetime', { schedule_end_datetime: '2025-05-28T13:44:46+09:00' }),
      ).toBe('must be later than schedule_start_datetime');
      // Same instant written with another offset.
      expect(
        messageFor('schedule_end_datetime', { schedule_end_datetime: '2025-05-28T04:44:46Z' }),
      ).toBe('must be later than schedule_start_datetime');
    });
  });

  it('builds a wire body that passes the API schema', () => {
    const result = validateParameters(
      create,
      { ...valid, schedule_end_datetime: '2025-12-31T23:59:59+09:00', max_concurrency_count: '3' },
      {},
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const body = create.buildCreateBody(
      result.parameters,
      {
        pipeline_id: { id: 'ppl123456789', name: 'mnist' },
        experiment_name: { id: 'exp123456789', name: 'pipelines' },
        instance_type_name: { id: '5f0a7c52-1b7e-4a8e-9f31-0c1d2e3f4a01', name: 'm2.c4m8' },
      },
      {},
    );
    expect(body).toMatchObject({
      pipelineRunOrRecurringRunName: 'nightly-retrain',
      scheduleCronExpression: '0 0 * * * ?',
      maxConcurrencyCount: 3,
      scheduleStartDatetime: '2025-05-28T13:44:46+09:00',
      scheduleEndDatetime: '2025-12-31T23:59:59+09:00',
      useCatchup: true,
    });
    expect(body.schedulePeriodicMinutes).toBeUndefined();
    expect(pipelineRecurringRunCreateBodySchema.safeParse(body).success).toBe(true);
  });

  it('is created through the run path and read under its own key', () => {
    expect(pipelineRecurringRunCreate.path).toBe('/pipeline-runs');
    expect(pipelineRecurringRunCreate.objectKey).toBe('pipelineRecurringRun');
  });
});

describe('recurring run description', () => {
  it('is found by each of its command words', () => {
    for (const word of ['schedule', 'schedules', 'recurring-run', 'recurring-runs']) {
      expect(findDescriptionByWord(word)?.kind).toBe('pipeline-recurring-run');
    }
  });

  it('ends tracking at ENABLED and counts DISABLED as stopped', () => {
    const { statuses } = pipelineRecurringRunDescription;
    expect(classifyStatus('CREATE_REQUESTED', statuses)).toBe('going');
    expect(classifyStatus('ENABLED', statuses)).toBe('success');
    expect(classifyStatus('DISABLED', statuses)).toBe('stopped');
    expect(classifyStatus('CREATE_FAILED', statuses)).toBe('failure');
  });

  it('may be stopped, started and deleted', () => {
    expect(pipelineRecurringRunDescription.operations).toEqual({
      delete: true,
      stop: true,
      start: true,
    });
  });
});
