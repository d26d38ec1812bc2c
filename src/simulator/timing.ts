import { z } from 'zod';
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
});

export type TimingBody = z.infer<typeof timingBodySchema>;

export type TimedResourceKind = 'training' | 'experiment';

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
    const describeKind = (kind: TimedResourceKind, statuses: readonly string[]) =>
      Object.fromEntries(statuses.map((status) => [status, this.stepMsOf(kind, status)]));
    return {
      speed: this.speed,
      defaultStepMs: this.defaultStepMs,
      training: describeKind('training', trainingTimedStatuses),
      experiment: describeKind('experiment', experimentTimedStatuses),
    };
  }
}
