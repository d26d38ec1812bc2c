import { SimulatorFailure, successEnvelope } from '../envelope.js';
import { renderTraining, renderTrainingListItem } from '../resource-views.js';
import type { Router } from '../router.js';
import type { SimulatorState } from '../simulator-state.js';
import { isGoingStatus, redirectProgression, trainingPaths } from '../status-progression.js';
import type { TrainingRecord } from '../store.js';
import { easyMakerPrefix, guardEasyMakerRoute } from './guards.js';
import { pagedListEnvelope } from './paging.js';
import { assertUnused } from './resource-rules.js';
import { createTraining } from './training-create.js';

/** Statuses from which a stop request is accepted. */
const stoppableStatuses = ['CREATE_REQUESTED', 'CREATE_IN_PROGRESS', 'RUNNING'];

function findTrainingOrFail(state: SimulatorState, trainingId: string): TrainingRecord {
  const training = state.store.trainings.get(trainingId);
  if (training === undefined) {
    throw new SimulatorFailure('notFound', `training ${trainingId} not found`);
  }
  return training;
}

/** Registers the training list, create, get, delete and stop routes. */
export function registerTrainingRoutes(router: Router, state: SimulatorState): void {
  const collection = `${easyMakerPrefix}/trainings`;
  const item = `${collection}/:trainingId`;

  router.add(
    'GET',
    collection,
    guardEasyMakerRoute(state, (request) => {
      // NOTE: list order is not published; the simulator lists the newest first.
      const trainings = [...state.store.trainings.values()]
        .reverse()
        .map((training) => renderTrainingListItem(state, training));
      return { status: 200, body: pagedListEnvelope('trainingList', trainings, request.query) };
    }),
  );

  router.add(
    'POST',
    collection,
    guardEasyMakerRoute(state, (request) => {
      const training = createTraining(state, request.readJson());
      return { status: 200, body: successEnvelope('training', renderTraining(state, training)) };
    }),
  );

  router.add(
    'GET',
    item,
    guardEasyMakerRoute(state, (request) => {
      const training = findTrainingOrFail(state, request.params.trainingId ?? '');
      return { status: 200, body: successEnvelope('training', renderTraining(state, training)) };
    }),
  );

  router.add(
    'DELETE',
    item,
    guardEasyMakerRoute(state, (request) => {
      const training = findTrainingOrFail(state, request.params.trainingId ?? '');
      const status = training.progression.status;
      if (isGoingStatus(status)) {
        const advice = stoppableStatuses.includes(status) ? 'stop it first' : 'wait until it ends';
        throw new SimulatorFailure(
          'conflict',
          `training ${training.trainingId} is ${status} and cannot be deleted; ${advice}`,
        );
      }
      const model = [...state.store.models.values()].find(
        (candidate) => candidate.training?.trainingId === training.trainingId,
      );
      assertUnused('training', training.trainingId, model && `has model ${model.modelId}`);
      state.store.trainings.delete(training.trainingId);
      state.logger.info({ trainingId: training.trainingId }, 'simulated training deleted');
      return { status: 200, body: successEnvelope() };
    }),
  );

  router.add(
    'PUT',
    `${item}/stop`,
    guardEasyMakerRoute(state, (request) => {
      const training = findTrainingOrFail(state, request.params.trainingId ?? '');
      const status = training.progression.status;
      if (!stoppableStatuses.includes(status)) {
        throw new SimulatorFailure(
          'conflict',
          `training ${training.trainingId} is ${status} and cannot be stopped`,
        );
      }
      const transition = redirectProgression(
        training.progression,
        trainingPaths.STOPPED,
        state.clock.nowMs(),
      );
      state.applyTrainingTransition(training, transition);
      state.logger.info({ trainingId: training.trainingId }, 'simulated training stopping');
      return { status: 200, body: successEnvelope() };
    }),
  );
}
