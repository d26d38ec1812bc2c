import { SimulatorFailure } from '../envelope.js';
import type { Router } from '../router.js';
import type { SimulatorState } from '../simulator-state.js';
import { renderEndpointModel } from '../views/endpoint-model-view.js';
import { endpointModelsOf } from '../views/endpoint-stage-view.js';
import { easyMakerPrefix, guardEasyMakerRoute } from './guards.js';
import { pagedListEnvelope } from './paging.js';
import { assertSettled, findOrFail, ok } from './resource-rules.js';

const label = 'endpoint model';

/**
 * Registers the stage resource (endpoint model) list (by `?endpointStageId=`), get and delete
 * routes. Stage resources are created only with an endpoint or a stage.
 */
export function registerEndpointModelRoutes(router: Router, state: SimulatorState): void {
  const collection = `${easyMakerPrefix}/endpoint-models`;
  const item = `${collection}/:endpointModelId`;
  const { store } = state;
  const find = (id: string | undefined) => findOrFail(store.endpointModels, id ?? '', label);

  router.add(
    'GET',
    collection,
    guardEasyMakerRoute(state, (request) => {
      const endpointStageId = request.query.get('endpointStageId');
      if (!endpointStageId) {
        throw new SimulatorFailure('invalidRequest', 'query parameter endpointStageId is required');
      }
      const endpointModels = endpointModelsOf(state, endpointStageId).map((endpointModel) =>
        renderEndpointModel(state, endpointModel),
      );
      return {
        status: 200,
        body: pagedListEnvelope('endpointModelList', endpointModels, request.query),
      };
    }),
  );

  router.add(
    'GET',
    item,
    guardEasyMakerRoute(state, (request) =>
      ok('endpointModel', renderEndpointModel(state, find(request.params.endpointModelId))),
    ),
  );

  router.add(
    'DELETE',
    item,
    guardEasyMakerRoute(state, (request) => {
      const endpointModel = find(request.params.endpointModelId);
      const id = endpointModel.endpointModelId;
      assertSettled(label, id, endpointModel.progression.status);
      store.endpointModels.delete(id);
      state.logger.info({ endpointModelId: id }, 'simulated endpoint model deleted');
      return ok();
    }),
  );
}
