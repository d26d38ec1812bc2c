import { stageUrlOf } from '../inference-urls.js';
import type { EndpointStageRecord } from '../resource-records.js';
import type { SimulatorState } from '../simulator-state.js';
import { commonFields } from './common-fields.js';
import { deployStatusOf, renderEndpointModel } from './endpoint-model-view.js';

/** Stage resources of a stage, oldest first. */
export function endpointModelsOf(state: SimulatorState, endpointStageId: string) {
  return [...state.store.endpointModels.values()].filter(
    (endpointModel) => endpointModel.endpointStageId === endpointStageId,
  );
}

/** Renders the stage object of `GET /endpoint-stages/{id}`, with its stage resources. */
export function renderEndpointStage(
  state: SimulatorState,
  stage: EndpointStageRecord,
): Record<string, unknown> {
  const status = stage.progression.status;
  const { deployment } = stage;
  const endpointModels = endpointModelsOf(state, stage.endpointStageId);
  return {
    endpointStageId: stage.endpointStageId,
    endpointId: stage.endpointId,
    endpointStageName: stage.apigwStageName,
    endpointStageStatusCode: status,
    apigwStageId: stage.apigwStageId,
    apigwStageName: stage.apigwStageName,
    apigwStageUrl: stageUrlOf(state, stage),
    deployStatus: deployStatusOf(status),
    useLog: deployment.useLog,
    logAndCrashAppKey: state.identity.logAndCrashAppKey,
    flavor: { ...deployment.flavor },
    autoScaler: { ...deployment.autoScaler },
    nodeCount: deployment.nodeCount,
    podCount: endpointModels.length,
    isActiveNodeGroupStatus: status === 'ACTIVE',
    isClusterLatest: true,
    expiredDatetime: null,
    endpointModelList: endpointModels.map((endpointModel) =>
      renderEndpointModel(state, endpointModel),
    ),
    // SDK 2.1.2 reads `defaultStage` and 2.1.3 reads `isDefaultStage`; both are sent.
    isDefaultStage: stage.isDefaultStage,
    defaultStage: stage.isDefaultStage,
    ...commonFields(state, deployment.description, stage.createdAtMs),
  };
}
