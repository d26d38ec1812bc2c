import { afterEach, describe, expect, it } from 'vitest';
import type { AccessTokenProvider } from '../../src/api/access-token-provider.js';
import { LogSearchClient } from '../../src/api/log-search-client.js';
import type { LogSearchRequest } from '../../src/api/log-search-request.js';
import type { BotError } from '../../src/errors.js';
import {
  type StubHandler,
  type StubServer,
  sendJson,
  silentLogger,
  startStubServer,
} from './stub-server.js';

const now = Date.parse('2025-06-01T00:00:00Z');
const dayMs = 24 * 60 * 60 * 1000;
const searchHeader = { isSuccessful: true, resultCode: 0, resultMessage: 'Success' };
const page = {
  totalItems: 1,
  pageNumber: 0,
  pageSize: 10,
  data: [{ logTime: 1_748_736_000_000, body: 'epoch 1 loss=0.3', trainingId: 'abc' }],
};
const search: LogSearchRequest = {
  appKey: 'lnc-app',
  query: 'trainingId:"abc"',
  from: new Date(now - dayMs),
  to: new Date(now),
};

let server: StubServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function createTokenProvider(): AccessTokenProvider & { invalidations: number } {
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

async function setUp(handler: StubHandler) {
  server = await startStubServer(handler);
  const tokens = createTokenProvider();
  const client = new LogSearchClient({
    baseUrl: server.url,
    tokenProvider: tokens,
    logger: silentLogger,
    now: () => now,
  });
  return { client, stub: server, tokens };
}

async function caught(promise: Promise<unknown>): Promise<BotError> {
  return (await promise.then(
    () => {
      throw new Error('expected an error');
    },
    (error: unknown) => error,
  )) as BotError;
}

describe('LogSearchClient', () => {
  it('posts a v3 search and returns the page', async () => {
    const { client, stub } = await setUp((_request, response) => {
      sendJson(response, 200, { header: searchHeader, body: page });
    });

    const result = await client.searchLogs({ ...search, pageSize: 50, pageNumber: 2 });

    expect(result).toEqual(page);
    const [request] = stub.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v3/lnc-app/logs/search');
    expect(request?.headers['x-nhn-authorization']).toBe('Bearer token-1');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      query: 'trainingId:"abc"',
      from: '2025-05-31T00:00:00.000Z',
      to: '2025-06-01T00:00:00.000Z',
      pageSize: 50,
      pageNumber: 2,
    });
  });

  it('rejects a window over 31 days before sending', async () => {
    const { client, stub } = await setUp((_request, response) => {
      sendJson(response, 200, { header: searchHeader, body: page });
    });

    const error = await caught(
      client.searchLogs({ ...search, from: new Date(now - 32 * dayMs), to: new Date(now) }),
    );

    expect(error.code).toBe('ERR_INPUT_INVALID');
    expect(error.message).toContain('31 days');
    expect(stub.requests).toHaveLength(0);
  });

  it('rejects bad page sizes, reversed windows and old logs before sending', async () => {
    const { client, stub } = await setUp((_request, response) => {
      sendJson(response, 200, { header: searchHeader, body: page });
    });

    const tooLarge = await caught(client.searchLogs({ ...search, pageSize: 101 }));
    expect(tooLarge.code).toBe('ERR_INPUT_INVALID');
    expect(tooLarge.message).toContain('pageSize');

    const reversed = await caught(
      client.searchLogs({ ...search, from: search.to, to: search.from }),
    );
    expect(reversed.message).toContain('later than');

    const old = new Date(now - 91 * dayMs);
    const tooOld = await caught(
      client.searchLogs({ ...search, from: old, to: new Date(old.getTime() + dayMs) }),
    );
    expect(tooOld.message).toContain('90 days');

    const deepPage = await caught(
      client.searchLogs({ ...search, pageSize: 100, pageNumber: 1000 }),
    );
    expect(deepPage.message).toContain('100,000');

    expect(stub.requests).toHaveLength(0);
  });

  it('raises ERR_LOG_SEARCH on a failure envelope', async () => {
    const { client } = await setUp((_request, response) => {
      sendJson(response, 400, {
        header: { isSuccessful: false, resultCode: -1, resultMessage: 'invalid query' },
      });
    });

    const error = await caught(client.searchLogs(search));

    expect(error.code).toBe('ERR_LOG_SEARCH');
    expect(error.message).toContain('invalid query');
    expect(error.context).toMatchObject({ httpStatus: 400, resultCode: -1 });
  });

  it('rejects a page without data', async () => {
    const { client } = await setUp((_request, response) => {
      sendJson(response, 200, { header: searchHeader, body: { totalItems: 0 } });
    });

    const error = await caught(client.searchLogs(search));

    expect(error.code).toBe('ERR_LOG_SEARCH');
    expect(error.message).toContain('body.data');
  });

  it('renews the token once after a 401 envelope', async () => {
    const { client, stub, tokens } = await setUp((request, response) => {
      if (request.headers['x-nhn-authorization'] === 'Bearer token-1') {
        sendJson(response, 401, {
          header: { isSuccessful: false, resultCode: 401, resultMessage: 'unauthorized' },
        });
      } else {
        sendJson(response, 200, { header: searchHeader, body: page });
      }
    });

    const result = await client.searchLogs(search);

    expect(result.totalItems).toBe(1);
    expect(tokens.invalidations).toBe(1);
    expect(stub.requests).toHaveLength(2);
  });
});
