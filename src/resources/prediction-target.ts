import type { EndpointModel } from '../api/schemas/endpoint-model.js';
import { type EndpointStage, isDefaultStage } from '../api/schemas/endpoint-stage.js';

/** A stage resource as embedded in a stage or listed on its own. */
export type StageResource = Partial<EndpointModel>;

export type Selection<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Picks the stage to send a prediction to: the one named (by name or id), or the default stage.
 * The message of a failed pick names the stages there are.
 */
export function selectStage(
  endpointId: string,
  stages: readonly EndpointStage[],
  requested: string | undefined,
): Selection<EndpointStage> {
  if (stages.length === 0) {
    return {
      ok: false,
      message: `Endpoint ${endpointId} was not found, or it has no stages. /easymaker endpoint list shows the endpoints.`,
    };
  }
  const names = stages.map((stage) => stage.endpointStageName).join(', ');
  if (requested === undefined) {
    const found = stages.find((stage) => isDefaultStage(stage));
    return found
      ? { ok: true, value: found }
      : {
          ok: false,
          message: `Endpoint ${endpointId} reports no default stage; name one with stage= (${names}).`,
        };
  }
  const found = stages.find(
    (stage) =>
      stage.endpointStageName === requested ||
      stage.apigwStageName === requested ||
      stage.endpointStageId === requested,
  );
  return found
    ? { ok: true, value: found }
    : {
        ok: false,
        message: `Endpoint ${endpointId} has no stage "${requested}". Its stages: ${names}.`,
      };
}

/** Checks that a stage can serve: ACTIVE, with a URL. */
export function checkStageServes(stage: EndpointStage): string | undefined {
  if (stage.endpointStageStatusCode !== 'ACTIVE') {
    return `Stage ${stage.endpointStageName} is ${stage.endpointStageStatusCode}, not ACTIVE, so it cannot serve predictions yet. Follow it with /easymaker stage watch ${stage.endpointStageId}.`;
  }
  if (!stage.apigwStageUrl) {
    return `Stage ${stage.endpointStageName} has no URL yet; try again in a minute.`;
  }
  return undefined;
}

function modelNameOf(resource: StageResource): string {
  return resource.model?.modelName ?? '';
}

/**
 * Picks the stage resource to predict with: the one whose model id or name is `requested`, or
 * the only one. It must be ACTIVE.
 */
export function selectStageResource(
  stage: EndpointStage,
  resources: readonly StageResource[],
  requested: string | undefined,
): Selection<StageResource> {
  const described = resources
    .map((resource) => `${modelNameOf(resource) || '-'} (${resource.modelId ?? '-'})`)
    .join(', ');
  let found: StageResource | undefined;
  if (requested !== undefined) {
    found = resources.find(
      (resource) => resource.modelId === requested || modelNameOf(resource) === requested,
    );
    if (found === undefined) {
      return {
        ok: false,
        message: `Stage ${stage.endpointStageName} serves no model "${requested}". It serves: ${described || 'nothing'}.`,
      };
    }
  } else if (resources.length === 1) {
    found = resources[0];
  } else if (resources.length === 0) {
    return { ok: false, message: `Stage ${stage.endpointStageName} serves no model.` };
  } else {
    return {
      ok: false,
      message: `Stage ${stage.endpointStageName} serves several models; choose one with model=<id>: ${described}.`,
    };
  }
  const status = found?.endpointModelStatusCode;
  if (found === undefined || status !== 'ACTIVE') {
    return {
      ok: false,
      message: `Model ${modelNameOf(found ?? {}) || found?.modelId} on stage ${stage.endpointStageName} is ${status ?? 'unknown'}, not ACTIVE.`,
    };
  }
  return { ok: true, value: found };
}
