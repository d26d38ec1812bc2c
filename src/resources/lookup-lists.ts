import { type Algorithm, algorithmSchema } from '../api/schemas/algorithm.js';
import { type Flavor, flavorSchema } from '../api/schemas/flavor.js';
import { type Image, imageSchema } from '../api/schemas/image.js';
import type { ListableDescription } from './resource-description.js';

const instanceTypes: ListableDescription<Flavor> = {
  kind: 'flavor',
  noun: 'instance type',
  title: 'Instance type',
  words: ['instances', 'instance-types', 'flavors'],
  api: { collectionPath: '/flavors', listKey: 'flavorList', objectSchema: flavorSchema },
  idOf: (flavor) => flavor.id,
  nameOf: (flavor) => flavor.name,
  list: {
    columns: [
      { label: 'vCPU', value: (flavor) => String(flavor.vcpus ?? '-') },
      {
        label: 'RAM',
        value: (flavor) => (flavor.ram ? `${Math.round(flavor.ram / 1024)} GB` : '-'),
      },
      { label: 'GPU', value: (flavor) => String(flavor.gpuCount ?? 0) },
    ],
  },
};

const images: ListableDescription<Image> = {
  kind: 'image',
  noun: 'image',
  title: 'Image',
  words: ['images'],
  api: { collectionPath: '/images', listKey: 'imageList', objectSchema: imageSchema },
  idOf: (image) => image.imageId,
  nameOf: (image) => image.imageName,
  list: {
    columns: [
      {
        label: 'Framework',
        value: (image) =>
          [image.frameworkCode, image.frameworkVersion].filter(Boolean).join(' ') || '-',
      },
      { label: 'Core', value: (image) => image.coreTypeCode ?? '-' },
    ],
  },
};

const algorithms: ListableDescription<Algorithm> = {
  kind: 'algorithm',
  noun: 'algorithm',
  title: 'Algorithm',
  words: ['algorithms'],
  api: { collectionPath: '/algorithms', listKey: 'algorithmList', objectSchema: algorithmSchema },
  idOf: (algorithm) => algorithm.algorithmId,
  nameOf: (algorithm) => algorithm.algorithmName,
  list: {
    columns: [
      {
        label: 'Hyperparameters',
        value: (algorithm) => String(algorithm.hyperparameterSpecList?.length ?? 0),
      },
    ],
  },
};

/** The SDK CLI's lookup lists (instance types, images, algorithms), listed like resources. */
export const lookupLists: readonly ListableDescription[] = [
  instanceTypes as unknown as ListableDescription,
  images as unknown as ListableDescription,
  algorithms as unknown as ListableDescription,
];

export function findLookupListByWord(word: string): ListableDescription | undefined {
  const lower = word.toLowerCase();
  return lookupLists.find((list) => list.words.includes(lower));
}

export function findLookupListByKind(kind: string): ListableDescription | undefined {
  return lookupLists.find((list) => list.kind === kind);
}
