import { type Endpoint, endpointSchema } from '../api/schemas/endpoint.js';
import { type EndpointStage, isDefaultStage } from '../api/schemas/endpoint-stage.js';
import { type EndpointParameters, endpointCreate } from './endpoint-create.js';
import type { ResourceDescription, SummaryField } from './resource-description.js';
import { parseStageUrl } from './stage-url.js';

/** Prefix of the statuses the bot reports while the default stage of an ACTIVE endpoint deploys. */
const DEFAULT_STAGE_PREFIX = 'DEFAULT_STAGE_';

function defaultStageOf(endpoint: Endpoint): Partial<EndpointStage> | undefined {
  return endpoint.endpointStageList?.find((stage) => isDefaultStage(stage));
}

/**
 * Returns the endpoint's status, or `DEFAULT_STAGE_{status}` while the endpoint is ACTIVE but
 * its default stage is not, such as `DEFAULT_STAGE_DEPLOY_IN_PROGRESS`. The SDK's create waits
 * for both, and a prediction needs an ACTIVE stage, so tracking goes on until the stage is ACTIVE.
 */
export function endpointStatusOf(endpoint: Endpoint): string {
  const status = endpoint.endpointStatusCode;
  const stageStatus = defaultStageOf(endpoint)?.endpointStageStatusCode;
  if (status !== 'ACTIVE' || stageStatus === undefined || stageStatus === 'ACTIVE') {
    return status;
  }
  return `${DEFAULT_STAGE_PREFIX}${stageStatus}`;
}

function stageUrlOf(stage: Partial<EndpointStage> | undefined): string | undefined {
  const raw = stage?.apigwStageUrl;
  if (!raw) {
    return undefined;
  }
  return parseStageUrl(raw)?.url ?? raw;
}

/** The EasyMaker endpoint: `Endpoint().create` from Slack, tracked until it serves. */
export const endpointDescription: ResourceDescription<Endpoint, EndpointParameters> = {
  kind: 'endpoint',
  noun: 'endpoint',
  title: 'Endpoint',
  words: ['endpoint', 'endpoints'],
  api: {
    collectionPath: '/endpoints',
    listKey: 'endpointList',
    objectKey: 'endpoint',
    objectSchema: endpointSchema,
  },
  idOf: (endpoint) => endpoint.endpointId,
  nameOf: (endpoint) => endpoint.endpointName,
  statusOf: endpointStatusOf,
  elapsedSecondsOf: () => undefined,
  statuses: {
    going: [
      'CREATE_REQUESTED',
      'CREATE_IN_PROGRESS',
      'UPDATE_IN_PROGRESS',
      'DELETE_IN_PROGRESS',
      `${DEFAULT_STAGE_PREFIX}CREATE_REQUESTED`,
      `${DEFAULT_STAGE_PREFIX}CREATE_IN_PROGRESS`,
      `${DEFAULT_STAGE_PREFIX}DEPLOY_IN_PROGRESS`,
    ],
    success: ['ACTIVE'],
    failure: [
      'CREATE_FAILED',
      'UPDATE_FAILED',
      'DELETE_FAILED',
      `${DEFAULT_STAGE_PREFIX}CREATE_FAILED`,
      `${DEFAULT_STAGE_PREFIX}DEPLOY_FAILED`,
    ],
    stopped: [],
  },
  create: endpointCreate,
  operations: { delete: true, stop: false, start: false },
  list: {
    columns: [
      { label: 'Status', value: endpointStatusOf },
      { label: 'Stages', value: (endpoint) => String(endpoint.endpointStageList?.length ?? '-') },
      { label: 'Default stage', value: (endpoint) => stageUrlOf(defaultStageOf(endpoint)) ?? '-' },
    ],
  },
  summarizeResult(endpoint) {
    const stage = defaultStageOf(endpoint);
    const fields: SummaryField[] = [];
    if (stage === undefined) {
      fields.push({
        label: 'Default stage',
        value: `not in the answer; see /easymaker stage list endpoint_id=${endpoint.endpointId}`,
      });
      return fields;
    }
    fields.push({
      label: 'Default stage',
      value: `${stage.endpointStageName ?? stage.apigwStageName ?? '-'} (${stage.endpointStageStatusCode ?? '-'})`,
    });
    fields.push({ label: 'Stage URL', value: stageUrlOf(stage) ?? '-' });
    const models = (stage.endpointModelList ?? [])
      .map((endpointModel) => endpointModel.model?.modelName ?? endpointModel.modelId)
      .filter((name) => name !== undefined && name !== null);
    if (models.length > 0) {
      fields.push({ label: 'Models', value: models.join(', ') });
    }
    fields.push({
      label: 'Predict',
      value: `/easymaker endpoint predict ${endpoint.endpointId} body='{"instances": [...]}'`,
    });
    return fields;
  },
};
