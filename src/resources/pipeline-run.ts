import { type PipelineRun, pipelineRunSchema } from '../api/schemas/pipeline-run.js';
import { jobStatuses } from './job-statuses.js';
import { type PipelineRunParameters, pipelineRunCreate } from './pipeline-run-create.js';
import type { ResourceDescription, SummaryField } from './resource-description.js';

/** The EasyMaker pipeline run: one run of an uploaded pipeline, tracked until it ends. */
export const pipelineRunDescription: ResourceDescription<PipelineRun, PipelineRunParameters> = {
  kind: 'pipeline-run',
  noun: 'pipeline run',
  title: 'Pipeline run',
  words: ['run', 'runs', 'pipeline-run', 'pipeline-runs'],
  api: {
    collectionPath: '/pipeline-runs',
    listKey: 'pipelineRunList',
    objectKey: 'pipelineRun',
    objectSchema: pipelineRunSchema,
  },
  idOf: (run) => run.pipelineRunId,
  nameOf: (run) => run.pipelineRunName,
  statusOf: (run) => run.pipelineRunStatusCode,
  elapsedSecondsOf: (run) => run.elapsedTimeSeconds ?? undefined,
  statuses: jobStatuses('PIPELINE_RUN'),
  create: pipelineRunCreate,
  operations: { delete: true, stop: true, start: false },
  list: {
    columns: [
      { label: 'Status', value: (run) => run.pipelineRunStatusCode },
      { label: 'Pipeline', value: (run) => run.pipeline?.pipelineName ?? '-' },
      { label: 'Created', value: (run) => run.createdDatetime ?? '-' },
    ],
  },
  summarizeResult(run) {
    const fields: SummaryField[] = [];
    if (run.pipeline?.pipelineName) {
      fields.push({ label: 'Pipeline', value: run.pipeline.pipelineName });
    }
    if (run.experiment?.experimentName) {
      fields.push({ label: 'Experiment', value: run.experiment.experimentName });
    }
    if (run.pipelineRecurringRun?.pipelineRecurringRunName) {
      fields.push({
        label: 'Started by schedule',
        value: run.pipelineRecurringRun.pipelineRecurringRunName,
      });
    }
    if (run.startedDatetime) {
      fields.push({ label: 'Started', value: run.startedDatetime });
    }
    if (run.finishedDatetime) {
      fields.push({ label: 'Finished', value: run.finishedDatetime });
    }
    return fields;
  },
};
