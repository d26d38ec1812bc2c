import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticTokenProvider } from '../../src/api/access-token-provider.js';
import { EasyMakerClient } from '../../src/api/easymaker-client.js';
import {
  findAlgorithmByName,
  findExperimentByName,
  findFlavorByName,
  findImageByName,
} from '../../src/api/name-lookup.js';
import type { BotError } from '../../src/errors.js';
import {
  type StubServer,
  sendJson,
  silentLogger,
  startStubServer,
  successHeader,
} from './stub-server.js';

const listsByPath: Record<string, Record<string, unknown[]>> = {
  '/v1.0/appkeys/app/flavors': {
    flavorList: [
      { id: 'f-1', name: 'm2.c4m8', vcpus: 4, ram: 8192, gpuFlavor: false },
      { id: 'f-2', name: 'g2.t4.c4m32', gpuFlavor: true, gpuCount: 1 },
    ],
  },
  '/v1.0/appkeys/app/images': {
    imageList: [{ imageId: 'i-1', imageName: 'Ubuntu 22.04 CPU TensorFlow Training' }],
  },
  '/v1.0/appkeys/app/algorithms': {
    algorithmList: [
      {
        algorithmId: 'a-1',
        algorithmName: 'Image Classification',
        hyperparameterSpecList: [
          {
            hyperparameterName: 'learning_rate',
            hyperparameterTypeCode: 'double',
            defaultValue: '0.1',
          },
        ],
      },
    ],
  },
  // This stub ignores the name filter, like a server that matches names case-insensitively.
  '/v1.0/appkeys/app/experiments': {
    experimentList: [
      { experimentId: 'e-1', experimentName: 'Mnist', experimentStatusCode: 'ACTIVE' },
      { experimentId: 'e-2', experimentName: 'mnist', experimentStatusCode: 'ACTIVE' },
    ],
  },
};

let server: StubServer;
let client: EasyMakerClient;

beforeAll(async () => {
  server = await startStubServer((request, response) => {
    const path = request.url.split('?')[0] ?? '';
    sendJson(response, 200, { header: successHeader, ...listsByPath[path] });
  });
  client = new EasyMakerClient({
    baseUrl: server.url,
    appKey: 'app',
    tokenProvider: createStaticTokenProvider('token'),
    logger: silentLogger,
  });
});

afterAll(async () => {
  await server.close();
});

async function notFound(lookup: Promise<unknown>): Promise<BotError> {
  return (await lookup.then(
    () => {
      throw new Error('expected ERR_NAME_NOT_FOUND');
    },
    (error: unknown) => error,
  )) as BotError;
}

describe('name lookups', () => {
  it('finds a flavor by exact name', async () => {
    const flavor = await findFlavorByName(client, 'g2.t4.c4m32');

    expect(flavor.id).toBe('f-2');
    expect(flavor.gpuCount).toBe(1);
  });

  it('finds an image and an algorithm by name', async () => {
    const image = await findImageByName(client, 'Ubuntu 22.04 CPU TensorFlow Training');
    const algorithm = await findAlgorithmByName(client, 'Image Classification');

    expect(image.imageId).toBe('i-1');
    expect(algorithm.algorithmId).toBe('a-1');
    expect(algorithm.hyperparameterSpecList?.[0]?.defaultValue).toBe('0.1');
  });

  it('raises ERR_NAME_NOT_FOUND for an unknown instance type', async () => {
    const error = await notFound(findFlavorByName(client, 'x'));

    expect(error.code).toBe('ERR_NAME_NOT_FOUND');
    expect(error.message).toBe('Unknown instance type "x"');
    expect(error.context).toEqual({ kind: 'flavor', name: 'x' });
  });

  it('matches names case-sensitively', async () => {
    const flavorError = await notFound(findFlavorByName(client, 'M2.C4M8'));
    expect(flavorError.context).toEqual({ kind: 'flavor', name: 'M2.C4M8' });

    const imageName = 'ubuntu 22.04 cpu tensorflow training';
    const imageError = await notFound(findImageByName(client, imageName));
    expect(imageError.message).toBe(`Unknown image "${imageName}"`);

    const algorithmError = await notFound(findAlgorithmByName(client, 'image classification'));
    expect(algorithmError.context).toEqual({ kind: 'algorithm', name: 'image classification' });
  });

  it('filters experiments by name and compares names exactly', async () => {
    const experiment = await findExperimentByName(client, 'mnist');

    expect(experiment.experimentId).toBe('e-2');
    expect(server.requests.at(-1)?.url).toBe(
      '/v1.0/appkeys/app/experiments?experimentNameList=mnist',
    );
  });

  it('raises ERR_NAME_NOT_FOUND for an unknown experiment', async () => {
    const error = await notFound(findExperimentByName(client, 'MNIST'));

    expect(error.message).toBe('Unknown experiment "MNIST"');
    expect(error.context).toEqual({ kind: 'experiment', name: 'MNIST' });
  });
});
