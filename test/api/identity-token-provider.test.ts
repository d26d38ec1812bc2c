import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createIdentityTokenProvider } from '../../src/api/identity-token-provider.js';
import type { BotError } from '../../src/errors.js';
import {
  createCapturingLogger,
  type StubServer,
  sendJson,
  silentLogger,
  startStubServer,
} from './stub-server.js';

const password = 'obs-api-password-42';
const startMs = Date.parse('2025-05-28T00:00:00Z');
const hourMs = 3_600_000;

let server: StubServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Starts an identity stub that issues `token-1`, `token-2`, ... valid for `lifetimeMs` from `startMs`. */
async function startIdentityStub(lifetimeMs = hourMs, delayMs = 0): Promise<StubServer> {
  server = await startStubServer(async (_request, response, index) => {
    await sleep(delayMs);
    const expires = new Date(startMs + lifetimeMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
    sendJson(response, 200, { access: { token: { id: `token-${index + 1}`, expires } } });
  });
  return server;
}

function createProvider(identityUrl: string, now: () => number) {
  return createIdentityTokenProvider({
    identityUrl,
    tenantId: 'tenant-1',
    username: 'user@example.com',
    password,
    logger: silentLogger,
    now,
  });
}

describe('createIdentityTokenProvider', () => {
  it('posts the password credentials to /v2.0/tokens', async () => {
    const stub = await startIdentityStub();
    const provider = createProvider(`${stub.url}/`, () => startMs);

    expect(await provider.getToken()).toBe('token-1');

    const [request] = stub.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v2.0/tokens');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      auth: {
        tenantId: 'tenant-1',
        passwordCredentials: { username: 'user@example.com', password },
      },
    });
  });

  it('caches the token between calls', async () => {
    const stub = await startIdentityStub();
    const provider = createProvider(stub.url, () => startMs);

    await provider.getToken();
    expect(await provider.getToken()).toBe('token-1');
    expect(stub.requests).toHaveLength(1);
  });

  it('renews the token when fewer than 600 seconds remain', async () => {
    const stub = await startIdentityStub(hourMs);
    let clock = startMs;
    const provider = createProvider(stub.url, () => clock);

    await provider.getToken();
    clock = startMs + hourMs - 600_001;
    expect(await provider.getToken()).toBe('token-1');
    clock = startMs + hourMs - 600_000;
    expect(await provider.getToken()).toBe('token-2');
    expect(stub.requests).toHaveLength(2);
  });

  it('renews short-lived tokens at half-life', async () => {
    const stub = await startIdentityStub(300_000);
    let clock = startMs;
    const provider = createProvider(stub.url, () => clock);

    await provider.getToken();
    clock = startMs + 149_999;
    expect(await provider.getToken()).toBe('token-1');
    clock = startMs + 150_000;
    expect(await provider.getToken()).toBe('token-2');
  });

  it('shares one request among concurrent callers', async () => {
    const stub = await startIdentityStub(hourMs, 100);
    const provider = createProvider(stub.url, () => startMs);

    const tokens = await Promise.all(Array.from({ length: 5 }, () => provider.getToken()));

    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(stub.requests).toHaveLength(1);
  });

  it('fetches a new token after invalidate', async () => {
    const stub = await startIdentityStub();
    const provider = createProvider(stub.url, () => startMs);

    await provider.getToken();
    provider.invalidate();
    expect(await provider.getToken()).toBe('token-2');
  });

  it('rejects bad credentials without the password in the error or the log', async () => {
    server = await startStubServer((request, response) => {
      sendJson(response, 401, { error: { message: 'bad password', echo: request.body } });
    });
    const { logger, output } = createCapturingLogger();
    const provider = createIdentityTokenProvider({
      identityUrl: server.url,
      tenantId: 'tenant-1',
      username: 'user@example.com',
      password,
      logger,
    });

    const error = (await provider.getToken().catch((caught: unknown) => caught)) as BotError;

    expect(error.code).toBe('ERR_OBJECT_STORAGE_AUTH');
    expect(error.message).toContain('HTTP 401');
    expect(error.message).not.toContain(password);
    expect(JSON.stringify(error.context)).not.toContain(password);
    expect(output()).not.toContain(password);
  });

  it('rejects a response without a valid expiry', async () => {
    server = await startStubServer((_request, response) => {
      sendJson(response, 200, { access: { token: { id: 'token-1', expires: 'tomorrow' } } });
    });
    const provider = createProvider(server.url, () => startMs);

    await expect(provider.getToken()).rejects.toMatchObject({
      code: 'ERR_OBJECT_STORAGE_AUTH',
      message: expect.stringContaining('access.token.expires'),
    });
  });

  it('keeps the cached token when a renewal fails before expiry', async () => {
    server = await startStubServer((_request, response, index) => {
      if (index === 0) {
        sendJson(response, 200, {
          access: { token: { id: 'token-1', expires: new Date(startMs + hourMs).toISOString() } },
        });
      } else {
        sendJson(response, 503, {});
      }
    });
    let clock = startMs;
    const provider = createProvider(server.url, () => clock);

    await provider.getToken();
    clock = startMs + hourMs - 60_000;
    expect(await provider.getToken()).toBe('token-1');
    clock = startMs + hourMs;
    await expect(provider.getToken()).rejects.toMatchObject({ code: 'ERR_OBJECT_STORAGE_AUTH' });
    expect(server.requests).toHaveLength(3);
  });
});
