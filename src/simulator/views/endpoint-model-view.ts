import { resourceUriOf, stageUrlOf } from '../inference-urls.js';
import type { EndpointModelRecord } from '../resource-records.js';
import type { SimulatorState } from '../simulator-state.js';
import { commonFields } from './common-fields.js';
import { renderModel } from './model-view.js';

/** `deployStatus` of a stage by its status. */
export function deployStatusOf(stageStatus: string): string {
  // NOTE: only `COMPLETE` has been seen on the wire; IN_PROGRESS and FAIL are assumed.
  if (stageStatus === 'ACTIVE') {
    return 'COMPLETE';
  }
  return stageStatus.endsWith('_FAILED') ? 'FAIL' : 'IN_PROGRESS';
}

/** Renders a stage resource (endpoint model) as `GET /endpoint-models/{id}` returns it. */
export function renderEndpointModel(
  state: SimulatorState,
  endpointModel: EndpointModelRecord,
): Record<string, unknown> {
  const stage = state.store.endpointStages.get(endpointModel.endpointStageId);
  const model = state.store.models.get(endpointModel.modelId);
  const status = endpointModel.progression.status;
  const stageUrl = stage === undefined ? null : stageUrlOf(state, stage);
  const resourceUri = resourceUriOf(endpointModel.modelName);
  const { resource } = endpointModel;
  return {
    endpointModelId: endpointModel.endpointModelId,
    endpointId: endpointModel.endpointId,
    endpointStageId: endpointModel.endpointStageId,
    endpointModelStatusCode: status,
    modelId: endpointModel.modelId,
    imageId: endpointModel.imageId,
    model: model === undefined ? null : renderModel(state, model),
    stage:
      stage === undefined
        ? null
        : {
            stageId: stage.endpointStageId,
            deployStatus: deployStatusOf(stage.progression.status),
            stageUrl,
          },
    // NOTE: the SDK sends no pod count per resource; the simulator runs one pod each.
    podCount: 1,
    runningPodCount: status === 'ACTIVE' ? 1 : 0,
    apigwResourceUri: resourceUri,
    apigwEndpointUri: stageUrl === null ? null : `http://${stageUrl}${resourceUri}`,
    resourceOptionDetail: {
      cpu: resource.resourceOptionDetail.cpu,
      memory: resource.resourceOptionDetail.memory,
      gpu: resource.resourceOptionDetail.gpu ?? null,
    },
    podAutoScaleEnable: resource.podAutoScaleEnable ?? false,
    scaleMetricCode: resource.scaleMetricCode ?? null,
    scaleMetricTarget: resource.scaleMetricTarget ?? null,
    ...commonFields(state, resource.description, endpointModel.createdAtMs),
  };
}
