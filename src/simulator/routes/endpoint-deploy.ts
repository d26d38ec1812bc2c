import type { DeploymentBody } from '../bodies/endpoint-create-body.js';
import { SimulatorFailure } from '../envelope.js';
import { generateFlavorId, generateResourceId } from '../ids.js';
import { endpointModelPaths, endpointStagePaths } from '../resource-paths.js';
import type {
  DeploymentSettings,
  EndpointModelRecord,
  EndpointStageRecord,
  ModelRecord,
} from '../resource-records.js';
import { type SimulatedImage, seedImageIds } from '../seed-data.js';
import type { SimulatorState } from '../simulator-state.js';
import { startProgression } from '../status-progression.js';

/** One stage resource to deploy: a model and its resource settings from the body. */
export interface StageResource {
  model: ModelRecord;
  resource: DeploymentBody['endpointModelResourceList'][number];
}

export type StageOutcome = keyof typeof endpointStagePaths;

/**
 * Checks the references of deployment fields (flavor, models) and returns the settings and
 * the stage resources. A missing flavor or model is a 400; a model that is not ACTIVE a 409.
 * Two models of one stage must differ in name, because the name is the inference path.
 */
export function resolveDeployment(
  state: SimulatorState,
  body: DeploymentBody,
): { deployment: DeploymentSettings; resources: StageResource[] } {
  const flavor = state.store.findFlavor(body.flavorId);
  if (flavor === undefined) {
    throw new SimulatorFailure('invalidRequest', `flavorId ${body.flavorId} not found`);
  }
  const names = new Set<string>();
  const resources = body.endpointModelResourceList.map((resource, index) => {
    const model = state.store.models.get(resource.modelId);
    const field = `endpointModelResourceList.${index}.modelId`;
    if (model === undefined) {
      throw new SimulatorFailure('invalidRequest', `${field} ${resource.modelId} not found`);
    }
    if (model.progression.status !== 'ACTIVE') {
      throw new SimulatorFailure(
        'conflict',
        `model ${model.modelId} is ${model.progression.status}, not ACTIVE`,
      );
    }
    if (names.has(model.modelName)) {
      throw new SimulatorFailure(
        'invalidRequest',
        `${field} names a second model called ${model.modelName}; one stage serves each name once`,
      );
    }
    names.add(model.modelName);
    return { model, resource };
  });
  const deployment: DeploymentSettings = {
    flavor: { ...flavor },
    nodeCount: body.nodeCount ?? 1,
    useLog: body.useLog ?? false,
    description: body.description ?? null,
    autoScaler: {
      enable: body.caEnable ?? false,
      minNodeCount: body.caMinNodeCount ?? 1,
      maxNodeCount: body.caMaxNodeCount ?? 10,
      scaleDownEnable: body.caScaleDownEnable ?? true,
      scaleDownUtilThreshPercentage: body.caScaleDownUtilThresh ?? 50,
      scaleDownUnneededMinute: body.caScaleDownUnneededTime ?? 10,
      scaleDownDelayAfterAddMinute: body.caScaleDownDelayAfterAdd ?? 10,
    },
  };
  return { deployment, resources };
}

/**
 * Serving image of a model.
 * NOTE: how EasyMaker picks serving images is not published; PyTorch models get the PyTorch
 * inference image and every other model the TensorFlow one.
 */
export function servingImageOf(state: SimulatorState, model: ModelRecord): SimulatedImage {
  const imageId = model.modelTypeCode.startsWith('PYTORCH')
    ? seedImageIds.pytorchGpuInference
    : seedImageIds.tensorflowCpuInference;
  const image = state.store.findImage(imageId) ?? state.store.images[0];
  return { ...(image as SimulatedImage) };
}

/**
 * Adds a stage with one stage resource per model. Stage resources of a stage that fails end
 * in CREATE_FAILED. Seeded stages start ACTIVE.
 */
export function insertStage(
  state: SimulatorState,
  fields: {
    endpointId: string;
    apigwStageName: string;
    isDefaultStage: boolean;
    deployment: DeploymentSettings;
    resources: StageResource[];
  },
  outcome: StageOutcome,
  startActive = false,
): EndpointStageRecord {
  const nowMs = state.clock.nowMs();
  const stage: EndpointStageRecord = {
    endpointStageId: generateResourceId(),
    endpointId: fields.endpointId,
    // API Gateway stage ids are UUIDs, like flavor ids.
    apigwStageId: generateFlavorId(),
    apigwStageName: fields.apigwStageName,
    isDefaultStage: fields.isDefaultStage,
    deployment: fields.deployment,
    createdAtMs: nowMs,
    progression: startProgression(startActive ? ['ACTIVE'] : endpointStagePaths[outcome], nowMs),
  };
  state.store.endpointStages.set(stage.endpointStageId, stage);
  const modelPath =
    outcome === 'ACTIVE' ? endpointModelPaths.ACTIVE : endpointModelPaths.CREATE_FAILED;
  for (const { model, resource } of fields.resources) {
    const endpointModel: EndpointModelRecord = {
      endpointModelId: generateResourceId(),
      endpointId: fields.endpointId,
      endpointStageId: stage.endpointStageId,
      modelId: model.modelId,
      modelName: model.modelName,
      imageId: servingImageOf(state, model).imageId,
      resource: structuredClone(resource),
      createdAtMs: nowMs,
      progression: startProgression(startActive ? ['ACTIVE'] : modelPath, nowMs),
    };
    state.store.endpointModels.set(endpointModel.endpointModelId, endpointModel);
  }
  return stage;
}
