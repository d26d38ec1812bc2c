import type { BatchInferenceRecord } from './resource-records.js';
import { runningProgress } from './running-progress.js';
import type { SimulatorState } from './simulator-state.js';

export interface BatchCounters {
  inputFileCount: number;
  inputDataCount: number;
  processCount: number;
  success2xxCount: number;
  fail4xxCount: number;
  fail5xxCount: number;
}

/**
 * Counters of a batch inference: records are processed evenly over the RUNNING step. In a job
 * that fails, every second processed record gets a server error (5xx).
 * NOTE: how the counters move while the job runs is not published; this even pace is assumed.
 */
export function batchCounters(state: SimulatorState, batch: BatchInferenceRecord): BatchCounters {
  const progress = runningProgress(
    batch,
    state.timing.stepMsOf('batchInference', 'RUNNING'),
    state.clock.nowMs(),
  );
  const processCount = Math.floor(batch.input.dataCount * progress);
  const fail5xxCount = batch.outcome === 'FAIL_BATCH_INFERENCE' ? Math.ceil(processCount / 2) : 0;
  return {
    inputFileCount: batch.input.fileCount,
    inputDataCount: batch.input.dataCount,
    processCount,
    success2xxCount: processCount - fail5xxCount,
    fail4xxCount: 0,
    fail5xxCount,
  };
}
