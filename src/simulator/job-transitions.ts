import type { PipelineRunRecord, RunningTimes } from './resource-records.js';
import type { SimulatorState } from './simulator-state.js';
import { advanceProgression, type StatusTransition } from './status-progression.js';

/** Records when a job entered and left RUNNING. */
export function trackRunningTimes(job: RunningTimes, transition: StatusTransition): void {
  if (transition.to === 'RUNNING') {
    job.runningStartedAtMs = transition.atMs;
  }
  if (transition.from === 'RUNNING') {
    job.runningEndedAtMs = transition.atMs;
  }
}

const finalRunStatuses = ['COMPLETE', 'FAIL_PIPELINE_RUN', 'CREATE_FAILED', 'STOPPED'];

/** Advances a pipeline run to `atMs`, recording its running and finishing times. */
export function advancePipelineRun(
  state: SimulatorState,
  run: PipelineRunRecord,
  atMs: number,
): void {
  const transitions = advanceProgression(run.progression, atMs, (status) =>
    state.timing.stepMsOf('pipelineRun', status),
  );
  for (const transition of transitions) {
    trackRunningTimes(run, transition);
    if (finalRunStatuses.includes(transition.to)) {
      run.finishedAtMs = transition.atMs;
    }
    state.logger.debug(
      { pipelineRunId: run.pipelineRunId, from: transition.from, to: transition.to },
      'simulated pipeline run status changed',
    );
  }
}
