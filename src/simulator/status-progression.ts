/**
 * Status progression of simulated resources. A resource walks a fixed path of statuses and
 * spends a configurable time in each one. No timers run: `advanceProgression` is called on
 * every read and replays the steps whose time has passed, stamping each transition with the
 * moment it happened rather than the moment it was observed.
 */

export const trainingPaths = {
  COMPLETE: [
    'CREATE_REQUESTED',
    'CREATE_IN_PROGRESS',
    'RUNNING',
    'COMPLETE_IN_PROGRESS',
    'COMPLETE',
  ],
  FAIL_TRAIN: [
    'CREATE_REQUESTED',
    'CREATE_IN_PROGRESS',
    'RUNNING',
    'FAIL_TRAIN_IN_PROGRESS',
    'FAIL_TRAIN',
  ],
  CREATE_FAILED: ['CREATE_REQUESTED', 'CREATE_IN_PROGRESS', 'CREATE_FAILED'],
  STOPPED: ['STOP_IN_PROGRESS', 'STOPPED'],
} as const;

export const experimentPaths = {
  ACTIVE: ['CREATE_REQUESTED', 'CREATE_IN_PROGRESS', 'ACTIVE'],
  CREATE_FAILED: ['CREATE_REQUESTED', 'CREATE_IN_PROGRESS', 'CREATE_FAILED'],
} as const;

export type TrainingOutcome = 'COMPLETE' | 'FAIL_TRAIN' | 'CREATE_FAILED';
export type ExperimentOutcome = 'ACTIVE' | 'CREATE_FAILED';

/** Statuses a resource leaves on its own; the step length of each one can be configured. */
export const trainingTimedStatuses = [
  'CREATE_REQUESTED',
  'CREATE_IN_PROGRESS',
  'RUNNING',
  'COMPLETE_IN_PROGRESS',
  'FAIL_TRAIN_IN_PROGRESS',
  'STOP_IN_PROGRESS',
] as const;

export const experimentTimedStatuses = ['CREATE_REQUESTED', 'CREATE_IN_PROGRESS'] as const;

export interface Progression {
  status: string;
  /** Simulated epoch ms at which `status` was entered. */
  enteredAtMs: number;
  /** Remaining path; `path[0]` is the current status and the last entry is terminal. */
  path: readonly string[];
}

export interface StatusTransition {
  from: string;
  to: string;
  atMs: number;
}

/** Starts a progression at the first status of `path`. */
export function startProgression(path: readonly string[], nowMs: number): Progression {
  return { status: path[0] ?? 'CREATE_REQUESTED', enteredAtMs: nowMs, path };
}

/**
 * Moves `progression` forward to `nowMs` in place and returns the transitions made, oldest first.
 * `stepMsOf` gives how long a status lasts. It is read at each step, so a changed timing applies
 * to the status a resource is in and never moves it backwards.
 */
export function advanceProgression(
  progression: Progression,
  nowMs: number,
  stepMsOf: (status: string) => number,
): StatusTransition[] {
  const transitions: StatusTransition[] = [];
  while (progression.path.length > 1) {
    const leaveAtMs = progression.enteredAtMs + Math.max(0, stepMsOf(progression.status));
    if (leaveAtMs > nowMs) {
      break;
    }
    const next = progression.path[1] ?? progression.status;
    transitions.push({ from: progression.status, to: next, atMs: leaveAtMs });
    progression.status = next;
    progression.enteredAtMs = leaveAtMs;
    progression.path = progression.path.slice(1);
  }
  return transitions;
}

/** Switches `progression` to a new path (a stop request) starting now. */
export function redirectProgression(
  progression: Progression,
  path: readonly string[],
  nowMs: number,
): StatusTransition {
  const transition = { from: progression.status, to: path[0] ?? progression.status, atMs: nowMs };
  progression.status = transition.to;
  progression.enteredAtMs = nowMs;
  progression.path = path;
  return transition;
}

/** True while the resource still moves on its own (any `*_REQUESTED`, `*_IN_PROGRESS`, `RUNNING`). */
export function isGoingStatus(status: string): boolean {
  return status.endsWith('_REQUESTED') || status.endsWith('_IN_PROGRESS') || status === 'RUNNING';
}
