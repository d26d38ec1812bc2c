import { z } from 'zod';
import type { Training } from '../api/schemas/training.js';
import { trainingCreateBodySchema } from '../api/schemas/training-create-body.js';
import { optionalText, type Pair, pairList, requiredText } from './field-schemas.js';
import {
  buildJobBody,
  checkJobParameters,
  jobFormLookups,
  jobParametersShape,
  jobReferences,
  summarizeJob,
} from './job-parameters.js';
import type { CreateDescription } from './resource-description.js';
import { trainingParameters } from './training-parameters.js';

/** Typed parameters of `Training().run`, parsed from modal fields or inline arguments. */
export const trainingParametersSchema = z.object({
  ...jobParametersShape,
  training_name: requiredText(50),
  training_description: optionalText(255),
  hyperparameter_list: pairList({
    maxItems: 100,
    keyName: 'name',
    keyMaxLength: 255,
    valueName: 'value',
    valueMaxLength: 1000,
  }),
  tag_list: pairList({
    maxItems: 10,
    keyName: 'key',
    keyMaxLength: 64,
    valueName: 'value',
    valueMaxLength: 255,
  }),
});

export type TrainingParameters = z.infer<typeof trainingParametersSchema>;

function toParameterList(pairs: Pair[]) {
  return pairs.map((pair) => ({ parameterName: pair.key, parameterValue: pair.value }));
}

/** `Training().run` from Slack: the form, the checks and the body of `POST /trainings`. */
export const trainingCreate: CreateDescription<Training, TrainingParameters> = {
  verb: 'run',
  shortcut: 'train',
  parameters: trainingParameters,
  parametersSchema: trainingParametersSchema,
  bodySchema: trainingCreateBodySchema,
  checkParameters: checkJobParameters,
  references: jobReferences,
  formLookups: jobFormLookups,
  nameOfParameters: (parameters) => parameters.training_name,
  buildCreateBody(parameters, resolved, context) {
    return {
      trainingName: parameters.training_name,
      description: parameters.training_description,
      ...buildJobBody(parameters, resolved, context),
      instanceCount: parameters.distributed_node_count,
      hyperparameterList: toParameterList(parameters.hyperparameter_list),
      // NOTE: SDK 2.x sends no tags; SDK 1.x sent them as `tagList` of {tagKey, tagValue}, which
      // is the only published wire form, so tags go out under that name.
      tagList: parameters.tag_list.map((tag) => ({ tagKey: tag.key, tagValue: tag.value })),
      trainingTypeCode: 'NORMAL',
    };
  },
  summarizeParameters: (parameters, resolved) =>
    summarizeJob(parameters, resolved, parameters.distributed_node_count),
};
