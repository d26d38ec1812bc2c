import { z } from 'zod';
import { type Experiment, experimentSchema } from '../api/schemas/experiment.js';
import { experimentCreateBodySchema } from '../api/schemas/experiment-create-body.js';
import { optionalText, requiredText } from './field-schemas.js';
import type { CreateDescription, ResourceDescription } from './resource-description.js';

export const experimentParametersSchema = z.object({
  experiment_name: requiredText(50),
  description: optionalText(255),
});

export type ExperimentParameters = z.infer<typeof experimentParametersSchema>;

const experimentCreate: CreateDescription<Experiment, ExperimentParameters> = {
  verb: 'create',
  parameters: [
    {
      name: 'experiment_name',
      aliases: ['name'],
      label: 'Experiment name',
      hint: 'Up to 50 characters.',
      optional: false,
      control: { type: 'text', maxLength: 50 },
    },
    {
      name: 'description',
      aliases: [],
      label: 'Description',
      hint: 'Up to 255 characters.',
      optional: true,
      control: { type: 'text', maxLength: 255 },
    },
  ],
  parametersSchema: experimentParametersSchema,
  bodySchema: experimentCreateBodySchema,
  checkParameters: () => [],
  references: [],
  formLookups: [],
  nameOfParameters: (parameters) => parameters.experiment_name,
  buildCreateBody: (parameters) => ({
    experimentName: parameters.experiment_name,
    description: parameters.description,
  }),
  summarizeParameters: (parameters) =>
    parameters.description ? [{ label: 'Description', value: parameters.description }] : [],
};

/** The EasyMaker experiment, which groups trainings, tunings and pipeline runs. */
export const experimentDescription: ResourceDescription<Experiment, ExperimentParameters> = {
  kind: 'experiment',
  noun: 'experiment',
  title: 'Experiment',
  words: ['experiment', 'experiments'],
  api: {
    collectionPath: '/experiments',
    listKey: 'experimentList',
    objectKey: 'experiment',
    objectSchema: experimentSchema,
  },
  idOf: (experiment) => experiment.experimentId,
  nameOf: (experiment) => experiment.experimentName,
  statusOf: (experiment) => experiment.experimentStatusCode,
  elapsedSecondsOf: () => undefined,
  statuses: {
    going: ['CREATE_REQUESTED', 'CREATE_IN_PROGRESS'],
    success: ['ACTIVE'],
    failure: ['CREATE_FAILED'],
    stopped: [],
  },
  create: experimentCreate,
  operations: { delete: true, stop: false, start: false },
  list: {
    columns: [
      { label: 'Status', value: (experiment) => experiment.experimentStatusCode },
      { label: 'Created', value: (experiment) => experiment.createdDatetime ?? '-' },
    ],
  },
  summarizeResult: (experiment) =>
    experiment.tensorboardAccessUri
      ? [{ label: 'TensorBoard', value: experiment.tensorboardAccessUri }]
      : [],
};
