import type { RunningTimes } from './resource-records.js';
import type { Progression } from './status-progression.js';

type RunningJob = RunningTimes & { progression: Progression };

/**
 * Share of the RUNNING step a job has completed, from 0 to 1. A job that left RUNNING on its
 * own has completed it; a stopped job keeps the share it had reached when the stop came.
 * `runningStepMs` is the current step length of RUNNING for the job's kind.
 */
export function runningProgress(job: RunningJob, runningStepMs: number, nowMs: number): number {
  if (job.runningStartedAtMs === null) {
    return 0;
  }
  const status = job.progression.status;
  const stopped = status === 'STOP_IN_PROGRESS' || status === 'STOPPED';
  if ((job.runningEndedAtMs !== null && !stopped) || runningStepMs <= 0) {
    return 1;
  }
  const endMs = job.runningEndedAtMs ?? nowMs;
  return Math.min(1, Math.max(0, (endMs - job.runningStartedAtMs) / runningStepMs));
}

/** Whole seconds spent RUNNING so far; grows while RUNNING and stops when it is left. */
export function runningSeconds(job: RunningTimes, nowMs: number): number {
  if (job.runningStartedAtMs === null) {
    return 0;
  }
  const endMs = job.runningEndedAtMs ?? nowMs;
  return Math.max(0, Math.floor((endMs - job.runningStartedAtMs) / 1000));
}
