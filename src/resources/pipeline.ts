import { type Pipeline, pipelineSchema } from '../api/schemas/pipeline.js';
import { type PipelineParameters, pipelineCreate } from './pipeline-create.js';
import type { ResourceDescription, SummaryField } from './resource-description.js';

/** Lists the input parameters a pipeline declares as `name (TYPE)` text; none gives undefined. */
function describeParameters(pipeline: Pipeline): string | undefined {
  const specs = pipeline.pipelineParameterSpecList ?? [];
  if (specs.length === 0) {
    return undefined;
  }
  return specs
    .map((spec) => {
      const type = spec.parameterType ? ` (${spec.parameterType})` : '';
      return `${spec.parameterName}${type}${spec.isOptional ? ', optional' : ''}`;
    })
    .join('; ');
}

/** The EasyMaker pipeline: a compiled Kubeflow Pipelines spec uploaded from a Slack file. */
export const pipelineDescription: ResourceDescription<Pipeline, PipelineParameters> = {
  kind: 'pipeline',
  noun: 'pipeline',
  title: 'Pipeline',
  words: ['pipeline', 'pipelines'],
  api: {
    collectionPath: '/pipelines',
    listKey: 'pipelineList',
    objectKey: 'pipeline',
    objectSchema: pipelineSchema,
  },
  idOf: (pipeline) => pipeline.pipelineId,
  nameOf: (pipeline) => pipeline.pipelineName,
  statusOf: (pipeline) => pipeline.pipelineStatusCode,
  elapsedSecondsOf: () => undefined,
  statuses: {
    going: ['CREATE_REQUESTED', 'CREATE_IN_PROGRESS'],
    success: ['ACTIVE'],
    failure: ['CREATE_FAILED'],
    stopped: [],
  },
  create: pipelineCreate,
  operations: { delete: true, stop: false, start: false },
  list: {
    columns: [
      { label: 'Status', value: (pipeline) => pipeline.pipelineStatusCode },
      {
        label: 'Parameters',
        value: (pipeline) => String(pipeline.pipelineParameterSpecList?.length ?? 0),
      },
      { label: 'Created', value: (pipeline) => pipeline.createdDatetime ?? '-' },
    ],
  },
  summarizeResult(pipeline) {
    const fields: SummaryField[] = [];
    const parameters = describeParameters(pipeline);
    if (parameters !== undefined) {
      fields.push({ label: 'Parameters', value: parameters });
    }
    if (pipeline.description) {
      fields.push({ label: 'Description', value: pipeline.description });
    }
    return fields;
  },
};
