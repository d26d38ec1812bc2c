import { SimulatorFailure, successEnvelope } from '../envelope.js';
import { generateResourceId } from '../ids.js';
import { renderExperiment } from '../resource-views.js';
import type { Router } from '../router.js';
import type { SimulatorState } from '../simulator-state.js';
import {
  type ExperimentOutcome,
  experimentPaths,
  isGoingStatus,
  startProgression,
} from '../status-progression.js';
import type { ExperimentRecord } from '../store.js';
import { objectOf, optionalString, parseOrFail, requiredString } from '../validation.js';
import { easyMakerPrefix, guardEasyMakerRoute, readListParameter } from './guards.js';
import { pagedListEnvelope } from './paging.js';

const experimentCreateBodySchema = objectOf({
  experimentName: requiredString(50),
  description: optionalString(255),
});

/** Adds an experiment that starts at CREATE_REQUESTED, or directly at `ACTIVE` when seeded. */
export function insertExperiment(
  state: SimulatorState,
  fields: { experimentName: string; description?: string | null | undefined },
  outcome: ExperimentOutcome,
  startActive = false,
): ExperimentRecord {
  const nowMs = state.clock.nowMs();
  const path = startActive ? ['ACTIVE'] : experimentPaths[outcome];
  const experiment: ExperimentRecord = {
    experimentId: generateResourceId(),
    experimentName: fields.experimentName,
    description: fields.description ?? null,
    createdAtMs: nowMs,
    progression: startProgression(path, nowMs),
  };
  state.store.experiments.set(experiment.experimentId, experiment);
  return experiment;
}

/**
 * Names what keeps an experiment from being deleted: a pipeline schedule, or a training,
 * tuning or pipeline run in progress. Returns undefined when nothing does.
 */
function findExperimentBlocker(state: SimulatorState, experimentId: string): string | undefined {
  const { store } = state;
  const busy = (status: string) => isGoingStatus(status);
  const training = [...store.trainings.values()].find(
    (candidate) =>
      candidate.experiment.experimentId === experimentId && busy(candidate.progression.status),
  );
  if (training !== undefined) {
    return `training ${training.trainingId} in progress`;
  }
  const tuning = [...store.hyperparameterTunings.values()].find(
    (candidate) =>
      candidate.experiment.experimentId === experimentId && busy(candidate.progression.status),
  );
  if (tuning !== undefined) {
    return `hyperparameter tuning ${tuning.hyperparameterTuningId} in progress`;
  }
  const run = [...store.pipelineRuns.values()].find(
    (candidate) =>
      candidate.settings.experiment.experimentId === experimentId &&
      busy(candidate.progression.status),
  );
  if (run !== undefined) {
    return `pipeline run ${run.pipelineRunId} in progress`;
  }
  const schedule = [...store.pipelineRecurringRuns.values()].find(
    (candidate) => candidate.settings.experiment.experimentId === experimentId,
  );
  return schedule && `pipeline recurring run ${schedule.pipelineRecurringRunId}`;
}

function findExperimentOrFail(state: SimulatorState, experimentId: string): ExperimentRecord {
  const experiment = state.store.experiments.get(experimentId);
  if (experiment === undefined) {
    throw new SimulatorFailure('notFound', `experiment ${experimentId} not found`);
  }
  return experiment;
}

/** Registers the experiment list, create, get and delete routes. */
export function registerExperimentRoutes(router: Router, state: SimulatorState): void {
  const collection = `${easyMakerPrefix}/experiments`;
  const item = `${collection}/:experimentId`;

  router.add(
    'GET',
    collection,
    guardEasyMakerRoute(state, (request) => {
      const names = readListParameter(request.query, 'experimentNameList');
      const ids = readListParameter(request.query, 'experimentIdList');
      // NOTE: list order is not published; the simulator lists the newest first.
      const experiments = [...state.store.experiments.values()]
        .reverse()
        .filter((experiment) => !names || names.includes(experiment.experimentName))
        .filter((experiment) => !ids || ids.includes(experiment.experimentId))
        .map((experiment) => renderExperiment(state, experiment));
      return {
        status: 200,
        body: pagedListEnvelope('experimentList', experiments, request.query),
      };
    }),
  );

  router.add(
    'POST',
    collection,
    guardEasyMakerRoute(state, (request) => {
      const body = parseOrFail(experimentCreateBodySchema, request.readJson());
      const duplicate = [...state.store.experiments.values()].some(
        (experiment) => experiment.experimentName === body.experimentName,
      );
      // NOTE: whether names must be unique is not published; the simulator rejects a duplicate
      // name, which is what the SDK's look-up-before-create flow avoids.
      if (duplicate) {
        throw new SimulatorFailure(
          'conflict',
          `experimentName ${body.experimentName} is already in use`,
        );
      }
      const outcome = state.faults.takeFailureStatus('experiment', body.experimentName)
        ? 'CREATE_FAILED'
        : 'ACTIVE';
      const experiment = insertExperiment(state, body, outcome);
      state.logger.info(
        { experimentId: experiment.experimentId, outcome },
        'simulated experiment created',
      );
      return {
        status: 200,
        body: successEnvelope('experiment', renderExperiment(state, experiment)),
      };
    }),
  );

  router.add(
    'GET',
    item,
    guardEasyMakerRoute(state, (request) => {
      const experiment = findExperimentOrFail(state, request.params.experimentId ?? '');
      return {
        status: 200,
        body: successEnvelope('experiment', renderExperiment(state, experiment)),
      };
    }),
  );

  router.add(
    'DELETE',
    item,
    guardEasyMakerRoute(state, (request) => {
      const experiment = findExperimentOrFail(state, request.params.experimentId ?? '');
      const blocker = findExperimentBlocker(state, experiment.experimentId);
      if (blocker !== undefined) {
        throw new SimulatorFailure(
          'conflict',
          `experiment ${experiment.experimentId} has ${blocker} and cannot be deleted`,
        );
      }
      state.store.experiments.delete(experiment.experimentId);
      state.logger.info({ experimentId: experiment.experimentId }, 'simulated experiment deleted');
      return { status: 200, body: successEnvelope() };
    }),
  );
}
