import { z } from 'zod';
import {
  dataStorageSizeSchema,
  datasetSchema,
  hasTrainingCode,
  idSchema,
  timeoutMinutesSchema,
  uriSchema,
} from './create-body-fields.js';

/** A user-given hyperparameter; the value is always sent as a string. */
const hyperparameterSchema = z.strictObject({
  parameterName: z.string().min(1).max(255),
  parameterValue: z.string().max(1000),
});

/** Tag of SDK 1.x trainings; the 2.x SDK sends none. */
const tagSchema = z.strictObject({
  tagKey: z.string().min(1).max(64),
  tagValue: z.string().max(255),
});

/**
 * Wire body of `POST /trainings`, with the limits of the console guide. A training runs either
 * an NHN algorithm (`algorithmId`) or user code (`sourceDirUri` with `entryPoint`).
 */
export const trainingCreateBodySchema = z
  .strictObject({
    trainingName: z.string().min(1).max(50),
    description: z.string().max(255).optional(),
    experimentId: idSchema,
    imageId: idSchema,
    flavorId: idSchema,
    /** Distributed node count. */
    instanceCount: z.number().int().min(1).max(10).optional(),
    /** Processes per node with torchrun; 1 up to the node's CPU or GPU count. */
    nprocPerNode: z.number().int().min(1).optional(),
    useTorchrun: z.boolean().optional(),
    /** GB; needed when the data is on Object Storage. */
    dataStorageSize: dataStorageSizeSchema.optional(),
    algorithmId: z.string().min(1).max(64).optional(),
    sourceDirUri: uriSchema.optional(),
    entryPoint: uriSchema.optional(),
    modelUploadUri: uriSchema,
    checkPointInputUri: uriSchema.optional(),
    checkPointUploadUri: uriSchema.optional(),
    /** Hours x 60, from 1 to 720 hours; the SDK sends 720 hours when none is given. */
    timeoutMinutes: timeoutMinutesSchema.optional(),
    hyperparameterList: z.array(hyperparameterSchema).max(100).optional(),
    datasetList: z.array(datasetSchema).max(10),
    /** Sends the training logs to Log & Crash Search. */
    useLog: z.boolean().optional(),
    tagList: z.array(tagSchema).max(10).optional(),
    trainingTypeCode: z.literal('NORMAL'),
  })
  .refine(hasTrainingCode, {
    message: 'set algorithmId, or sourceDirUri with entryPoint',
    path: ['algorithmId'],
  });

export type TrainingCreateBody = z.infer<typeof trainingCreateBodySchema>;
