/*
 * Status paths of the resources added beside trainings and experiments (see
 * `status-progression.ts` for how a path is walked). Each table maps an outcome to the statuses
 * a resource passes on the way to it; `STOPPED` is the path a stop request switches to.
 */

const created = ['CREATE_REQUESTED', 'CREATE_IN_PROGRESS'] as const;

/** Paths of a job that runs once: tunings, batch inferences and pipeline runs. */
function jobPaths<F extends string>(failStatus: F) {
  return {
    COMPLETE: [...created, 'RUNNING', 'COMPLETE_IN_PROGRESS', 'COMPLETE'],
    [failStatus]: [...created, 'RUNNING', `${failStatus}_IN_PROGRESS`, failStatus],
    CREATE_FAILED: [...created, 'CREATE_FAILED'],
    STOPPED: ['STOP_IN_PROGRESS', 'STOPPED'],
  } as Record<'COMPLETE' | F | 'CREATE_FAILED' | 'STOPPED', readonly string[]>;
}

export const tuningPaths = jobPaths('FAIL_HYPERPARAMETER_TUNING');
export const batchInferencePaths = jobPaths('FAIL_BATCH_INFERENCE');
export const pipelineRunPaths = jobPaths('FAIL_PIPELINE_RUN');

/** Paths of models and pipelines, which end ACTIVE once created. */
export const activeResourcePaths = {
  ACTIVE: [...created, 'ACTIVE'],
  CREATE_FAILED: [...created, 'CREATE_FAILED'],
} as const;

/**
 * Endpoint paths. An endpoint whose default stage fails to deploy still becomes ACTIVE itself;
 * its reported status then turns to UPDATE_FAILED (see `endpointStatusOf`).
 */
export const endpointPaths = {
  ACTIVE: [...created, 'ACTIVE'],
  UPDATE_FAILED: [...created, 'ACTIVE'],
  CREATE_FAILED: [...created, 'CREATE_FAILED'],
} as const;

export const endpointStagePaths = {
  ACTIVE: [...created, 'DEPLOY_IN_PROGRESS', 'ACTIVE'],
  DEPLOY_FAILED: [...created, 'DEPLOY_IN_PROGRESS', 'DEPLOY_FAILED'],
  CREATE_FAILED: [...created, 'CREATE_FAILED'],
} as const;

export const endpointModelPaths = activeResourcePaths;

export const recurringRunPaths = {
  ENABLED: ['CREATE_REQUESTED', 'ENABLED'],
  CREATE_FAILED: ['CREATE_REQUESTED', 'CREATE_FAILED'],
} as const;

const jobTimedStatuses = <F extends string>(failStatus: F) =>
  [
    ...created,
    'RUNNING',
    'COMPLETE_IN_PROGRESS',
    `${failStatus}_IN_PROGRESS`,
    'STOP_IN_PROGRESS',
  ] as [string, ...string[]];

/** Statuses each added kind leaves on its own; keys of the per-kind `/_simulator/timing` body. */
export const addedTimedStatuses = {
  hyperparameterTuning: jobTimedStatuses('FAIL_HYPERPARAMETER_TUNING'),
  model: [...created] as [string, ...string[]],
  endpoint: [...created] as [string, ...string[]],
  endpointStage: [...created, 'DEPLOY_IN_PROGRESS'] as [string, ...string[]],
  endpointModel: [...created] as [string, ...string[]],
  batchInference: jobTimedStatuses('FAIL_BATCH_INFERENCE'),
  pipeline: [...created] as [string, ...string[]],
  pipelineRun: jobTimedStatuses('FAIL_PIPELINE_RUN'),
  pipelineRecurringRun: ['CREATE_REQUESTED'] as [string, ...string[]],
};

export type AddedTimedKind = keyof typeof addedTimedStatuses;

/** Statuses from which a job (tuning, batch inference, pipeline run) accepts a stop request. */
export const stoppableJobStatuses: readonly string[] = [...created, 'RUNNING'];

/** Failure statuses of a finished resource, for the rules that look at "failed" resources. */
export function isFailedStatus(status: string): boolean {
  return status.endsWith('_FAILED') || (status.startsWith('FAIL_') && !isInProgress(status));
}

function isInProgress(status: string): boolean {
  return status.endsWith('_IN_PROGRESS');
}
