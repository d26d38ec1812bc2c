import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AccessTokenProvider } from '../../src/api/access-token-provider.js';
import { EasyMakerApiError } from '../../src/api/easymaker-api-error.js';
import { EasyMakerClient } from '../../src/api/easymaker-client.js';
import { trainingSchema } from '../../src/api/schemas/training.js';
import type { BotError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import {
  createCapturingLogger,
  type StubHandler,
  type StubServer,
  sendJson,
  silentLogger,
  startStubServer,
  successHeader,
} from './stub-server.js';

const appKey = 'app-key-1';
const prefix = `/v1.0/appkeys/${appKey}`;
const training = {
  trainingId: 'cskni154xcny',
  trainingName: 'mnist',
  trainingStatusCode: 'CREATE_REQUESTED',
};

let server: StubServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Creates a token provider that counts invalidations and issues `token-1`, `token-2`, ... */
function createCountingTokenProvider(): AccessTokenProvider & { invalidations: number } {
  let generation = 1;
  return {
    invalidations: 0,
    async getToken() {
      return `token-${generation}`;
    },
    invalidate() {
      this.invalidations += 1;
      generation += 1;
    },
  };
}

async function setUp(
  handler: StubHandler,
  logger: Logger = silentLogger,
): Promise<{
  client: EasyMakerClient;
  stub: StubServer;
  tokens: ReturnType<typeof createCountingTokenProvider>;
}> {
  const stub = await startStubServer(handler);
  server = stub;
  const tokens = createCountingTokenProvider();
  const client = new EasyMakerClient({
    baseUrl: `${stub.url}/`,
    appKey,
    tokenProvider: tokens,
    timeoutMs: 2000,
    retryBaseDelayMs: 10,
    logger,
  });
  return { client, stub, tokens };
}

describe('EasyMakerClient', () => {
  it('sends the token and language headers on a GET', async () => {
    const { client, stub } = await setUp((_request, response) => {
      sendJson(response, 200, { header: successHeader, training });
    });

    const result = await client.get('/trainings/cskni154xcny', 'training', trainingSchema);

    expect(result.trainingId).toBe('cskni154xcny');
    const [request] = stub.requests;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe(`${prefix}/trainings/cskni154xcny`);
    expect(request?.headers['x-nhn-authorization']).toBe('Bearer token-1');
    expect(request?.headers['accept-language']).toBe('en');
    expect(request?.headers['content-type']).toBeUndefined();
  });

  it('posts JSON without null or undefined fields', async () => {
    const { client, stub } = await setUp((_request, response) => {
      sendJson(response, 200, { header: successHeader, training });
    });

    await client.create(
      '/trainings',
      {
        trainingName: 'mnist',
        description: null,
        algorithmId: undefined,
        datasetList: [{ datasetName: 'train', dataUri: 'obs://bucket/train', note: null }],
      },
      'training',
      trainingSchema,
    );

    const [request] = stub.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(`${prefix}/trainings`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      trainingName: 'mnist',
      datasetList: [{ datasetName: 'train', dataUri: 'obs://bucket/train' }],
    });
  });

  it('repeats array query parameters', async () => {
    const { client, stub } = await setUp((_request, response) => {
      sendJson(response, 200, { header: successHeader, experimentList: [] });
    });

    await client.list('/experiments', 'experimentList', z.object({ experimentId: z.string() }), {
      experimentNameList: ['a', 'b c'],
      experimentIdList: undefined,
    });

    expect(stub.requests[0]?.url).toBe(
      `${prefix}/experiments?experimentNameList=a&experimentNameList=b+c`,
    );
  });

  it('returns the validated list items', async () => {
    const { client } = await setUp((_request, response) => {
      sendJson(response, 200, {
        header: successHeader,
        trainingList: [training, { ...training, trainingId: 'second000000' }],
        paging: { totalCount: 2, page: 1, limit: 50 },
      });
    });

    const trainings = await client.list('/trainings', 'trainingList', trainingSchema);

    expect(trainings.map((item) => item.trainingId)).toEqual(['cskni154xcny', 'second000000']);
  });

  it('raises EasyMakerApiError on a failure envelope whatever the status', async () => {
    const { client } = await setUp((_request, response) => {
      sendJson(response, 200, {
        header: {
          isSuccessful: false,
          resultCode: 4000302,
          resultMessage: 'invalid experiment name',
        },
      });
    });

    const error = await client
      .create('/trainings', { trainingName: 'x' }, 'training', trainingSchema)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(EasyMakerApiError);
    expect((error as EasyMakerApiError).resultCode).toBe(4000302);
    expect((error as EasyMakerApiError).httpStatus).toBe(200);
    expect((error as EasyMakerApiError).message).toBe(
      'EasyMaker API POST /trainings failed: 4000302 invalid experiment name',
    );
  });

  it('rejects a response that does not match the schema', async () => {
    const { client } = await setUp((_request, response) => {
      sendJson(response, 200, { header: successHeader, training: { trainingId: 42 } });
    });

    const error = (await client
      .get('/trainings/abc', 'training', trainingSchema)
      .catch((caught: unknown) => caught)) as BotError;

    expect(error.code).toBe('ERR_EASYMAKER_RESPONSE_INVALID');
    expect(error.message).toContain('training.trainingId');
    expect(error.message).toContain('training.trainingStatusCode');
  });

  it('rejects a body that is not JSON with its status', async () => {
    const { client } = await setUp((_request, response) => {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<html>not found</html>');
    });

    const error = (await client
      .get('/trainings/abc', 'training', trainingSchema)
      .catch((caught: unknown) => caught)) as BotError;

    expect(error.code).toBe('ERR_EASYMAKER_RESPONSE_INVALID');
    expect(error.message).toContain('HTTP 404');
    expect(error.context.httpStatus).toBe(404);
  });

  it('rejects an empty body of a delete', async () => {
    const { client } = await setUp((_request, response) => {
      response.writeHead(204);
      response.end();
    });

    await expect(client.remove('/trainings/abc')).rejects.toMatchObject({
      code: 'ERR_EASYMAKER_RESPONSE_INVALID',
    });
  });

  it('deletes an item and checks the header only', async () => {
    const { client, stub } = await setUp((_request, response) => {
      sendJson(response, 200, { header: successHeader });
    });

    await client.remove('/trainings/abc');

    expect(stub.requests[0]?.method).toBe('DELETE');
    expect(stub.requests[0]?.url).toBe(`${prefix}/trainings/abc`);
  });

  it('stops an item with a PUT without body', async () => {
    const { client, stub } = await setUp((_request, response) => {
      sendJson(response, 200, { header: successHeader });
    });

    await client.act('/trainings/abc', 'stop');

    expect(stub.requests[0]?.method).toBe('PUT');
    expect(stub.requests[0]?.url).toBe(`${prefix}/trainings/abc/stop`);
    expect(stub.requests[0]?.body).toBe('');
    expect(stub.requests[0]?.headers['content-type']).toBeUndefined();
  });

  it('renews the token once after a 401 envelope', async () => {
    const { client, stub, tokens } = await setUp((request, response) => {
      if (request.headers['x-nhn-authorization'] === 'Bearer token-1') {
        sendJson(response, 401, {
          header: { isSuccessful: false, resultCode: 401, resultMessage: 'token expired' },
        });
      } else {
        sendJson(response, 200, { header: successHeader, training });
      }
    });

    const result = await client.create(
      '/trainings',
      { trainingName: 'x' },
      'training',
      trainingSchema,
    );

    expect(result.trainingId).toBe('cskni154xcny');
    expect(tokens.invalidations).toBe(1);
    expect(stub.requests).toHaveLength(2);
    expect(stub.requests[1]?.headers['x-nhn-authorization']).toBe('Bearer token-2');
  });

  it('raises the second 401 without a third request', async () => {
    const { client, stub } = await setUp((_request, response) => {
      sendJson(response, 401, {
        header: { isSuccessful: false, resultCode: 401, resultMessage: 'unauthorized' },
      });
    });

    const error = await client.remove('/trainings/abc').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(EasyMakerApiError);
    expect((error as EasyMakerApiError).httpStatus).toBe(401);
    expect(stub.requests).toHaveLength(2);
  });

  it('rejects a path that leaves the collection', async () => {
    const { client, stub } = await setUp((_request, response) => {
      sendJson(response, 200, { header: successHeader });
    });

    await expect(client.remove('/trainings/../experiments/x')).rejects.toMatchObject({
      code: 'ERR_INPUT_INVALID',
    });
    await expect(client.get('/trainings/a?b=c', 'training', trainingSchema)).rejects.toMatchObject({
      code: 'ERR_INPUT_INVALID',
    });
    expect(stub.requests).toHaveLength(0);
  });

  it('logs method, path, status and duration but never the token', async () => {
    const { logger, output } = createCapturingLogger();
    const { client } = await setUp((_request, response) => {
      sendJson(response, 200, { header: successHeader, training });
    }, logger);

    await client.get('/trainings/abc', 'training', trainingSchema);

    const line = JSON.parse(output().trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ method: 'GET', path: '/trainings/abc', status: 200 });
    expect(typeof line.durationMs).toBe('number');
    expect(output()).not.toContain('token-1');
  });
});
