import { BotError } from '../errors.js';
import type { EasyMakerClient } from './easymaker-client.js';
import { type Algorithm, algorithmSchema } from './schemas/algorithm.js';
import { type Experiment, experimentSchema } from './schemas/experiment.js';
import { type Flavor, flavorSchema } from './schemas/flavor.js';
import { type Image, imageSchema } from './schemas/image.js';

/** The part of the client that lookups use, so tests can pass a fake. */
export type ListingClient = Pick<EasyMakerClient, 'list'>;

/** Kind of resource a lookup resolves, stored in the context of `ERR_NAME_NOT_FOUND`. */
export type LookupKind = 'flavor' | 'image' | 'algorithm' | 'experiment';

const kindLabels: Record<LookupKind, string> = {
  flavor: 'instance type',
  image: 'image',
  algorithm: 'algorithm',
  experiment: 'experiment',
};

/**
 * Picks the first item whose name equals `name` exactly (case-sensitive), like the SDK, or
 * raises `ERR_NAME_NOT_FOUND`.
 */
function pickByName<T>(items: T[], name: string, kind: LookupKind, nameOf: (item: T) => string): T {
  const match = items.find((item) => nameOf(item) === name);
  if (match === undefined) {
    throw new BotError('ERR_NAME_NOT_FOUND', `Unknown ${kindLabels[kind]} "${name}"`, {
      context: { kind, name },
    });
  }
  return match;
}

/** Resolves an instance type name such as `m2.c4m8` (`GET /flavors`). */
export async function findFlavorByName(client: ListingClient, name: string): Promise<Flavor> {
  const flavors = await client.list('/flavors', 'flavorList', flavorSchema);
  return pickByName(flavors, name, 'flavor', (flavor) => flavor.name);
}

/** Resolves an image name such as "Ubuntu 22.04 CPU TensorFlow Training" (`GET /images`). */
export async function findImageByName(client: ListingClient, name: string): Promise<Image> {
  const images = await client.list('/images', 'imageList', imageSchema);
  return pickByName(images, name, 'image', (image) => image.imageName);
}

/** Resolves an NHN algorithm name such as "Image Classification" (`GET /algorithms`). */
export async function findAlgorithmByName(client: ListingClient, name: string): Promise<Algorithm> {
  const algorithms = await client.list('/algorithms', 'algorithmList', algorithmSchema);
  return pickByName(algorithms, name, 'algorithm', (algorithm) => algorithm.algorithmName);
}

/**
 * Resolves an experiment name with the server-side `experimentNameList` filter, then compares
 * names exactly, since how the server matches names is not published.
 */
export async function findExperimentByName(
  client: ListingClient,
  name: string,
): Promise<Experiment> {
  const experiments = await client.list('/experiments', 'experimentList', experimentSchema, {
    experimentNameList: name,
  });
  return pickByName(experiments, name, 'experiment', (experiment) => experiment.experimentName);
}
