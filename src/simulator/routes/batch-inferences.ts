import { stoppableJobStatuses } from '../resource-paths.js';
import type { Router } from '../router.js';
import type { SimulatorState } from '../simulator-state.js';
import {
  renderBatchInference,
  renderBatchInferenceListItem,
} from '../views/batch-inference-view.js';
import { createBatchInference } from './batch-inference-create.js';
import { easyMakerPrefix, guardEasyMakerRoute } from './guards.js';
import { pagedListEnvelope } from './paging.js';
import { assertSettled, findOrFail, newestFirst, ok, stopJob } from './resource-rules.js';

const label = 'batch inference';

/** Registers the batch inference list, create, get, delete and stop routes. */
export function registerBatchInferenceRoutes(router: Router, state: SimulatorState): void {
  const collection = `${easyMakerPrefix}/batch-inferences`;
  const item = `${collection}/:batchInferenceId`;
  const { store } = state;
  const find = (id: string | undefined) => findOrFail(store.batchInferences, id ?? '', label);

  router.add(
    'GET',
    collection,
    guardEasyMakerRoute(state, (request) => {
      const batches = newestFirst(store.batchInferences).map((batch) =>
        renderBatchInferenceListItem(state, batch),
      );
      return {
        status: 200,
        body: pagedListEnvelope('batchInferenceList', batches, request.query),
      };
    }),
  );

  router.add(
    'POST',
    collection,
    guardEasyMakerRoute(state, (request) => {
      const batch = createBatchInference(state, request.readJson());
      return ok('batchInference', renderBatchInference(state, batch));
    }),
  );

  router.add(
    'GET',
    item,
    guardEasyMakerRoute(state, (request) =>
      ok('batchInference', renderBatchInference(state, find(request.params.batchInferenceId))),
    ),
  );

  router.add(
    'DELETE',
    item,
    guardEasyMakerRoute(state, (request) => {
      const batch = find(request.params.batchInferenceId);
      const id = batch.batchInferenceId;
      assertSettled(label, id, batch.progression.status, stoppableJobStatuses);
      store.batchInferences.delete(id);
      state.logger.info({ batchInferenceId: id }, 'simulated batch inference deleted');
      return ok();
    }),
  );

  router.add(
    'PUT',
    `${item}/stop`,
    guardEasyMakerRoute(state, (request) => {
      const batch = find(request.params.batchInferenceId);
      stopJob(state, batch, label, batch.batchInferenceId);
      return ok();
    }),
  );
}
