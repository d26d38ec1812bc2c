import { isFailedStatus } from '../resource-paths.js';
import type { EndpointRecord } from '../resource-records.js';
import type { SimulatorState } from '../simulator-state.js';
import { isGoingStatus } from '../status-progression.js';
import { commonFields } from './common-fields.js';
import { renderEndpointStage } from './endpoint-stage-view.js';

/** Stages of an endpoint, the default stage first. */
export function stagesOf(state: SimulatorState, endpointId: string) {
  return [...state.store.endpointStages.values()]
    .filter((stage) => stage.endpointId === endpointId)
    .sort((left, right) => Number(right.isDefaultStage) - Number(left.isDefaultStage));
}

/**
 * Status of an endpoint. Once the endpoint itself is ACTIVE, a failed stage makes it
 * UPDATE_FAILED and a non-default stage being deployed makes it UPDATE_IN_PROGRESS.
 * NOTE: the guide describes these statuses ("a stage is busy", "some stage is not serving");
 * deriving them from the stages is the simulator's reading of it.
 */
export function endpointStatusOf(state: SimulatorState, endpoint: EndpointRecord): string {
  const status = endpoint.progression.status;
  if (status !== 'ACTIVE') {
    return status;
  }
  const stages = stagesOf(state, endpoint.endpointId);
  if (stages.some((stage) => isFailedStatus(stage.progression.status))) {
    return 'UPDATE_FAILED';
  }
  const busy = stages.some(
    (stage) => !stage.isDefaultStage && isGoingStatus(stage.progression.status),
  );
  return busy ? 'UPDATE_IN_PROGRESS' : 'ACTIVE';
}

/** Renders the endpoint object of `GET /endpoints/{id}`, with its stages. */
export function renderEndpoint(
  state: SimulatorState,
  endpoint: EndpointRecord,
): Record<string, unknown> {
  const { deployment } = endpoint;
  return {
    endpointId: endpoint.endpointId,
    endpointName: endpoint.endpointName,
    endpointStatusCode: endpointStatusOf(state, endpoint),
    // NOTE: the API Gateway app key is not published; the simulator derives one from its own.
    apigwAppKey: `${state.identity.appKey}-apigw`,
    apigwRegion: 'KR1',
    apigwServiceId: endpoint.apigwServiceId,
    flavor: { ...deployment.flavor },
    nodeCount: deployment.nodeCount,
    useLog: deployment.useLog,
    image: { ...endpoint.image },
    // NOTE: the disk sizes of endpoint nodes are not published; a 50 GB boot disk is assumed.
    bootStorage: { storageSize: 50 },
    dataStorageList: [],
    endpointStageList: stagesOf(state, endpoint.endpointId).map((stage) =>
      renderEndpointStage(state, stage),
    ),
    ...commonFields(state, deployment.description, endpoint.createdAtMs),
  };
}
