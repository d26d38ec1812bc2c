import type { ModelRecord } from '../resource-records.js';
import type { SimulatorState } from '../simulator-state.js';
import { commonFields } from './common-fields.js';

/** Renders the model object of `GET /models/{id}`, list items and the create response. */
export function renderModel(state: SimulatorState, model: ModelRecord): Record<string, unknown> {
  return {
    modelId: model.modelId,
    modelName: model.modelName,
    modelStatusCode: model.progression.status,
    modelTypeCode: model.modelTypeCode,
    modelUploadUri: model.modelUploadUri,
    frameworkVersion: model.frameworkVersion,
    parameterList: model.parameterList.map((parameter) => ({ ...parameter })),
    training: model.training === null ? null : { ...model.training },
    hyperparameterTuning:
      model.hyperparameterTuning === null ? null : { ...model.hyperparameterTuning },
    ...commonFields(state, model.description, model.createdAtMs),
  };
}
