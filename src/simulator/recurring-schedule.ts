import { generateResourceId } from './ids.js';
import { advancePipelineRun } from './job-transitions.js';
import { chooseOutcome } from './resource-outcomes.js';
import { pipelineRunPaths } from './resource-paths.js';
import type { PipelineRecurringRunRecord, PipelineRunRecord } from './resource-records.js';
import type { SimulatorState } from './simulator-state.js';
import { isGoingStatus, startProgression } from './status-progression.js';

// Bounds the work of one refresh after a long clock jump; older due runs are skipped.
const maxRunsPerRefresh = 100;

/** Simulated epoch ms of the first periodic run: one interval after the schedule's start. */
export function firstRunAtMs(record: PipelineRecurringRunRecord): number | null {
  const minutes = record.schedule.periodicMinutes;
  if (minutes === null) {
    return null;
  }
  const startMs = Date.parse(record.schedule.startDatetime ?? '');
  return (Number.isNaN(startMs) ? record.createdAtMs : startMs) + minutes * 60_000;
}

/**
 * Starts the pipeline runs an ENABLED periodic schedule owes up to `nowMs`, each at its due
 * time. Without `useCatchup` only the latest due run starts. A due run is skipped while
 * `maxConcurrencyCount` runs of the schedule are still going. No run starts after
 * `scheduleEndDatetime`.
 * NOTE: cron schedules are validated but start no runs in the simulator, and a schedule past
 * its end stays ENABLED because the wire spelling of the expired status is not published.
 */
export function startDueRuns(
  state: SimulatorState,
  record: PipelineRecurringRunRecord,
  nowMs: number,
): void {
  const minutes = record.schedule.periodicMinutes;
  if (record.progression.status !== 'ENABLED' || minutes === null || record.nextRunAtMs === null) {
    return;
  }
  const periodMs = minutes * 60_000;
  const endMs = Date.parse(record.schedule.endDatetime ?? '');
  const lastDueMs = Math.min(nowMs, Number.isNaN(endMs) ? nowMs : endMs);
  if (record.nextRunAtMs > lastDueMs) {
    return;
  }
  const dueCount = Math.floor((lastDueMs - record.nextRunAtMs) / periodMs) + 1;
  const startCount = record.schedule.useCatchup ? Math.min(dueCount, maxRunsPerRefresh) : 1;
  const firstIndex = dueCount - startCount;
  for (let index = firstIndex; index < dueCount; index += 1) {
    startRunIfFree(state, record, record.nextRunAtMs + index * periodMs);
  }
  const nextRunAtMs = record.nextRunAtMs + dueCount * periodMs;
  record.nextRunAtMs = !Number.isNaN(endMs) && nextRunAtMs > endMs ? null : nextRunAtMs;
}

function startRunIfFree(state: SimulatorState, record: PipelineRecurringRunRecord, atMs: number) {
  const runs = [...state.store.pipelineRuns.values()].filter(
    (run) => run.recurringRun?.pipelineRecurringRunId === record.pipelineRecurringRunId,
  );
  for (const run of runs) {
    advancePipelineRun(state, run, atMs);
  }
  const going = runs.filter((run) => isGoingStatus(run.progression.status)).length;
  if (going >= record.schedule.maxConcurrencyCount) {
    state.logger.debug(
      { pipelineRecurringRunId: record.pipelineRecurringRunId, going },
      'scheduled pipeline run skipped: concurrency limit reached',
    );
    return;
  }
  record.startedRunCount += 1;
  const pipelineRunName = `${record.pipelineRecurringRunName}-${record.startedRunCount}`;
  const outcome = chooseOutcome(state.faults, 'pipelineRun', pipelineRunName, 'COMPLETE');
  const run: PipelineRunRecord = {
    pipelineRunId: generateResourceId(),
    pipelineRunName,
    settings: structuredClone(record.settings),
    recurringRun: {
      pipelineRecurringRunId: record.pipelineRecurringRunId,
      pipelineRecurringRunName: record.pipelineRecurringRunName,
    },
    outcome,
    finishedAtMs: null,
    runningStartedAtMs: null,
    runningEndedAtMs: null,
    createdAtMs: atMs,
    progression: startProgression(pipelineRunPaths[outcome], atMs),
  };
  state.store.pipelineRuns.set(run.pipelineRunId, run);
  state.logger.info(
    { pipelineRunId: run.pipelineRunId, pipelineRecurringRunId: record.pipelineRecurringRunId },
    'simulated scheduled pipeline run started',
  );
}
