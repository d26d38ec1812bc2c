import type { z } from 'zod';
import { algorithmSchema } from '../api/schemas/algorithm.js';
import { experimentSchema } from '../api/schemas/experiment.js';
import { flavorSchema } from '../api/schemas/flavor.js';
import { imageSchema } from '../api/schemas/image.js';
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
};
