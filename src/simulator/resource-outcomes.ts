import type { FaultQueue } from './faults.js';

/**
 * Failure statuses each resource kind can end in. The first one is the failure of the work
 * itself, chosen by the `fail-` name prefix; CREATE_FAILED is chosen by `createfail-`. An
 * endpoint "fails" with UPDATE_FAILED: it becomes ACTIVE but its default stage fails to deploy.
 */
export const failureStatusesByKind = {
  training: ['FAIL_TRAIN', 'CREATE_FAILED'],
  experiment: ['CREATE_FAILED'],
  hyperparameterTuning: ['FAIL_HYPERPARAMETER_TUNING', 'CREATE_FAILED'],
  model: ['CREATE_FAILED'],
  endpoint: ['UPDATE_FAILED', 'CREATE_FAILED'],
  endpointStage: ['DEPLOY_FAILED', 'CREATE_FAILED'],
  batchInference: ['FAIL_BATCH_INFERENCE', 'CREATE_FAILED'],
  pipeline: ['CREATE_FAILED'],
  pipelineRun: ['FAIL_PIPELINE_RUN', 'CREATE_FAILED'],
  pipelineRecurringRun: ['CREATE_FAILED'],
} as const;

export type FailableKind = keyof typeof failureStatusesByKind;
export type FailureStatusOf<K extends FailableKind> = (typeof failureStatusesByKind)[K][number];

export const failableKinds = Object.keys(failureStatusesByKind) as [
  FailableKind,
  ...FailableKind[],
];

/**
 * Name prefixes that choose a failure. Stage names allow only lowercase letters and digits, so
 * stages take the prefixes without the hyphen (a stage called `failover` fails too).
 */
function failurePrefixes(kind: FailableKind): { createFail: string; fail: string } {
  return kind === 'endpointStage'
    ? { createFail: 'createfail', fail: 'fail' }
    : { createFail: 'createfail-', fail: 'fail-' };
}

/**
 * Picks how a new resource ends. A queued `fail-resource` fault wins; otherwise the name
 * decides: `createfail-...` ends in CREATE_FAILED, `fail-...` in the kind's own failure status,
 * anything else in `success`.
 */
export function chooseOutcome<K extends FailableKind, S extends string>(
  faults: FaultQueue,
  kind: K,
  name: string,
  success: S,
): S | FailureStatusOf<K> {
  const injected = faults.takeFailureStatus(kind, name);
  if (injected !== undefined) {
    return injected;
  }
  const statuses: readonly FailureStatusOf<K>[] = failureStatusesByKind[kind];
  const prefixes = failurePrefixes(kind);
  if (name.startsWith(prefixes.createFail)) {
    return 'CREATE_FAILED' as FailureStatusOf<K>;
  }
  if (name.startsWith(prefixes.fail)) {
    return statuses[0] as FailureStatusOf<K>;
  }
  return success;
}
