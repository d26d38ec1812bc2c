import { z } from 'zod';
import { generateFlavorId, generateResourceId } from '../ids.js';
import { renderExperiment } from '../resource-views.js';
import { seedImageIds } from '../seed-data.js';
import type { SimulatorState } from '../simulator-state.js';
import { applyResourceSeed, resourceSeedFields } from './control-seed-resources.js';
import { insertExperiment } from './experiments.js';

const maxSeedItems = 10_000;

const nonNegativeInt = z.int().min(0);

const flavorSeedSchema = z.object({
  id: z.string().min(1).optional(),
  name: z.string().min(1),
  vcpus: z.int().min(1).default(4),
  ram: nonNegativeInt.default(8192),
  disk: nonNegativeInt.default(20),
  gpuCount: nonNegativeInt.default(0),
  gpuMemory: nonNegativeInt.default(0),
});

const imageSeedSchema = z.object({
  imageId: z.string().min(1).optional(),
  imageName: z.string().min(1),
  imageTypeCode: z.string().default('BASIC'),
  coreTypeCode: z.string().default('CPU'),
  frameworkCode: z.string().default('TENSORFLOW'),
  frameworkVersion: z.string().default('2.15.0'),
  pythonVersion: z.string().default('3.10'),
  description: z.string().default(''),
  groupTypeCode: z.string().default('TRAINING'),
});

const algorithmSeedSchema = z.object({
  algorithmId: z.string().min(1).optional(),
  algorithmName: z.string().min(1).max(64),
  cpuTrainingImageId: z.string().default(seedImageIds.tensorflowCpuTraining),
  gpuTrainingImageId: z.string().default(seedImageIds.tensorflowGpuTraining),
});

const experimentSeedSchema = z.object({
  experimentName: z.string().min(1).max(50),
  description: z.string().max(255).nullish(),
});

/**
 * Body of `POST /_simulator/seed`: lookups, experiments, models, endpoints and pipelines to add
 * in bulk. Omitted lookup fields get defaults (a 4 vCPU CPU flavor, a CPU TensorFlow training
 * image); seeded resources are ACTIVE at once and may share names.
 */
export const seedBodySchema = z.strictObject({
  flavors: z.array(flavorSeedSchema).max(maxSeedItems).optional(),
  images: z.array(imageSeedSchema).max(maxSeedItems).optional(),
  algorithms: z.array(algorithmSeedSchema).max(maxSeedItems).optional(),
  experiments: z.array(experimentSeedSchema).max(maxSeedItems).optional(),
  ...resourceSeedFields,
});

export type SeedBody = z.infer<typeof seedBodySchema>;

/** Adds the seeded items and returns them as the list routes would. */
export function applySeed(state: SimulatorState, body: SeedBody): Record<string, unknown[]> {
  const { store } = state;
  const flavors = (body.flavors ?? []).map((flavor) => ({
    ...flavor,
    id: flavor.id ?? generateFlavorId(),
    gpuFlavor: flavor.gpuCount > 0,
  }));
  const images = (body.images ?? []).map((image) => ({
    ...image,
    imageId: image.imageId ?? generateResourceId(),
  }));
  const algorithms = (body.algorithms ?? []).map((algorithm) => ({
    ...algorithm,
    algorithmId: algorithm.algorithmId ?? generateResourceId(),
    algorithmDatasetSchema: [],
    hyperparameterSpecList: [],
  }));
  store.flavors.push(...flavors);
  store.images.push(...images);
  store.algorithms.push(...algorithms);
  const experiments = (body.experiments ?? []).map((experiment) =>
    insertExperiment(state, experiment, 'ACTIVE', true),
  );
  return {
    flavorList: flavors,
    imageList: images,
    algorithmList: algorithms,
    experimentList: experiments.map((experiment) => renderExperiment(state, experiment)),
    ...applyResourceSeed(state, body),
  };
}
