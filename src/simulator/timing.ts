import { z } from 'zod';
import { type AddedTimedKind, addedTimedStatuses } from './resource-paths.js';
import { experimentTimedStatuses, trainingTimedStatuses } from './status-progression.js';

/** Base step length at speed 1: every status that moves on its own lasts about this long. */
export const baseStepMs = 5000;

const stepMs = z.number().int().min(0, { error: 'must be 0 or more milliseconds' });

function stepsFor<T extends readonly [string, ...string[]]>(statuses: T) {
  return z.partialRecord(z.enum(statuses), stepMs).optional();
}

/**
 * Body of `PUT /_simulator/timing`. Step lengths in milliseconds: `defaultStepMs` for every
 * status, then per-status overrides per resource kind. Each PUT replaces the previous one.
 */
export const timingBodySchema = z.strictObject({
  defaultStepMs: stepMs.optional(),
  training: stepsFor(trainingTimedStatuses),
  experiment: stepsFor(experimentTimedStatuses),
  hyperparameterTuning: stepsFor(addedTimedStatuses.hyperparameterTuning),
  model: stepsFor(addedTimedStatuses.model),
  endpoint: stepsFor(addedTimedStatuses.endpoint),
  endpointStage: stepsFor(addedTimedStatuses.endpointStage),
  endpointModel: stepsFor(addedTimedStatuses.endpointModel),
  batchInference: stepsFor(addedTimedStatuses.batchInference),
  pipeline: stepsFor(addedTimedStatuses.pipeline),
  pipelineRun: stepsFor(addedTimedStatuses.pipelineRun),
  pipelineRecurringRun: stepsFor(addedTimedStatuses.pipelineRecurringRun),
});

export type TimingBody = z.infer<typeof timingBodySchema>;

export type TimedResourceKind = 'training' | 'experiment' | AddedTimedKind;

const timedStatusesByKind: Record<TimedResourceKind, readonly string[]> = {
  training: trainingTimedStatuses,
  experiment: experimentTimedStatuses,
  ...addedTimedStatuses,
};

/** Step lengths per resource kind and status, derived from the speed factor and overrides. */
export class StatusTiming {
  private overrides: TimingBody = {};

  constructor(private readonly speed: number) {}

  get defaultStepMs(): number {
    return this.overrides.defaultStepMs ?? Math.round(baseStepMs / this.speed);
  }

  stepMsOf(kind: TimedResourceKind, status: string): number {
    const perStatus: Record<string, number | undefined> = this.overrides[kind] ?? {};
    return perStatus[status] ?? this.defaultStepMs;
  }

  replace(body: TimingBody): void {
    this.overrides = body;
  }

  reset(): void {
    this.overrides = {};
  }

  /** Current step lengths of every timed status, for the control API. */
  describe(): Record<string, unknown> {
    const kinds = Object.entries(timedStatusesByKind).map(([kind, statuses]) => [
      kind,
      Object.fromEntries(
        statuses.map((status) => [status, this.stepMsOf(kind as TimedResourceKind, status)]),
      ),
    ]);
    return {
      speed: this.speed,
      defaultStepMs: this.defaultStepMs,
      ...Object.fromEntries(kinds),
    };
  }
}
