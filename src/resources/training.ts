import { type Training, trainingSchema } from '../api/schemas/training.js';
import { jobStatuses } from './job-statuses.js';
import type { ResourceDescription } from './resource-description.js';
import { type TrainingParameters, trainingCreate } from './training-create.js';

/** The EasyMaker training: `Training().run` from Slack, tracked until it ends. */
export const trainingDescription: ResourceDescription<Training, TrainingParameters> = {
  kind: 'training',
  noun: 'training',
  title: 'Training',
  words: ['training', 'trainings'],
  api: {
    collectionPath: '/trainings',
    listKey: 'trainingList',
    objectKey: 'training',
    objectSchema: trainingSchema,
  },
  idOf: (training) => training.trainingId,
  nameOf: (training) => training.trainingName,
  statusOf: (training) => training.trainingStatusCode,
  elapsedSecondsOf: (training) => training.elapsedTimeSeconds ?? undefined,
  statuses: jobStatuses('TRAIN'),
  create: trainingCreate,
  operations: { delete: true, stop: true, start: false },
  list: {
    columns: [
      { label: 'Status', value: (training) => training.trainingStatusCode },
      { label: 'Instance', value: (training) => training.flavor?.name ?? '-' },
      { label: 'Created', value: (training) => training.createdDatetime ?? '-' },
    ],
  },
  summarizeResult(training) {
    const fields = [];
    if (training.modelUploadUri) {
      fields.push({ label: 'Model', value: training.modelUploadUri });
    }
    if (training.tensorboardAccessUri) {
      fields.push({ label: 'TensorBoard', value: training.tensorboardAccessUri });
    }
    return fields;
  },
};
