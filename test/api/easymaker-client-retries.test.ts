import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createStaticTokenProvider } from '../../src/api/access-token-provider.js';
import { EasyMakerClient } from '../../src/api/easymaker-client.js';
import { trainingSchema } from '../../src/api/schemas/training.js';
import type { BotError } from '../../src/errors.js';
import {
  findClosedPort,
  type StubHandler,
  type StubServer,
  sendJson,
  silentLogger,
  startStubServer,
  successHeader,
} from './stub-server.js';

const training = { trainingId: 'abc', trainingName: 'mnist', trainingStatusCode: 'RUNNING' };
const unavailable = { header: { isSuccessful: false, resultCode: 503, resultMessage: 'busy' } };

let server: StubServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function createClient(baseUrl: string, timeoutMs = 2000): EasyMakerClient {
  return new EasyMakerClient({
    baseUrl,
    appKey: 'app',
    tokenProvider: createStaticTokenProvider('token'),
    timeoutMs,
    readRetries: 3,
    retryBaseDelayMs: 10,
    logger: silentLogger,
  });
}

async function setUp(handler: StubHandler, timeoutMs?: number) {
  const stub = await startStubServer(handler);
  server = stub;
  return { client: createClient(stub.url, timeoutMs), stub };
}

/** Leaves the request without a response; the stub closes the socket at the end of the test. */
const neverAnswer: StubHandler = () => {};

describe('EasyMakerClient retries', () => {
  it('retries a GET on 503 and then succeeds', async () => {
    const { client, stub } = await setUp((_request, response, index) => {
      if (index < 2) {
        sendJson(response, 503, unavailable);
      } else {
        sendJson(response, 200, { header: successHeader, training });
      }
    });

    const result = await client.get('/trainings/abc', 'training', trainingSchema);

    expect(result.trainingStatusCode).toBe('RUNNING');
    expect(stub.requests).toHaveLength(3);
  });

  it('honours Retry-After on a GET', async () => {
    const { client, stub } = await setUp((_request, response, index) => {
      if (index === 0) {
        sendJson(response, 429, unavailable, { 'retry-after': '1' });
      } else {
        sendJson(response, 200, { header: successHeader, training });
      }
    });

    const startedAt = Date.now();
    await client.get('/trainings/abc', 'training', trainingSchema);

    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(950);
    expect(stub.requests).toHaveLength(2);
  });

  it('gives up on a GET after readRetries retries', async () => {
    const { client, stub } = await setUp((_request, response) => {
      sendJson(response, 503, unavailable);
    });

    const error = await client
      .get('/trainings/abc', 'training', trainingSchema)
      .catch((caught: unknown) => caught);

    expect((error as BotError).code).toBe('ERR_EASYMAKER_API');
    expect(stub.requests).toHaveLength(4);
  });

  it('retries a GET after a dropped connection and a timeout', async () => {
    const { client, stub } = await setUp((request, response, index) => {
      if (index === 0) {
        response.socket?.destroy();
      } else if (index === 1) {
        neverAnswer(request, response, index);
      } else {
        sendJson(response, 200, { header: successHeader, training });
      }
    }, 200);

    const result = await client.get('/trainings/abc', 'training', trainingSchema);

    expect(result.trainingId).toBe('abc');
    expect(stub.requests).toHaveLength(3);
  });

  it('raises ERR_EASYMAKER_TIMEOUT once GET retries run out', async () => {
    const { client, stub } = await setUp(neverAnswer, 100);

    const error = (await client
      .get('/trainings/abc', 'training', trainingSchema)
      .catch((caught: unknown) => caught)) as BotError;

    expect(error.code).toBe('ERR_EASYMAKER_TIMEOUT');
    expect(error.message).toContain('4 attempts');
    expect(stub.requests).toHaveLength(4);
  });

  it('sends a POST that times out exactly once', async () => {
    const { client, stub } = await setUp(neverAnswer, 300);

    const error = (await client
      .create('/trainings', { trainingName: 'mnist' }, 'training', trainingSchema)
      .catch((caught: unknown) => caught)) as BotError;

    expect(error.code).toBe('ERR_CREATE_OUTCOME_UNKNOWN');
    expect(error.message).toContain('timed out');
    await sleep(100);
    expect(stub.requests).toHaveLength(1);
  });

  it('sends a POST whose connection drops exactly once', async () => {
    const { client, stub } = await setUp((_request, response) => {
      response.socket?.destroy();
    });

    const error = (await client
      .create('/trainings', { trainingName: 'mnist' }, 'training', trainingSchema)
      .catch((caught: unknown) => caught)) as BotError;

    expect(error.code).toBe('ERR_CREATE_OUTCOME_UNKNOWN');
    await sleep(100);
    expect(stub.requests).toHaveLength(1);
  });

  it('treats a POST answered 502 without an envelope as unknown', async () => {
    const { client, stub } = await setUp((_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html>bad gateway</html>');
    });

    const error = (await client
      .create('/trainings', { trainingName: 'mnist' }, 'training', trainingSchema)
      .catch((caught: unknown) => caught)) as BotError;

    expect(error.code).toBe('ERR_CREATE_OUTCOME_UNKNOWN');
    expect((error.cause as BotError).code).toBe('ERR_EASYMAKER_RESPONSE_INVALID');
    expect(stub.requests).toHaveLength(1);
  });

  it('does not retry a POST answered 503', async () => {
    const { client, stub } = await setUp((_request, response) => {
      sendJson(response, 503, unavailable);
    });

    await expect(
      client.create('/trainings', { trainingName: 'mnist' }, 'training', trainingSchema),
    ).rejects.toMatchObject({ code: 'ERR_EASYMAKER_API', httpStatus: 503 });
    expect(stub.requests).toHaveLength(1);
  });

  it('does not retry a DELETE or a stop', async () => {
    const { client, stub } = await setUp((_request, response) => {
      sendJson(response, 503, unavailable);
    });

    await expect(client.remove('/trainings/abc')).rejects.toMatchObject({
      code: 'ERR_EASYMAKER_API',
    });
    await expect(client.act('/trainings/abc', 'stop')).rejects.toMatchObject({
      code: 'ERR_EASYMAKER_API',
    });
    expect(stub.requests).toHaveLength(2);
  });

  it('reports a refused POST connection as not sent', async () => {
    const port = await findClosedPort();
    const client = createClient(`http://127.0.0.1:${port}`);

    const error = (await client
      .create('/trainings', { trainingName: 'mnist' }, 'training', trainingSchema)
      .catch((caught: unknown) => caught)) as BotError;

    expect(error.code).toBe('ERR_EASYMAKER_HTTP');
    expect(error.context.errorCode).toBe('ECONNREFUSED');
  });
});
