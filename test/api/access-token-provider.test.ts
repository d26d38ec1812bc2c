import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createStaticTokenProvider,
  createUserAccessKeyTokenProvider,
} from '../../src/api/access-token-provider.js';
import { BotError } from '../../src/errors.js';
import {
  createCapturingLogger,
  type RecordedRequest,
  type StubServer,
  sendJson,
  silentLogger,
  startStubServer,
} from './stub-server.js';

const accessKeyId = 'key-id-1';
const secretAccessKey = 'very-secret-value-42';
const dayMs = 24 * 60 * 60 * 1000;

let server: StubServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Starts an OAuth stub that issues `token-1`, `token-2`, ... valid for `expiresIn` seconds. */
async function startOAuthStub(expiresIn = 86_400, delayMs = 0): Promise<StubServer> {
  server = await startStubServer(async (_request: RecordedRequest, response, index) => {
    await sleep(delayMs);
    sendJson(response, 200, {
      access_token: `token-${index + 1}`,
      token_type: 'Bearer',
      expires_in: expiresIn,
    });
  });
  return server;
}

function createProvider(oauthUrl: string, now: () => number, renewBeforeSeconds?: number) {
  return createUserAccessKeyTokenProvider({
    oauthUrl,
    accessKeyId,
    secretAccessKey,
    logger: silentLogger,
    now,
    renewBeforeSeconds,
  });
}

describe('createUserAccessKeyTokenProvider', () => {
  it('sends the client-credentials request with Basic auth', async () => {
    const stub = await startOAuthStub();
    const provider = createProvider(stub.url, () => 0);

    expect(await provider.getToken()).toBe('token-1');

    const [request] = stub.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/oauth2/token/create');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.body).toBe('grant_type=client_credentials');
    const expected = Buffer.from(`${accessKeyId}:${secretAccessKey}`).toString('base64');
    expect(request?.headers.authorization).toBe(`Basic ${expected}`);
  });

  it('caches the token between calls', async () => {
    const stub = await startOAuthStub();
    const provider = createProvider(stub.url, () => 1_000);

    expect(await provider.getToken()).toBe('token-1');
    expect(await provider.getToken()).toBe('token-1');
    expect(stub.requests).toHaveLength(1);
  });

  it('renews the token before expiry', async () => {
    const stub = await startOAuthStub(86_400);
    let clock = 0;
    const provider = createProvider(stub.url, () => clock, 3600);

    expect(await provider.getToken()).toBe('token-1');
    clock = dayMs - 3600 * 1000 - 1;
    expect(await provider.getToken()).toBe('token-1');
    expect(stub.requests).toHaveLength(1);

    clock = dayMs - 3600 * 1000;
    expect(await provider.getToken()).toBe('token-2');
    expect(stub.requests).toHaveLength(2);
  });

  it('renews short-lived tokens at half-life', async () => {
    const stub = await startOAuthStub(600);
    let clock = 0;
    const provider = createProvider(stub.url, () => clock, 3600);

    await provider.getToken();
    clock = 299_000;
    expect(await provider.getToken()).toBe('token-1');
    clock = 300_000;
    expect(await provider.getToken()).toBe('token-2');
  });

  it('shares one request among 10 concurrent callers', async () => {
    const stub = await startOAuthStub(86_400, 100);
    const provider = createProvider(stub.url, () => 0);

    const tokens = await Promise.all(Array.from({ length: 10 }, () => provider.getToken()));

    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(stub.requests).toHaveLength(1);
  });

  it('fetches a new token after invalidate', async () => {
    const stub = await startOAuthStub();
    const provider = createProvider(stub.url, () => 0);

    expect(await provider.getToken()).toBe('token-1');
    provider.invalidate();
    expect(await provider.getToken()).toBe('token-2');
    expect(stub.requests).toHaveLength(2);
  });

  it('rejects bad credentials without the secret in the error', async () => {
    server = await startStubServer((_request, response) => {
      sendJson(response, 401, { error: 'invalid_client', secret: secretAccessKey });
    });
    const { logger, output } = createCapturingLogger();
    const provider = createUserAccessKeyTokenProvider({
      oauthUrl: server.url,
      accessKeyId,
      secretAccessKey,
      logger,
    });

    const error = await provider.getToken().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BotError);
    expect((error as BotError).code).toBe('ERR_EASYMAKER_AUTH');
    expect((error as BotError).message).toContain('HTTP 401');
    expect((error as BotError).message).not.toContain(secretAccessKey);
    expect(JSON.stringify((error as BotError).context)).not.toContain(secretAccessKey);
    expect((error as BotError).cause).toBeUndefined();
    expect(output()).not.toContain(secretAccessKey);
  });

  it('rejects a response without access_token', async () => {
    server = await startStubServer((_request, response) => {
      sendJson(response, 200, { token_type: 'Bearer', expires_in: 86_400 });
    });
    const provider = createProvider(server.url, () => 0);

    await expect(provider.getToken()).rejects.toMatchObject({
      code: 'ERR_EASYMAKER_AUTH',
      message: expect.stringContaining('access_token'),
    });
  });

  it('raises ERR_EASYMAKER_AUTH when the OAuth host is unreachable', async () => {
    const stub = await startOAuthStub();
    const url = stub.url;
    await stub.close();
    server = undefined;
    const provider = createProvider(url, () => 0);

    const error = await provider.getToken().catch((caught: unknown) => caught);

    expect((error as BotError).code).toBe('ERR_EASYMAKER_AUTH');
    expect(JSON.stringify((error as BotError).cause)).not.toContain(secretAccessKey);
    expect(String((error as BotError).cause)).toContain('ECONNREFUSED');
  });

  it('keeps the cached token when a renewal fails before expiry', async () => {
    server = await startStubServer((_request, response, index) => {
      if (index === 0) {
        sendJson(response, 200, {
          access_token: 'token-1',
          token_type: 'Bearer',
          expires_in: 7200,
        });
      } else {
        sendJson(response, 500, { error: 'server_error' });
      }
    });
    let clock = 0;
    const provider = createProvider(server.url, () => clock, 3600);

    await provider.getToken();
    clock = 3_600_000;
    expect(await provider.getToken()).toBe('token-1');
    clock = 7_200_000;
    await expect(provider.getToken()).rejects.toMatchObject({ code: 'ERR_EASYMAKER_AUTH' });
    expect(server.requests).toHaveLength(3);
  });
});

describe('createStaticTokenProvider', () => {
  it('returns the same token after invalidate', async () => {
    const provider = createStaticTokenProvider('static-token');
    provider.invalidate();
    expect(await provider.getToken()).toBe('static-token');
  });
});
