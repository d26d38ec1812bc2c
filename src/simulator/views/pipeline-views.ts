import type {
  PipelineRecord,
  PipelineRecurringRunRecord,
  PipelineRunRecord,
  PipelineRunSettings,
} from '../resource-records.js';
import { runningSeconds } from '../running-progress.js';
import type { SimulatorState } from '../simulator-state.js';
import { commonFields, optionalDatetime } from './common-fields.js';

/** Renders the pipeline object of `GET /pipelines/{id}` and the upload response. */
export function renderPipeline(
  state: SimulatorState,
  pipeline: PipelineRecord,
): Record<string, unknown> {
  return {
    pipelineId: pipeline.pipelineId,
    pipelineName: pipeline.pipelineName,
    pipelineStatusCode: pipeline.progression.status,
    pipelineParameterSpecList: pipeline.parameterSpecs.map((spec) => ({ ...spec })),
    ...commonFields(state, pipeline.description, pipeline.createdAtMs),
  };
}

/** Fields that runs and recurring runs share. */
function runSettingsFields(settings: PipelineRunSettings): Record<string, unknown> {
  return {
    pipeline: { ...settings.pipeline },
    experiment: { ...settings.experiment },
    flavor: { ...settings.flavor },
    instanceCount: settings.instanceCount,
    bootStorage: { storageSize: settings.bootStorageSize },
    nasList: settings.nasList.map((nas) => ({ ...nas })),
    parameterList: settings.parameterList.map((parameter) => ({ ...parameter })),
  };
}

/** Renders the pipeline run object of `GET /pipeline-runs/{id}` and the create response. */
export function renderPipelineRun(
  state: SimulatorState,
  run: PipelineRunRecord,
): Record<string, unknown> {
  return {
    pipelineRunId: run.pipelineRunId,
    pipelineRunName: run.pipelineRunName,
    pipelineRunStatusCode: run.progression.status,
    ...runSettingsFields(run.settings),
    pipelineRecurringRun: run.recurringRun === null ? null : { ...run.recurringRun },
    elapsedTimeSeconds: runningSeconds(run, state.clock.nowMs()),
    startedDatetime: optionalDatetime(run.runningStartedAtMs),
    finishedDatetime: optionalDatetime(run.finishedAtMs),
    ...commonFields(state, run.settings.description, run.createdAtMs),
  };
}

/** Renders the recurring run object of `GET /pipeline-recurring-runs/{id}` and the create response. */
export function renderPipelineRecurringRun(
  state: SimulatorState,
  recurringRun: PipelineRecurringRunRecord,
): Record<string, unknown> {
  const { schedule } = recurringRun;
  return {
    pipelineRecurringRunId: recurringRun.pipelineRecurringRunId,
    pipelineRecurringRunName: recurringRun.pipelineRecurringRunName,
    pipelineRecurringRunStatusCode: recurringRun.progression.status,
    ...runSettingsFields(recurringRun.settings),
    scheduleCronExpression: schedule.cronExpression,
    schedulePeriodicMinutes: schedule.periodicMinutes,
    maxConcurrencyCount: schedule.maxConcurrencyCount,
    scheduleStartDatetime: schedule.startDatetime,
    scheduleEndDatetime: schedule.endDatetime,
    useCatchup: schedule.useCatchup,
    ...commonFields(state, recurringRun.settings.description, recurringRun.createdAtMs),
  };
}
