import { endpointCreateBodySchema } from '../bodies/endpoint-create-body.js';
import { SimulatorFailure } from '../envelope.js';
import { generateFlavorId, generateResourceId } from '../ids.js';
import { chooseOutcome } from '../resource-outcomes.js';
import { endpointPaths } from '../resource-paths.js';
import type { DeploymentSettings, EndpointRecord } from '../resource-records.js';
import type { SimulatorState } from '../simulator-state.js';
import { startProgression } from '../status-progression.js';
import { parseOrFail } from '../validation.js';
import {
  insertStage,
  resolveDeployment,
  type StageOutcome,
  type StageResource,
  servingImageOf,
} from './endpoint-deploy.js';

// NOTE: the name of the default stage is not published; the simulator calls it `default`.
export const defaultStageName = 'default';

const stageOutcomeOf: Record<keyof typeof endpointPaths, StageOutcome> = {
  ACTIVE: 'ACTIVE',
  UPDATE_FAILED: 'DEPLOY_FAILED',
  CREATE_FAILED: 'CREATE_FAILED',
};

/**
 * Adds an endpoint with its default stage and one stage resource per model. An endpoint bound
 * for UPDATE_FAILED becomes ACTIVE while its default stage fails to deploy. Seeded endpoints
 * start ACTIVE with everything in them.
 */
export function insertEndpoint(
  state: SimulatorState,
  fields: { endpointName: string; deployment: DeploymentSettings; resources: StageResource[] },
  outcome: keyof typeof endpointPaths,
  startActive = false,
): EndpointRecord {
  const nowMs = state.clock.nowMs();
  const firstModel = fields.resources[0]?.model;
  if (firstModel === undefined) {
    throw new SimulatorFailure('invalidRequest', 'an endpoint needs at least one model');
  }
  const endpoint: EndpointRecord = {
    endpointId: generateResourceId(),
    endpointName: fields.endpointName,
    apigwServiceId: generateFlavorId(),
    image: servingImageOf(state, firstModel),
    deployment: fields.deployment,
    createdAtMs: nowMs,
    progression: startProgression(startActive ? ['ACTIVE'] : endpointPaths[outcome], nowMs),
  };
  state.store.endpoints.set(endpoint.endpointId, endpoint);
  insertStage(
    state,
    {
      endpointId: endpoint.endpointId,
      apigwStageName: defaultStageName,
      isDefaultStage: true,
      deployment: fields.deployment,
      resources: fields.resources,
    },
    stageOutcomeOf[outcome],
    startActive,
  );
  return endpoint;
}

/** Validates a `POST /endpoints` body and its references, and stores the new endpoint. */
export function createEndpoint(state: SimulatorState, input: unknown): EndpointRecord {
  const body = parseOrFail(endpointCreateBodySchema, input);
  const taken = [...state.store.endpoints.values()].some(
    (endpoint) => endpoint.endpointName === body.endpointName,
  );
  if (taken) {
    throw new SimulatorFailure('conflict', `endpointName ${body.endpointName} is already in use`);
  }
  const { deployment, resources } = resolveDeployment(state, body);
  const outcome = chooseOutcome(state.faults, 'endpoint', body.endpointName, 'ACTIVE');
  const endpoint = insertEndpoint(
    state,
    { endpointName: body.endpointName, deployment, resources },
    outcome,
  );
  state.logger.info({ endpointId: endpoint.endpointId, outcome }, 'simulated endpoint created');
  return endpoint;
}
