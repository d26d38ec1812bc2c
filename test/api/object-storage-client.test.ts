import { afterEach, describe, expect, it } from 'vitest';
import type { AccessTokenProvider } from '../../src/api/access-token-provider.js';
import { ObjectStorageClient } from '../../src/api/object-storage-client.js';
import type { BotError } from '../../src/errors.js';
import { findClosedPort, type StubServer, sendJson, silentLogger } from './stub-server.js';
import { md5, type SwiftStub, startSwiftStub } from './swift-stub.js';

let server: StubServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Issues `token-1`, then `token-2` after each invalidate. */
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

function createClient(tokenProvider = createCountingTokenProvider()): ObjectStorageClient {
  return new ObjectStorageClient({
    tokenProvider,
    logger: silentLogger,
    timeoutMs: 2000,
    transferTimeoutMs: 2000,
    readRetries: 2,
    retryBaseDelayMs: 10,
    segmentThresholdBytes: 10,
    segmentSizeBytes: 4,
  });
}

async function setUp(override?: Parameters<typeof startSwiftStub>[0]): Promise<SwiftStub> {
  const stub = await startSwiftStub(override);
  server = stub.server;
  return stub;
}

async function caught(promise: Promise<unknown>): Promise<BotError> {
  return (await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  )) as BotError;
}

describe('ObjectStorageClient.list', () => {
  it('pages through a prefix with markers', async () => {
    const stub = await setUp();
    for (const name of ['data/a', 'data/b', 'data/c', 'data/d', 'data/e', 'other/x']) {
      stub.objects.set(name, { body: name, lastModified: '2025-05-28T04:44:46.000000' });
    }
    const client = createClient();

    const first = await client.list(`${stub.containerUri}/data/`, { limit: 2 });
    const second = await client.list(`${stub.containerUri}/data/`, {
      limit: 2,
      marker: first.nextMarker,
    });
    const third = await client.list(`${stub.containerUri}/data/`, {
      limit: 2,
      marker: second.nextMarker,
    });

    expect(first.objects.map((object) => object.name)).toEqual(['data/a', 'data/b']);
    expect(first.nextMarker).toBe('data/b');
    expect(second.objects.map((object) => object.name)).toEqual(['data/c', 'data/d']);
    expect(third.objects.map((object) => object.name)).toEqual(['data/e']);
    expect(third.nextMarker).toBeUndefined();
    expect(first.objects[0]).toEqual({
      name: 'data/a',
      bytes: 6,
      lastModified: '2025-05-28T04:44:46.000000',
      hash: md5('data/a'),
      contentType: 'application/octet-stream',
    });

    const [firstRequest, secondRequest] = stub.server.requests;
    expect(firstRequest?.url).toBe('/v1/AUTH_tenant1/bucket?prefix=data%2F&limit=2&format=json');
    expect(secondRequest?.url).toBe(
      '/v1/AUTH_tenant1/bucket?prefix=data%2F&limit=2&marker=data%2Fb&format=json',
    );
    expect(firstRequest?.headers['x-auth-token']).toBe('token-1');
  });

  it('returns an empty page for a 204', async () => {
    const stub = await setUp();

    const page = await createClient().list(stub.containerUri);

    expect(page).toEqual({ objects: [] });
    expect(stub.server.requests[0]?.url).toBe(
      '/v1/AUTH_tenant1/bucket?prefix=&limit=1000&format=json',
    );
  });

  it('retries a listing on 503', async () => {
    const stub = await setUp((_request, response, index) => {
      if (index === 0) {
        sendJson(response, 503, {});
        return true;
      }
      return false;
    });
    stub.objects.set('a', { body: 'a', lastModified: '2025-05-28T04:44:46.000000' });

    const page = await createClient().list(stub.containerUri);

    expect(page.objects).toHaveLength(1);
    expect(stub.server.requests).toHaveLength(2);
  });

  it('rejects a limit outside 1 to 10000', async () => {
    const stub = await setUp();
    const client = createClient();

    for (const limit of [0, 10_001, 1.5]) {
      const error = await caught(client.list(stub.containerUri, { limit }));
      expect(error.code, String(limit)).toBe('ERR_INPUT_INVALID');
    }
    expect(stub.server.requests).toHaveLength(0);
  });

  it('rejects a listing that is not a JSON array of objects', async () => {
    const stub = await setUp((_request, response) => {
      sendJson(response, 200, [{ name: 'a', bytes: '1', last_modified: 'x' }]);
      return true;
    });

    const error = await caught(createClient().list(stub.containerUri));

    expect(error.code).toBe('ERR_OBJECT_STORAGE');
    expect(error.message).toContain('0.bytes');
  });
});

describe('ObjectStorageClient.head', () => {
  it('returns the size and the unquoted ETag', async () => {
    const stub = await setUp();
    stub.objects.set('model/config.json', { body: '{"a":1}', lastModified: '' });

    const metadata = await createClient().head(`${stub.containerUri}/model/config.json`);

    expect(metadata).toEqual({
      bytes: 7,
      etag: md5('{"a":1}'),
      lastModified: 'Wed, 28 May 2025 04:44:46 GMT',
      contentType: 'application/octet-stream',
    });
    expect(stub.server.requests[0]?.method).toBe('HEAD');
  });

  it('raises a not-found error for a missing object', async () => {
    const stub = await setUp();

    const error = await caught(createClient().head(`${stub.containerUri}/missing.txt`));

    expect(error.code).toBe('ERR_OBJECT_STORAGE');
    expect(error.message).toBe(
      'Object Storage HEAD "bucket/missing.txt" returned HTTP 404: not found; check the container and the path',
    );
  });
});

describe('ObjectStorageClient.download', () => {
  it('downloads an object within the size limit', async () => {
    const stub = await setUp();
    stub.objects.set('data/a.txt', { body: 'hello', lastModified: '' });

    const bytes = await createClient().download(`${stub.containerUri}/data/a.txt`, 5);

    expect(bytes.toString('utf8')).toBe('hello');
    expect(stub.server.requests.map((request) => request.method)).toEqual(['HEAD', 'GET']);
  });

  it('rejects a larger object before downloading it', async () => {
    const stub = await setUp();
    stub.objects.set('data/a.txt', { body: 'hello!', lastModified: '' });

    const error = await caught(createClient().download(`${stub.containerUri}/data/a.txt`, 5));

    expect(error.code).toBe('ERR_OBJECT_TOO_LARGE');
    expect(error.message).toContain('is 6 bytes, more than the limit of 5 bytes');
    expect(stub.server.requests.map((request) => request.method)).toEqual(['HEAD']);
  });

  it('stops a download that grows past the limit', async () => {
    const stub = await setUp((request, response) => {
      if (request.method !== 'GET') {
        return false;
      }
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end('x'.repeat(100_000));
      return true;
    });
    stub.objects.set('a.bin', { body: 'small', lastModified: '' });

    const error = await caught(createClient().download(`${stub.containerUri}/a.bin`, 10));

    expect(error.code).toBe('ERR_OBJECT_TOO_LARGE');
    expect(error.message).toContain('grew while it was downloaded');
  });

  it('rejects a URI that names a container or a folder', async () => {
    const stub = await setUp();

    for (const uri of [stub.containerUri, `${stub.containerUri}/data/`]) {
      const error = await caught(createClient().download(uri, 10));
      expect(error.code, uri).toBe('ERR_INPUT_INVALID');
    }
  });
});

describe('ObjectStorageClient.upload', () => {
  it('puts a small file into the folder with its MD5', async () => {
    const stub = await setUp();

    const result = await createClient().upload(
      `${stub.containerUri}/outputs/`,
      'result 1.json',
      Buffer.from('{"ok":1}'),
    );

    expect(result).toEqual({
      uri: `${stub.containerUri}/outputs/result 1.json`,
      bytes: 8,
      segmentCount: 0,
    });
    const [request] = stub.server.requests;
    expect(request?.method).toBe('PUT');
    expect(request?.url).toBe('/v1/AUTH_tenant1/bucket/outputs/result%201.json');
    expect(request?.headers.etag).toBe(md5('{"ok":1}'));
    expect(request?.headers['x-auth-token']).toBe('token-1');
    expect(stub.objects.get('outputs/result 1.json')?.body).toBe('{"ok":1}');
  });

  it('puts a file into the container root', async () => {
    const stub = await setUp();

    const result = await createClient().upload(stub.containerUri, 'a.txt', Buffer.from('a'));

    expect(result.uri).toBe(`${stub.containerUri}/a.txt`);
    expect(stub.server.requests[0]?.url).toBe('/v1/AUTH_tenant1/bucket/a.txt');
  });

  it('splits a file at the threshold into segments and a manifest', async () => {
    const stub = await setUp();

    const result = await createClient().upload(
      `${stub.containerUri}/models`,
      'big.bin',
      Buffer.from('0123456789'),
    );

    expect(result.segmentCount).toBe(3);
    const requests = stub.server.requests;
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'PUT /v1/AUTH_tenant1/bucket/models/big.bin/001',
      'PUT /v1/AUTH_tenant1/bucket/models/big.bin/002',
      'PUT /v1/AUTH_tenant1/bucket/models/big.bin/003',
      'PUT /v1/AUTH_tenant1/bucket/models/big.bin',
    ]);
    expect(requests.map((request) => request.body)).toEqual(['0123', '4567', '89', '']);
    expect(requests[2]?.headers.etag).toBe(md5('89'));
    const manifest = requests[3];
    expect(manifest?.headers['x-object-manifest']).toBe('bucket/models/big.bin');
    expect(manifest?.headers['content-length']).toBe('0');
  });

  it('sends a file one byte under the threshold in one PUT', async () => {
    const stub = await setUp();

    const result = await createClient().upload(
      stub.containerUri,
      'a.bin',
      Buffer.from('012345678'),
    );

    expect(result.segmentCount).toBe(0);
    expect(stub.server.requests).toHaveLength(1);
  });

  it('does not retry a PUT answered 503', async () => {
    const stub = await setUp((_request, response) => {
      sendJson(response, 503, {});
      return true;
    });

    const error = await caught(createClient().upload(stub.containerUri, 'a.txt', Buffer.from('a')));

    expect(error.code).toBe('ERR_OBJECT_STORAGE');
    expect(error.context.httpStatus).toBe(503);
    expect(stub.server.requests).toHaveLength(1);
  });

  it('does not retry a PUT that times out', async () => {
    const stub = await setUp(() => true);
    const client = new ObjectStorageClient({
      tokenProvider: createCountingTokenProvider(),
      logger: silentLogger,
      transferTimeoutMs: 200,
      readRetries: 2,
      retryBaseDelayMs: 10,
    });

    const error = await caught(client.upload(stub.containerUri, 'a.txt', Buffer.from('a')));

    expect(error.code).toBe('ERR_OBJECT_STORAGE');
    expect(error.message).toContain('timed out after 200 ms');
    expect(stub.server.requests).toHaveLength(1);
  });

  it('retries a PUT whose connection could not be opened', async () => {
    const port = await findClosedPort();

    const error = await caught(
      createClient().upload(`obs://127.0.0.1:${port}/v1/AUTH_t/bucket`, 'a.txt', Buffer.from('a')),
    );

    expect(error.code).toBe('ERR_OBJECT_STORAGE');
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toContain('(3 attempts)');
  });

  it('sends a rejected PUT once more with a new token', async () => {
    const tokens = createCountingTokenProvider();
    const stub = await setUp((request, response) => {
      if (request.headers['x-auth-token'] === 'token-1') {
        response.writeHead(401);
        response.end();
        return true;
      }
      return false;
    });

    await createClient(tokens).upload(stub.containerUri, 'a.txt', Buffer.from('a'));

    expect(tokens.invalidations).toBe(1);
    expect(stub.server.requests.map((request) => request.headers['x-auth-token'])).toEqual([
      'token-1',
      'token-2',
    ]);
  });

  it('rejects a file name with a slash or a dot segment', async () => {
    const stub = await setUp();

    for (const fileName of ['a/b.txt', '..', '', 'a\nb']) {
      const error = await caught(
        createClient().upload(stub.containerUri, fileName, Buffer.from('a')),
      );
      expect(error.code, JSON.stringify(fileName)).toBe('ERR_INPUT_INVALID');
    }
    expect(stub.server.requests).toHaveLength(0);
  });
});
