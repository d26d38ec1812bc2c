import { SimulatorFailure } from '../envelope.js';
import type { Router } from '../router.js';
import type { SimulatorState } from '../simulator-state.js';
import { easyMakerPrefix, guardEasyMakerRoute, readListParameter } from './guards.js';
import { pagedListEnvelope } from './paging.js';

/** Resource kinds the flavor filter `groupType` takes. */
const flavorGroupTypes = [
  'TRAINING',
  'HYPERPARAMETER_TUNING',
  'ENDPOINT',
  'ENDPOINT_STAGE',
  'BATCH_INFERENCE',
  'PIPELINE_RUN',
  'PIPELINE_RECURRING_RUN',
  'MODEL_EVALUATION',
];

/** Registers `GET /flavors`, `GET /images` and `GET /algorithms`. */
export function registerLookupRoutes(router: Router, state: SimulatorState): void {
  router.add(
    'GET',
    `${easyMakerPrefix}/flavors`,
    guardEasyMakerRoute(state, (request) => {
      const groupType = request.query.get('groupType');
      if (groupType !== null && !flavorGroupTypes.includes(groupType)) {
        throw new SimulatorFailure(
          'invalidRequest',
          `groupType must be one of ${flavorGroupTypes.join(', ')}`,
        );
      }
      // NOTE: how `groupType`, `algorithmId` and `modelIdList` narrow the list is not
      // published; every simulated flavor suits every resource kind, so all are returned.
      const flavors = state.store.flavors.map((flavor) => ({ ...flavor }));
      return { status: 200, body: pagedListEnvelope('flavorList', flavors, request.query) };
    }),
  );

  router.add(
    'GET',
    `${easyMakerPrefix}/images`,
    guardEasyMakerRoute(state, (request) => {
      const groupTypeCodes = readListParameter(request.query, 'groupTypeCodeList');
      const images = state.store.images
        .filter((image) => !groupTypeCodes || groupTypeCodes.includes(image.groupTypeCode))
        .map((image) => ({ ...image }));
      return { status: 200, body: pagedListEnvelope('imageList', images, request.query) };
    }),
  );

  router.add(
    'GET',
    `${easyMakerPrefix}/algorithms`,
    guardEasyMakerRoute(state, (request) => {
      const algorithms = state.store.algorithms.map((algorithm) => structuredClone(algorithm));
      return { status: 200, body: pagedListEnvelope('algorithmList', algorithms, request.query) };
    }),
  );
}
