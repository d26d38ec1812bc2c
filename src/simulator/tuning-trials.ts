import {
  type HyperparameterSpecBody,
  splitSpecifiedValues,
} from './bodies/hyperparameter-spec-body.js';
import type { TuningRecord } from './resource-records.js';
import { runningProgress } from './running-progress.js';
import type { SimulatorState } from './simulator-state.js';

/*
 * Trials of a simulated tuning. They run in rounds of `parallelTrialCount` spread evenly over
 * the RUNNING step, so the counts grow while the tuning runs. Every value is a pure function of
 * the trial number, so two tunings with the same body report the same trials.
 */

// NOTE: the trial count of a tuning without `maxTrialCount` is not published; 10 is assumed.
export const defaultMaxTrialCount = 10;

export interface TrialSummary {
  successfulTrialCount: number;
  runningTrialCount: number;
  failedTrialCount: number;
  optimalTrial: Record<string, unknown> | null;
  /** Objective value of the optimal trial, or null without one. */
  optimalObjectiveValue: number | null;
}

/** Pseudo-random number in [0, 1) fixed by its inputs. */
function fixedFraction(trial: number, salt: number): number {
  const value = Math.sin((trial + 1) * 12.9898 + (salt + 1) * 78.233) * 43758.5453;
  return value - Math.floor(value);
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** Objective value of a trial: better on the whole as trials go on, with a fixed jitter. */
export function objectiveValue(trial: number, objectiveTypeCode: string): number {
  const score = 0.55 + 0.35 * (1 - 0.8 ** (trial + 1)) + 0.03 * (fixedFraction(trial, 0) * 2 - 1);
  return round4(objectiveTypeCode === 'MINIMIZE' ? 1 - score : score);
}

/** Returns true for every seventh trial, and for every trial of a tuning bound to fail. */
function isFailedTrial(tuning: TuningRecord, trial: number): boolean {
  return tuning.outcome === 'FAIL_HYPERPARAMETER_TUNING' || trial % 7 === 6;
}

function trialValue(spec: HyperparameterSpecBody, trial: number, specIndex: number): string {
  if (spec.hyperparameterTypeCode === 'discrete' || spec.hyperparameterTypeCode === 'categorical') {
    const values = splitSpecifiedValues(spec.hyperparameterSpecifiedValues);
    return values[(trial + specIndex) % values.length] ?? '';
  }
  const min = Number(spec.hyperparameterMinValue);
  const max = Number(spec.hyperparameterMaxValue);
  const step = Number(spec.hyperparameterStep);
  let value: number;
  if (step > 0) {
    const stepCount = Math.floor((max - min) / step) + 1;
    value = min + step * ((trial + specIndex) % stepCount);
  } else if (spec.hyperparameterTypeCode === 'int') {
    value = min + Math.floor(fixedFraction(trial, specIndex + 1) * (max - min + 1));
  } else {
    value = min + (max - min) * fixedFraction(trial, specIndex + 1);
  }
  return String(
    spec.hyperparameterTypeCode === 'int' ? Math.round(value) : Number(value.toPrecision(6)),
  );
}

/** Renders trial `trial` (from 0) as the `optimalTrial` object. */
export function renderTrial(tuning: TuningRecord, trial: number): Record<string, unknown> {
  const { body } = tuning;
  const objectiveName = body.objectiveMetric.name;
  const metricNames = (body.metricList ?? []).map((metric) => metric.name);
  const names = metricNames.length > 0 ? metricNames : [objectiveName];
  const objective = objectiveValue(trial, body.objectiveTypeCode);
  return {
    trialId: `${tuning.hyperparameterTuningId.slice(0, 8)}${String(trial + 1).padStart(4, '0')}`,
    trialName: `${body.hyperparameterTuningName}-trial-${trial + 1}`,
    trialStatusCode: isFailedTrial(tuning, trial) ? 'FAILED' : 'SUCCEEDED',
    hyperparameterTuningId: tuning.hyperparameterTuningId,
    hyperparameterList: body.hyperparameterSpecList.map((spec, specIndex) => ({
      parameterName: spec.hyperparameterName,
      parameterValue: trialValue(spec, trial, specIndex),
    })),
    trialMetricList: names.map((name, metricIndex) => {
      const latest =
        name === objectiveName ? objective : objectiveValue(trial + metricIndex * 3, 'MAXIMIZE');
      const decreasing = name === objectiveName && body.objectiveTypeCode === 'MINIMIZE';
      return {
        trialMetricName: name,
        trialMetricMinValue: String(decreasing ? latest : round4(latest * 0.7)),
        trialMetricMaxValue: String(decreasing ? round4(latest * 1.6) : latest),
        trialMetricLatestValue: String(latest),
      };
    }),
  };
}

/** Trial counts and the best trial so far of `tuning` at the simulated now. */
export function summarizeTrials(state: SimulatorState, tuning: TuningRecord): TrialSummary {
  const { body } = tuning;
  const total = body.maxTrialCount ?? defaultMaxTrialCount;
  const parallel = body.parallelTrialCount ?? 1;
  const rounds = Math.ceil(total / parallel);
  const progress = runningProgress(
    tuning,
    state.timing.stepMsOf('hyperparameterTuning', 'RUNNING'),
    state.clock.nowMs(),
  );
  const finished = Math.min(total, Math.floor(progress * rounds) * parallel);
  const running =
    tuning.progression.status === 'RUNNING' ? Math.min(parallel, total - finished) : 0;

  let failed = 0;
  let best: { trial: number; value: number } | null = null;
  for (let trial = 0; trial < finished; trial += 1) {
    if (isFailedTrial(tuning, trial)) {
      failed += 1;
      continue;
    }
    const value = objectiveValue(trial, body.objectiveTypeCode);
    const better =
      body.objectiveTypeCode === 'MINIMIZE'
        ? value < (best?.value ?? Infinity)
        : value > (best?.value ?? -Infinity);
    if (better) {
      best = { trial, value };
    }
  }
  return {
    successfulTrialCount: finished - failed,
    runningTrialCount: running,
    failedTrialCount: failed,
    optimalTrial: best === null ? null : renderTrial(tuning, best.trial),
    optimalObjectiveValue: best?.value ?? null,
  };
}
