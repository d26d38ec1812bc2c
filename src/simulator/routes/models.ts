import type { Router } from '../router.js';
import type { SimulatorState } from '../simulator-state.js';
import { renderModel } from '../views/model-view.js';
import { easyMakerPrefix, guardEasyMakerRoute } from './guards.js';
import { createModel } from './model-create.js';
import { pagedListEnvelope } from './paging.js';
import { assertSettled, assertUnused, findOrFail, newestFirst, ok } from './resource-rules.js';

const label = 'model';

/** Registers the model list, create, get and delete routes. */
export function registerModelRoutes(router: Router, state: SimulatorState): void {
  const collection = `${easyMakerPrefix}/models`;
  const item = `${collection}/:modelId`;
  const { store } = state;
  const find = (id: string | undefined) => findOrFail(store.models, id ?? '', label);

  router.add(
    'GET',
    collection,
    guardEasyMakerRoute(state, (request) => {
      const models = newestFirst(store.models).map((model) => renderModel(state, model));
      return { status: 200, body: pagedListEnvelope('modelList', models, request.query) };
    }),
  );

  router.add(
    'POST',
    collection,
    guardEasyMakerRoute(state, (request) =>
      ok('model', renderModel(state, createModel(state, request.readJson()))),
    ),
  );

  router.add(
    'GET',
    item,
    guardEasyMakerRoute(state, (request) =>
      ok('model', renderModel(state, find(request.params.modelId))),
    ),
  );

  router.add(
    'DELETE',
    item,
    guardEasyMakerRoute(state, (request) => {
      const model = find(request.params.modelId);
      assertSettled(label, model.modelId, model.progression.status);
      const deployment = [...store.endpointModels.values()].find(
        (endpointModel) => endpointModel.modelId === model.modelId,
      );
      assertUnused(
        label,
        model.modelId,
        deployment &&
          `is used by endpoint ${deployment.endpointId} (stage ${deployment.endpointStageId})`,
      );
      store.models.delete(model.modelId);
      state.logger.info({ modelId: model.modelId }, 'simulated model deleted');
      return ok();
    }),
  );
}
