import { writeBatchInferenceResult } from './batch-inference-output.js';
import { advancePipelineRun, trackRunningTimes } from './job-transitions.js';
import { startDueRuns } from './recurring-schedule.js';
import type { SimulatorState } from './simulator-state.js';
import { advanceProgression, type Progression } from './status-progression.js';
import type { TimedResourceKind } from './timing.js';

/**
 * Advances the resources beside experiments and trainings to `nowMs` and applies the side
 * effects of their transitions: running times of jobs, the batch inference result object and
 * the runs that periodic schedules start. Schedules go before runs, so a run started during a
 * clock jump is advanced in the same pass.
 */
export function refreshAddedResources(state: SimulatorState, nowMs: number): void {
  const { store } = state;
  const advance = (kind: TimedResourceKind, id: string, progression: Progression) => {
    const transitions = advanceProgression(progression, nowMs, (status) =>
      state.timing.stepMsOf(kind, status),
    );
    for (const transition of transitions) {
      state.logger.debug(
        { kind, id, from: transition.from, to: transition.to },
        'simulated resource status changed',
      );
    }
    return transitions;
  };

  for (const tuning of store.hyperparameterTunings.values()) {
    for (const transition of advance(
      'hyperparameterTuning',
      tuning.hyperparameterTuningId,
      tuning.progression,
    )) {
      trackRunningTimes(tuning, transition);
    }
  }
  for (const model of store.models.values()) {
    advance('model', model.modelId, model.progression);
  }
  for (const endpoint of store.endpoints.values()) {
    advance('endpoint', endpoint.endpointId, endpoint.progression);
  }
  for (const stage of store.endpointStages.values()) {
    advance('endpointStage', stage.endpointStageId, stage.progression);
  }
  for (const endpointModel of store.endpointModels.values()) {
    advance('endpointModel', endpointModel.endpointModelId, endpointModel.progression);
  }
  for (const batch of store.batchInferences.values()) {
    for (const transition of advance('batchInference', batch.batchInferenceId, batch.progression)) {
      trackRunningTimes(batch, transition);
      if (transition.to === 'COMPLETE') {
        writeBatchInferenceResult(state, batch, transition.atMs);
      }
    }
  }
  for (const pipeline of store.pipelines.values()) {
    advance('pipeline', pipeline.pipelineId, pipeline.progression);
  }
  for (const schedule of store.pipelineRecurringRuns.values()) {
    advance('pipelineRecurringRun', schedule.pipelineRecurringRunId, schedule.progression);
    startDueRuns(state, schedule, nowMs);
  }
  for (const run of store.pipelineRuns.values()) {
    advancePipelineRun(state, run, nowMs);
  }
}
