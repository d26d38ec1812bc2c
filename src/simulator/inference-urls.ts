import type { EndpointStageRecord } from './resource-records.js';
import type { SimulatorState } from './simulator-state.js';

/** Path prefix under which the simulator serves the inference calls of every stage. */
export const inferencePathPrefix = '/inference';

/**
 * `apigwStageUrl` of a stage: host and port of the simulator plus `/inference/{apigwStageId}`,
 * so a client that prefixes a scheme and appends the resource URI reaches the simulator.
 * NOTE: the real value is a bare API Gateway host, e.g.
 * `kr1-{apigwServiceId}.api.nhncloudservice.com`; the path here exists only in the simulator.
 */
export function stageUrlOf(state: SimulatorState, stage: EndpointStageRecord): string {
  return `${state.hostAndPort}${inferencePathPrefix}/${stage.apigwStageId}`;
}

/** `apigwResourceUri` of a stage resource: the KServe v1 predict path of its model. */
export function resourceUriOf(modelName: string): string {
  const name = encodeURIComponent(modelName);
  return `/${name}/v1/models/${name}/predict`;
}
