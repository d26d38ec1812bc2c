import {
  type EndpointStage,
  endpointStageSchema,
  isDefaultStage,
} from '../api/schemas/endpoint-stage.js';
import { type EndpointStageParameters, endpointStageCreate } from './endpoint-stage-create.js';
import type { ResourceDescription, SummaryField } from './resource-description.js';
import { parseStageUrl } from './stage-url.js';

function urlOf(stage: EndpointStage): string | undefined {
  if (!stage.apigwStageUrl) {
    return undefined;
  }
  return parseStageUrl(stage.apigwStageUrl)?.url ?? stage.apigwStageUrl;
}

/** Served models as `name (status)`, or ids when the stage resource has no model object. */
function modelsOf(stage: EndpointStage): string[] {
  return (stage.endpointModelList ?? []).map((endpointModel) => {
    const name = endpointModel.model?.modelName ?? endpointModel.modelId ?? '-';
    return `${name} (${endpointModel.endpointModelStatusCode ?? '-'})`;
  });
}

/**
 * The EasyMaker endpoint stage: another API Gateway stage of an endpoint, added from Slack with
 * `stage add` and tracked until it is ACTIVE. Its list needs the endpoint.
 */
export const endpointStageDescription: ResourceDescription<EndpointStage, EndpointStageParameters> =
  {
    kind: 'endpoint-stage',
    noun: 'endpoint stage',
    title: 'Endpoint stage',
    words: ['stage', 'stages', 'endpoint-stage', 'endpoint-stages'],
    api: {
      collectionPath: '/endpoint-stages',
      listKey: 'endpointStageList',
      objectKey: 'endpointStage',
      objectSchema: endpointStageSchema,
    },
    idOf: (stage) => stage.endpointStageId,
    nameOf: (stage) => stage.endpointStageName,
    statusOf: (stage) => stage.endpointStageStatusCode,
    elapsedSecondsOf: () => undefined,
    statuses: {
      going: ['CREATE_REQUESTED', 'CREATE_IN_PROGRESS', 'DEPLOY_IN_PROGRESS', 'DELETE_IN_PROGRESS'],
      success: ['ACTIVE'],
      failure: ['CREATE_FAILED', 'DEPLOY_FAILED'],
      stopped: [],
    },
    create: endpointStageCreate,
    operations: { delete: true, stop: false, start: false },
    list: {
      columns: [
        { label: 'Status', value: (stage) => stage.endpointStageStatusCode },
        { label: 'Default', value: (stage) => (isDefaultStage(stage) ? 'yes' : 'no') },
        { label: 'Models', value: (stage) => String(stage.endpointModelList?.length ?? '-') },
        { label: 'URL', value: (stage) => urlOf(stage) ?? '-' },
      ],
      requiredFilter: { parameter: 'endpoint_id', query: 'endpointId' },
    },
    summarizeResult(stage) {
      const fields: SummaryField[] = [
        { label: 'Endpoint', value: stage.endpointId ?? '-' },
        { label: 'Default stage', value: isDefaultStage(stage) ? 'yes' : 'no' },
        { label: 'Stage URL', value: urlOf(stage) ?? '-' },
      ];
      if (stage.flavor?.name) {
        fields.push({ label: 'Instance', value: `${stage.flavor.name} x ${stage.nodeCount ?? 1}` });
      }
      const models = modelsOf(stage);
      if (models.length > 0) {
        fields.push({ label: 'Models', value: models.join(', ') });
      }
      if (stage.endpointId) {
        fields.push({
          label: 'Predict',
          value: `/easymaker endpoint predict ${stage.endpointId} stage=${stage.endpointStageName} body='{"instances": [...]}'`,
        });
      }
      return fields;
    },
  };
