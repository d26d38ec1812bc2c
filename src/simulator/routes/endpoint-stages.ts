import { endpointStageCreateBodySchema } from '../bodies/endpoint-stage-create-body.js';
import { SimulatorFailure } from '../envelope.js';
import { chooseOutcome } from '../resource-outcomes.js';
import type { EndpointStageRecord } from '../resource-records.js';
import type { Router } from '../router.js';
import type { SimulatorState } from '../simulator-state.js';
import { parseOrFail } from '../validation.js';
import { renderEndpointStage } from '../views/endpoint-stage-view.js';
import { endpointStatusOf, stagesOf } from '../views/endpoint-view.js';
import { insertStage, resolveDeployment } from './endpoint-deploy.js';
import { easyMakerPrefix, guardEasyMakerRoute } from './guards.js';
import { pagedListEnvelope } from './paging.js';
import { assertSettled, findOrFail, ok } from './resource-rules.js';

const label = 'endpoint stage';

/**
 * Validates a `POST /endpoint-stages` body and stores the new stage. The endpoint must exist
 * (400) and be ACTIVE (409), and its stage names must stay unique (409).
 */
function createEndpointStage(state: SimulatorState, input: unknown): EndpointStageRecord {
  const body = parseOrFail(endpointStageCreateBodySchema, input);

  const endpoint = state.store.endpoints.get(body.endpointId);
  if (endpoint === undefined) {
    throw new SimulatorFailure('invalidRequest', `endpointId ${body.endpointId} not found`);
  }
  const endpointStatus = endpointStatusOf(state, endpoint);
  if (endpointStatus !== 'ACTIVE') {
    throw new SimulatorFailure(
      'conflict',
      `endpoint ${endpoint.endpointId} is ${endpointStatus}; a stage can be added when it is ACTIVE`,
    );
  }

  const taken = stagesOf(state, endpoint.endpointId).some(
    (stage) => stage.apigwStageName === body.apigwStageName,
  );
  if (taken) {
    throw new SimulatorFailure(
      'conflict',
      `apigwStageName ${body.apigwStageName} is already used by endpoint ${endpoint.endpointId}`,
    );
  }

  const { deployment, resources } = resolveDeployment(state, body);
  const outcome = chooseOutcome(state.faults, 'endpointStage', body.apigwStageName, 'ACTIVE');
  const stage = insertStage(
    state,
    {
      endpointId: endpoint.endpointId,
      apigwStageName: body.apigwStageName,
      isDefaultStage: false,
      deployment,
      resources,
    },
    outcome,
  );
  state.logger.info(
    { endpointStageId: stage.endpointStageId, endpointId: endpoint.endpointId, outcome },
    'simulated endpoint stage created',
  );
  return stage;
}

/** Registers the endpoint stage list (by `?endpointId=`), create, get and delete routes. */
export function registerEndpointStageRoutes(router: Router, state: SimulatorState): void {
  const collection = `${easyMakerPrefix}/endpoint-stages`;
  const item = `${collection}/:endpointStageId`;
  const { store } = state;
  const find = (id: string | undefined) => findOrFail(store.endpointStages, id ?? '', label);

  router.add(
    'GET',
    collection,
    guardEasyMakerRoute(state, (request) => {
      const endpointId = request.query.get('endpointId');
      if (!endpointId) {
        throw new SimulatorFailure('invalidRequest', 'query parameter endpointId is required');
      }
      const stages = stagesOf(state, endpointId).map((stage) => renderEndpointStage(state, stage));
      return { status: 200, body: pagedListEnvelope('endpointStageList', stages, request.query) };
    }),
  );

  router.add(
    'POST',
    collection,
    guardEasyMakerRoute(state, (request) =>
      ok(
        'endpointStage',
        renderEndpointStage(state, createEndpointStage(state, request.readJson())),
      ),
    ),
  );

  router.add(
    'GET',
    item,
    guardEasyMakerRoute(state, (request) =>
      ok('endpointStage', renderEndpointStage(state, find(request.params.endpointStageId))),
    ),
  );

  router.add(
    'DELETE',
    item,
    guardEasyMakerRoute(state, (request) => {
      const stage = find(request.params.endpointStageId);
      const id = stage.endpointStageId;
      if (stage.isDefaultStage) {
        throw new SimulatorFailure(
          'conflict',
          `endpoint stage ${id} is the default stage of endpoint ${stage.endpointId} and cannot ` +
            'be deleted; delete the endpoint instead',
        );
      }
      assertSettled(label, id, stage.progression.status);
      for (const endpointModel of [...store.endpointModels.values()]) {
        if (endpointModel.endpointStageId === id) {
          store.endpointModels.delete(endpointModel.endpointModelId);
        }
      }
      store.endpointStages.delete(id);
      state.logger.info({ endpointStageId: id }, 'simulated endpoint stage deleted');
      return ok();
    }),
  );
}
