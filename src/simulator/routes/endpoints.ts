import type { Router } from '../router.js';
import type { SimulatorState } from '../simulator-state.js';
import { renderEndpoint, stagesOf } from '../views/endpoint-view.js';
import { createEndpoint } from './endpoint-create.js';
import { easyMakerPrefix, guardEasyMakerRoute } from './guards.js';
import { pagedListEnvelope } from './paging.js';
import { assertSettled, assertUnused, findOrFail, newestFirst, ok } from './resource-rules.js';

const label = 'endpoint';

/** Registers the endpoint list, create, get and delete routes. */
export function registerEndpointRoutes(router: Router, state: SimulatorState): void {
  const collection = `${easyMakerPrefix}/endpoints`;
  const item = `${collection}/:endpointId`;
  const { store } = state;
  const find = (id: string | undefined) => findOrFail(store.endpoints, id ?? '', label);

  router.add(
    'GET',
    collection,
    guardEasyMakerRoute(state, (request) => {
      const endpoints = newestFirst(store.endpoints).map((endpoint) =>
        renderEndpoint(state, endpoint),
      );
      return { status: 200, body: pagedListEnvelope('endpointList', endpoints, request.query) };
    }),
  );

  router.add(
    'POST',
    collection,
    guardEasyMakerRoute(state, (request) =>
      ok('endpoint', renderEndpoint(state, createEndpoint(state, request.readJson()))),
    ),
  );

  router.add(
    'GET',
    item,
    guardEasyMakerRoute(state, (request) =>
      ok('endpoint', renderEndpoint(state, find(request.params.endpointId))),
    ),
  );

  router.add(
    'DELETE',
    item,
    guardEasyMakerRoute(state, (request) => {
      const endpoint = find(request.params.endpointId);
      const id = endpoint.endpointId;
      const stages = stagesOf(state, id);
      const extraStage = stages.find((stage) => !stage.isDefaultStage);
      assertUnused(
        label,
        id,
        extraStage &&
          `has stage ${extraStage.apigwStageName} (${extraStage.endpointStageId}) besides the ` +
            'default stage; delete that stage first',
      );
      assertSettled(label, id, endpoint.progression.status);
      for (const stage of stages) {
        assertSettled('endpoint stage', stage.endpointStageId, stage.progression.status);
      }
      for (const stage of stages) {
        store.endpointStages.delete(stage.endpointStageId);
      }
      for (const endpointModel of [...store.endpointModels.values()]) {
        if (endpointModel.endpointId === id) {
          store.endpointModels.delete(endpointModel.endpointModelId);
        }
      }
      store.endpoints.delete(id);
      state.logger.info({ endpointId: id }, 'simulated endpoint deleted');
      return ok();
    }),
  );
}
