import { SimulatorFailure, successEnvelope } from '../envelope.js';
import { trackRunningTimes } from '../job-transitions.js';
import { stoppableJobStatuses } from '../resource-paths.js';
import type { RunningTimes } from '../resource-records.js';
import type { RouteResponse } from '../router.js';
import type { SimulatorState } from '../simulator-state.js';
import { isGoingStatus, type Progression, redirectProgression } from '../status-progression.js';

/** Builds a 200 response with the EasyMaker envelope; without a key it has only the header. */
export function ok(key?: string, payload?: unknown): RouteResponse {
  return { status: 200, body: successEnvelope(key, payload) };
}

/** Returns the record stored under `id` or throws a 404 failure naming the resource. */
export function findOrFail<R>(records: Map<string, R>, id: string, label: string): R {
  const record = records.get(id);
  if (record === undefined) {
    throw new SimulatorFailure('notFound', `${label} ${id} not found`);
  }
  return record;
}

/** Returns the records newest first. NOTE: list order is not published. */
export function newestFirst<R>(records: Map<string, R>): R[] {
  return [...records.values()].reverse();
}

/**
 * Throws a 409 failure while a resource is still changing, because such a resource cannot be
 * deleted. The message advises stopping a stoppable resource first and waiting otherwise.
 */
export function assertSettled(
  label: string,
  id: string,
  status: string,
  stoppableStatuses: readonly string[] = [],
): void {
  if (!isGoingStatus(status)) {
    return;
  }
  const advice = stoppableStatuses.includes(status) ? 'stop it first' : 'wait until it ends';
  throw new SimulatorFailure(
    'conflict',
    `${label} ${id} is ${status} and cannot be deleted; ${advice}`,
  );
}

/** Throws a 409 failure naming what still uses a resource that is to be deleted. */
export function assertUnused(label: string, id: string, user: string | undefined): void {
  if (user !== undefined) {
    throw new SimulatorFailure(
      'conflict',
      `${label} ${id} is used by ${user} and cannot be deleted`,
    );
  }
}

/** Switches a job (tuning, batch inference, pipeline run) to STOP_IN_PROGRESS -> STOPPED. */
export function stopJob(
  state: SimulatorState,
  job: RunningTimes & { progression: Progression },
  label: string,
  id: string,
): void {
  const status = job.progression.status;
  if (!stoppableJobStatuses.includes(status)) {
    throw new SimulatorFailure('conflict', `${label} ${id} is ${status} and cannot be stopped`);
  }
  const transition = redirectProgression(
    job.progression,
    ['STOP_IN_PROGRESS', 'STOPPED'],
    state.clock.nowMs(),
  );
  trackRunningTimes(job, transition);
  state.logger.info({ id, label }, 'simulated job stopping');
}
