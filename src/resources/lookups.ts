import type { z } from 'zod';
import { algorithmSchema } from '../api/schemas/algorithm.js';
import { endpointSchema } from '../api/schemas/endpoint.js';
import { experimentSchema } from '../api/schemas/experiment.js';
import { flavorSchema } from '../api/schemas/flavor.js';
import { hyperparameterTuningSchema } from '../api/schemas/hyperparameter-tuning.js';
import { imageSchema } from '../api/schemas/image.js';
import { modelSchema } from '../api/schemas/model.js';
import { pipelineSchema } from '../api/schemas/pipeline.js';
import { trainingSchema } from '../api/schemas/training.js';
import type { LookupItem, LookupKind } from './resource-description.js';

/** Where a lookup list comes from and how its objects become choices. */
export interface LookupDescription {
  kind: LookupKind;
  /** Lowercase noun for messages ("instance type"). */
  noun: string;
  collectionPath: string;
  listKey: string;
  itemSchema: z.ZodType;
  toItem(object: never): LookupItem;
  /** Keeps only the objects that may be chosen, such as COMPLETE trainings; default all. */
  includes?(object: never): boolean;
}

function flavorDetail(vcpus?: number | null, ramMb?: number | null, gpuCount?: number | null) {
  const parts = [];
  if (vcpus) parts.push(`${vcpus} vCPU`);
  if (ramMb) parts.push(`${Math.round(ramMb / 1024)} GB`);
  if (gpuCount) parts.push(`${gpuCount} GPU`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

export const lookupDescriptions: Record<LookupKind, LookupDescription> = {
  flavor: {
    kind: 'flavor',
    noun: 'instance type',
    collectionPath: '/flavors',
    listKey: 'flavorList',
    itemSchema: flavorSchema,
    toItem: (flavor: z.infer<typeof flavorSchema>) => ({
      id: flavor.id,
      name: flavor.name,
      detail: flavorDetail(flavor.vcpus, flavor.ram, flavor.gpuCount),
      vcpus: flavor.vcpus ?? undefined,
      gpuCount: flavor.gpuCount ?? undefined,
      gpuFlavor: flavor.gpuFlavor ?? undefined,
    }),
  },
  image: {
    kind: 'image',
    noun: 'image',
    collectionPath: '/images',
    listKey: 'imageList',
    itemSchema: imageSchema,
    toItem: (image: z.infer<typeof imageSchema>) => ({
      id: image.imageId,
      name: image.imageName,
      detail: [image.frameworkCode, image.frameworkVersion].filter(Boolean).join(' ') || undefined,
    }),
  },
  algorithm: {
    kind: 'algorithm',
    noun: 'algorithm',
    collectionPath: '/algorithms',
    listKey: 'algorithmList',
    itemSchema: algorithmSchema,
    toItem: (algorithm: z.infer<typeof algorithmSchema>) => ({
      id: algorithm.algorithmId,
      name: algorithm.algorithmName,
    }),
  },
  experiment: {
    kind: 'experiment',
    noun: 'experiment',
    collectionPath: '/experiments',
    listKey: 'experimentList',
    itemSchema: experimentSchema,
    toItem: (experiment: z.infer<typeof experimentSchema>) => ({
      id: experiment.experimentId,
      name: experiment.experimentName,
      detail: experiment.experimentStatusCode ?? undefined,
    }),
  },
  training: {
    kind: 'training',
    noun: 'COMPLETE training',
    collectionPath: '/trainings',
    listKey: 'trainingList',
    itemSchema: trainingSchema,
    includes: (training: z.infer<typeof trainingSchema>) =>
      training.trainingStatusCode === 'COMPLETE',
    toItem: (training: z.infer<typeof trainingSchema>) => ({
      id: training.trainingId,
      name: training.trainingName,
      detail: training.createdDatetime ?? undefined,
    }),
  },
  'hyperparameter-tuning': {
    kind: 'hyperparameter-tuning',
    noun: 'COMPLETE tuning',
    collectionPath: '/hyperparameter-tunings',
    listKey: 'hyperparameterTuningList',
    itemSchema: hyperparameterTuningSchema,
    includes: (tuning: z.infer<typeof hyperparameterTuningSchema>) =>
      tuning.hyperparameterTuningStatusCode === 'COMPLETE',
    toItem: (tuning: z.infer<typeof hyperparameterTuningSchema>) => ({
      id: tuning.hyperparameterTuningId,
      name: tuning.hyperparameterTuningName,
      detail: tuning.createdDatetime ?? undefined,
    }),
  },
  endpoint: {
    kind: 'endpoint',
    noun: 'endpoint',
    collectionPath: '/endpoints',
    listKey: 'endpointList',
    itemSchema: endpointSchema,
    toItem: (endpoint: z.infer<typeof endpointSchema>) => ({
      id: endpoint.endpointId,
      name: endpoint.endpointName,
      detail: endpoint.endpointStatusCode,
    }),
  },
  model: {
    kind: 'model',
    noun: 'ACTIVE model',
    collectionPath: '/models',
    listKey: 'modelList',
    itemSchema: modelSchema,
    includes: (model: z.infer<typeof modelSchema>) => model.modelStatusCode === 'ACTIVE',
    toItem: (model: z.infer<typeof modelSchema>) => ({
      id: model.modelId,
      name: model.modelName,
      detail: model.modelTypeCode ?? undefined,
    }),
  },
  pipeline: {
    kind: 'pipeline',
    noun: 'ACTIVE pipeline',
    collectionPath: '/pipelines',
    listKey: 'pipelineList',
    itemSchema: pipelineSchema,
    includes: (pipeline: z.infer<typeof pipelineSchema>) =>
      pipeline.pipelineStatusCode === 'ACTIVE',
    toItem: (pipeline: z.infer<typeof pipelineSchema>) => ({
      id: pipeline.pipelineId,
      name: pipeline.pipelineName,
      detail: pipeline.createdDatetime ?? undefined,
    }),
  },
};
