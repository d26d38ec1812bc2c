import {
  type PipelineRecurringRun,
  pipelineRecurringRunSchema,
} from '../api/schemas/pipeline-recurring-run.js';
import {
  type PipelineRecurringRunParameters,
  pipelineRecurringRunCreate,
} from './pipeline-recurring-run-create.js';
import type { ResourceDescription, SummaryField } from './resource-description.js';

function scheduleOf(recurringRun: PipelineRecurringRun): string {
  if (recurringRun.scheduleCronExpression) {
    return `cron ${recurringRun.scheduleCronExpression}`;
  }
  if (recurringRun.schedulePeriodicMinutes != null) {
    return `every ${recurringRun.schedulePeriodicMinutes} min`;
  }
  return '-';
}

/**
 * The EasyMaker pipeline recurring run (schedule). Tracking ends when the schedule is ENABLED;
 * `stop` disables it and `start` enables it again.
 */
export const pipelineRecurringRunDescription: ResourceDescription<
  PipelineRecurringRun,
  PipelineRecurringRunParameters
> = {
  kind: 'pipeline-recurring-run',
  noun: 'recurring run',
  title: 'Recurring run',
  words: ['schedule', 'schedules', 'recurring-run', 'recurring-runs'],
  api: {
    collectionPath: '/pipeline-recurring-runs',
    listKey: 'pipelineRecurringRunList',
    objectKey: 'pipelineRecurringRun',
    objectSchema: pipelineRecurringRunSchema,
  },
  idOf: (recurringRun) => recurringRun.pipelineRecurringRunId,
  nameOf: (recurringRun) => recurringRun.pipelineRecurringRunName,
  statusOf: (recurringRun) => recurringRun.pipelineRecurringRunStatusCode,
  elapsedSecondsOf: () => undefined,
  statuses: {
    going: ['CREATE_REQUESTED'],
    // NOTE: the console shows an expired schedule as "ENABLED(EXPIRED)". Its wire spelling is
    // not published, so both that text and an underscore form count as success.
    success: ['ENABLED', 'ENABLED(EXPIRED)', 'ENABLED_EXPIRED'],
    failure: ['CREATE_FAILED'],
    stopped: ['DISABLED'],
  },
  create: pipelineRecurringRunCreate,
  operations: { delete: true, stop: true, start: true },
  list: {
    columns: [
      { label: 'Status', value: (recurringRun) => recurringRun.pipelineRecurringRunStatusCode },
      { label: 'Schedule', value: scheduleOf },
      { label: 'Pipeline', value: (recurringRun) => recurringRun.pipeline?.pipelineName ?? '-' },
    ],
  },
  summarizeResult(recurringRun) {
    const fields: SummaryField[] = [{ label: 'Schedule', value: scheduleOf(recurringRun) }];
    if (recurringRun.pipeline?.pipelineName) {
      fields.push({ label: 'Pipeline', value: recurringRun.pipeline.pipelineName });
    }
    if (recurringRun.maxConcurrencyCount != null) {
      fields.push({
        label: 'Max concurrent runs',
        value: String(recurringRun.maxConcurrencyCount),
      });
    }
    if (recurringRun.scheduleStartDatetime) {
      fields.push({ label: 'Starts', value: recurringRun.scheduleStartDatetime });
    }
    fields.push({ label: 'Ends', value: recurringRun.scheduleEndDatetime ?? 'when stopped' });
    if (recurringRun.useCatchup != null) {
      fields.push({ label: 'Catch up', value: recurringRun.useCatchup ? 'yes' : 'no' });
    }
    return fields;
  },
};
