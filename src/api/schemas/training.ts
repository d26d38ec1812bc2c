import { z } from 'zod';
import { algorithmSchema } from './algorithm.js';
import { commonResourceFields } from './common-fields.js';
import { experimentSchema } from './experiment.js';
import { flavorSchema } from './flavor.js';
import { imageSchema } from './image.js';
import { parameterSchema } from './parameter.js';
import { storageSchema } from './storage.js';

const datasetSchema = z.object({
  datasetName: z.string().nullish(),
  dataUri: z.string().nullish(),
});

// NOTE: the fields of the models listed on a training are not published; only the id and the
// name of the model object are read.
const trainingModelSchema = z.object({
  modelId: z.string().nullish(),
  modelName: z.string().nullish(),
});

/**
 * Training (`training`, items of `trainingList`). Only the id, the name and the status are
 * required. Nested objects are lenient because list items may carry sparse ones, e.g. a
 * `flavor` with only `id` and `gpuFlavor`.
 *
 * Status codes: going `CREATE_REQUESTED`, `CREATE_IN_PROGRESS`, `RUNNING`,
 * `COMPLETE_IN_PROGRESS`, `FAIL_TRAIN_IN_PROGRESS`, `STOP_IN_PROGRESS`; success `COMPLETE`;
 * failure `FAIL_TRAIN`, `CREATE_FAILED`; stopped `STOPPED`.
 */
export const trainingSchema = z.object({
  trainingId: z.string(),
  trainingName: z.string(),
  trainingStatusCode: z.string().min(1),
  experiment: experimentSchema.partial().nullish(),
  instanceCount: z.number().int().nullish(),
  nprocPerNode: z.number().int().nullish(),
  algorithm: algorithmSchema.partial().nullish(),
  sourceDirUri: z.string().nullish(),
  entryPoint: z.string().nullish(),
  modelUploadUri: z.string().nullish(),
  checkPointInputUri: z.string().nullish(),
  checkPointUploadUri: z.string().nullish(),
  /** Log & Crash Search app key that receives the training logs when `useLog` is on. */
  logAndCrashAppKey: z.string().nullish(),
  timeoutMinutes: z.number().int().nullish(),
  elapsedTimeSeconds: z.number().int().nullish(),
  tensorboardAccessUri: z.string().nullish(),
  tensorboardAccessPath: z.string().nullish(),
  datasetList: z.array(datasetSchema).nullish(),
  flavor: flavorSchema.partial().nullish(),
  image: imageSchema.partial().nullish(),
  bootStorage: storageSchema.nullish(),
  dataStorageList: z.array(storageSchema).nullish(),
  modelList: z.array(trainingModelSchema).nullish(),
  hyperparameterList: z.array(parameterSchema).nullish(),
  ...commonResourceFields,
});

export type Training = z.infer<typeof trainingSchema>;
