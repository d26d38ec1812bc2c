import { type Model, modelSchema } from '../api/schemas/model.js';
import { type ModelParameters, modelCreate } from './model-create.js';
import type { ResourceDescription, SummaryField } from './resource-description.js';

/** Describes where a model came from, for lists and details. */
function sourceOf(model: Model): string {
  if (model.training?.trainingName) {
    return `training ${model.training.trainingName}`;
  }
  if (model.hyperparameterTuning?.hyperparameterTuningName) {
    return `tuning ${model.hyperparameterTuning.hyperparameterTuningName}`;
  }
  if (model.modelTypeCode === 'HUGGING_FACE') {
    return 'Hugging Face';
  }
  return model.modelUploadUri ?? '-';
}

/** The EasyMaker model: `Model().create` from Slack, tracked until it is ACTIVE. */
export const modelDescription: ResourceDescription<Model, ModelParameters> = {
  kind: 'model',
  noun: 'model',
  title: 'Model',
  words: ['model', 'models'],
  api: {
    collectionPath: '/models',
    listKey: 'modelList',
    objectKey: 'model',
    objectSchema: modelSchema,
  },
  idOf: (model) => model.modelId,
  nameOf: (model) => model.modelName,
  statusOf: (model) => model.modelStatusCode,
  elapsedSecondsOf: () => undefined,
  statuses: {
    going: ['CREATE_REQUESTED', 'CREATE_IN_PROGRESS', 'DELETE_IN_PROGRESS'],
    success: ['ACTIVE'],
    failure: ['CREATE_FAILED', 'DELETE_FAILED'],
    stopped: [],
  },
  create: modelCreate,
  operations: { delete: true, stop: false, start: false },
  list: {
    columns: [
      { label: 'Status', value: (model) => model.modelStatusCode },
      { label: 'Format', value: (model) => model.modelTypeCode ?? '-' },
      { label: 'Source', value: sourceOf },
      { label: 'Created', value: (model) => model.createdDatetime ?? '-' },
    ],
  },
  summarizeResult(model) {
    const fields: SummaryField[] = [];
    if (model.modelTypeCode) {
      fields.push({ label: 'Format', value: model.modelTypeCode });
    }
    fields.push({ label: 'Source', value: sourceOf(model) });
    if (model.modelUploadUri && sourceOf(model) !== model.modelUploadUri) {
      fields.push({ label: 'Artifacts', value: model.modelUploadUri });
    }
    if (model.frameworkVersion) {
      fields.push({ label: 'Framework version', value: model.frameworkVersion });
    }
    return fields;
  },
};
