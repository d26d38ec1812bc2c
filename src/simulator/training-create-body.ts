import { z } from 'zod';
import {
  integerBetween,
  listOf,
  objectOf,
  optionalBoolean,
  optionalString,
  requiredString,
} from './validation.js';

/*
 * Body of `POST /trainings` with the published limits. Names are at most 50 characters,
 * descriptions 255, ids 36, URIs 255 and the algorithm id 64. A training has 1-10 nodes,
 * 300-10000 GB data storage and a timeout of 1-720 hours sent as minutes. It takes at most 100
 * hyperparameters (name 255, value 1000), 10 datasets (name 36) and 10 tags (key 64, value 255,
 * an SDK 1.x field). Unknown keys are dropped because EasyMaker ignores them. Checks that need other resources (experiment, flavor, image, algorithm) are made by
 * the route.
 */

const hyperparameterSchema = objectOf({
  parameterName: requiredString(255),
  parameterValue: z
    .string({
      error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string'),
    })
    .max(1000, { error: 'must be at most 1000 characters' }),
});

export const datasetSchema = objectOf({
  datasetName: requiredString(36),
  dataUri: requiredString(255),
});

const tagSchema = objectOf({
  tagKey: requiredString(64),
  tagValue: optionalString(255),
});

export const trainingCreateBodySchema = objectOf({
  trainingName: requiredString(50),
  description: optionalString(255),
  experimentId: requiredString(36),
  imageId: requiredString(36),
  flavorId: requiredString(36),
  instanceCount: integerBetween(1, 10).nullish(),
  // The upper bound is the flavor's GPU count (GPU flavors) or vCPU count; the route checks it.
  nprocPerNode: z
    .int({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be an integer') })
    .min(1, { error: 'must be 1 or more' })
    .nullish(),
  useTorchrun: optionalBoolean(),
  dataStorageSize: integerBetween(300, 10000).nullish(),
  algorithmId: optionalString(64),
  sourceDirUri: optionalString(255),
  entryPoint: optionalString(255),
  modelUploadUri: requiredString(255),
  checkPointInputUri: optionalString(255),
  checkPointUploadUri: optionalString(255),
  timeoutMinutes: integerBetween(60, 43200).nullish(),
  hyperparameterList: listOf(hyperparameterSchema, 100).nullish(),
  // NOTE: the minimum number of datasets is not published; an empty list is accepted.
  datasetList: listOf(datasetSchema, 10),
  tagList: listOf(tagSchema, 10).nullish(),
  useLog: optionalBoolean(),
  trainingTypeCode: z.literal('NORMAL', {
    error: (issue) => (issue.input === undefined ? 'is required' : 'must be NORMAL'),
  }),
  parentPipelineRunId: optionalString(36),
  parentPipelineRunTaskName: optionalString(255),
}).superRefine(checkCodeAndStorageFields);

/** Fields that `checkCodeAndStorageFields` reads; trainings and tunings share them. */
export interface CodeAndStorageFields {
  algorithmId?: string | null | undefined;
  sourceDirUri?: string | null | undefined;
  entryPoint?: string | null | undefined;
  dataStorageSize?: number | null | undefined;
  datasetList: Array<{ dataUri: string }>;
}

/**
 * Checks the rules that span fields: user code needs `sourceDirUri` (obs:// or nas://) and
 * `entryPoint` unless an algorithm runs, and data on Object Storage needs `dataStorageSize`.
 */
export function checkCodeAndStorageFields(
  body: CodeAndStorageFields,
  context: z.RefinementCtx,
): void {
  const usesOwnCode = body.sourceDirUri != null || body.entryPoint != null;
  if (body.algorithmId == null || usesOwnCode) {
    if (body.sourceDirUri == null || body.sourceDirUri === '') {
      const reason = body.algorithmId == null ? ' when algorithmId is not given' : '';
      context.addIssue({ code: 'custom', path: ['sourceDirUri'], message: `is required${reason}` });
    }
    if (body.entryPoint == null || body.entryPoint === '') {
      const reason = body.algorithmId == null ? ' when algorithmId is not given' : '';
      context.addIssue({ code: 'custom', path: ['entryPoint'], message: `is required${reason}` });
    }
  }
  if (body.sourceDirUri && !/^(obs|nas):\/\//.test(body.sourceDirUri)) {
    context.addIssue({
      code: 'custom',
      path: ['sourceDirUri'],
      message: 'must start with obs:// or nas://',
    });
  }
  // NOTE: the guide requires the data storage size when data is on Object Storage; the
  // simulator reads that from the dataset URIs.
  const readsObjectStorage = body.datasetList.some((dataset) =>
    dataset.dataUri.startsWith('obs://'),
  );
  if (readsObjectStorage && body.dataStorageSize == null) {
    context.addIssue({
      code: 'custom',
      path: ['dataStorageSize'],
      message: 'is required when a dataset is on Object Storage (obs://)',
    });
  }
}

export type TrainingCreateBody = z.infer<typeof trainingCreateBodySchema>;
