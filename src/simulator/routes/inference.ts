import { predictInstance } from '../inference-predictor.js';
import { inferencePathPrefix, resourceUriOf } from '../inference-urls.js';
import type { RouteResponse, Router } from '../router.js';
import type { SimulatorState } from '../simulator-state.js';
import { endpointModelsOf } from '../views/endpoint-stage-view.js';

/*
 * NOTE: the error body of a served model is not published; the simulator returns
 * `{ "error": message }`, the shape KServe model servers use.
 */
function inferenceError(status: number, message: string): RouteResponse {
  return { status, body: { error: message } };
}

/**
 * Registers `POST /inference/{apigwStageId}{apigwResourceUri}`, the inference call of every
 * stage (see `stageUrlOf`). It takes a KServe v1 body `{"instances": [...]}` and returns
 * `{"predictions": [...]}` without the EasyMaker envelope, one prediction per instance. Like
 * the SDK's calls it needs no auth header. An unknown stage or path is a 404, a stage or
 * stage resource that is not ACTIVE a 503, and a body without an `instances` list a 400.
 */
export function registerInferenceRoutes(router: Router, state: SimulatorState): void {
  router.add('POST', `${inferencePathPrefix}/:apigwStageId/:resourcePath*`, (request) => {
    state.refresh();
    const apigwStageId = request.params.apigwStageId ?? '';
    const stage = [...state.store.endpointStages.values()].find(
      (candidate) => candidate.apigwStageId === apigwStageId,
    );
    if (stage === undefined) {
      return inferenceError(404, `no endpoint stage has apigwStageId ${apigwStageId}`);
    }
    if (stage.progression.status !== 'ACTIVE') {
      return inferenceError(
        503,
        `endpoint stage ${stage.endpointStageId} is ${stage.progression.status}, not ACTIVE`,
      );
    }
    const path = `/${request.params.resourcePath ?? ''}`;
    const endpointModel = endpointModelsOf(state, stage.endpointStageId).find(
      (candidate) => decodeURIComponent(resourceUriOf(candidate.modelName)) === path,
    );
    if (endpointModel === undefined) {
      return inferenceError(404, `no model is served at ${path} on stage ${stage.apigwStageName}`);
    }
    if (endpointModel.progression.status !== 'ACTIVE') {
      return inferenceError(
        503,
        `model ${endpointModel.modelName} is ${endpointModel.progression.status} on this stage`,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(request.rawBody) as unknown;
    } catch {
      return inferenceError(400, 'request body must be JSON: {"instances": [...]}');
    }
    const instances = (body as { instances?: unknown } | null)?.instances;
    if (!Array.isArray(instances)) {
      return inferenceError(400, 'request body must contain an "instances" list (KServe v1)');
    }
    return { status: 200, body: { predictions: instances.map(predictInstance) } };
  });
}
