import { stoppableJobStatuses } from '../resource-paths.js';
import type { Router } from '../router.js';
import type { SimulatorState } from '../simulator-state.js';
import { renderTuning, renderTuningListItem } from '../views/tuning-view.js';
import { easyMakerPrefix, guardEasyMakerRoute } from './guards.js';
import { createTuning } from './hyperparameter-tuning-create.js';
import { pagedListEnvelope } from './paging.js';
import {
  assertSettled,
  assertUnused,
  findOrFail,
  newestFirst,
  ok,
  stopJob,
} from './resource-rules.js';

const label = 'hyperparameter tuning';

/** Registers the hyperparameter tuning list, create, get, delete and stop routes. */
export function registerTuningRoutes(router: Router, state: SimulatorState): void {
  const collection = `${easyMakerPrefix}/hyperparameter-tunings`;
  const item = `${collection}/:tuningId`;
  const { store } = state;
  const find = (id: string | undefined) => findOrFail(store.hyperparameterTunings, id ?? '', label);

  router.add(
    'GET',
    collection,
    guardEasyMakerRoute(state, (request) => {
      const tunings = newestFirst(store.hyperparameterTunings).map((tuning) =>
        renderTuningListItem(state, tuning),
      );
      return {
        status: 200,
        body: pagedListEnvelope('hyperparameterTuningList', tunings, request.query),
      };
    }),
  );

  router.add(
    'POST',
    collection,
    guardEasyMakerRoute(state, (request) => {
      const tuning = createTuning(state, request.readJson());
      return ok('hyperparameterTuning', renderTuning(state, tuning));
    }),
  );

  router.add(
    'GET',
    item,
    guardEasyMakerRoute(state, (request) =>
      ok('hyperparameterTuning', renderTuning(state, find(request.params.tuningId))),
    ),
  );

  router.add(
    'DELETE',
    item,
    guardEasyMakerRoute(state, (request) => {
      const tuning = find(request.params.tuningId);
      const id = tuning.hyperparameterTuningId;
      assertSettled(label, id, tuning.progression.status, stoppableJobStatuses);
      // NOTE: the guide states this rule for trainings; the simulator applies it to tunings too.
      const model = [...store.models.values()].find(
        (candidate) => candidate.hyperparameterTuning?.hyperparameterTuningId === id,
      );
      assertUnused(label, id, model && `has model ${model.modelId}`);
      store.hyperparameterTunings.delete(id);
      state.logger.info({ hyperparameterTuningId: id }, 'simulated hyperparameter tuning deleted');
      return ok();
    }),
  );

  router.add(
    'PUT',
    `${item}/stop`,
    guardEasyMakerRoute(state, (request) => {
      const tuning = find(request.params.tuningId);
      stopJob(state, tuning, label, tuning.hyperparameterTuningId);
      return ok();
    }),
  );
}
