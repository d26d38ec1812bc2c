import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { RecordedRequest, StubServer } from './stub-server.js';
import { startStubServer } from './stub-server.js';

/** Object in the Swift stub. Its body is ASCII, so the recorded text bodies stay exact. */
export interface StubObject {
  body: string;
  lastModified: string;
}

export interface SwiftStub {
  server: StubServer;
  /** Objects of the container `bucket` by name. */
  objects: Map<string, StubObject>;
  /** `obs://` URI of the container on the stub. */
  containerUri: string;
}

const containerPath = '/v1/AUTH_tenant1/bucket';

/**
 * Starts a minimal Swift server for the container `bucket` of tenant `tenant1`: JSON listings
 * with prefix, marker and limit, HEAD, GET and PUT of objects. `override` receives each
 * request first, and returns true when it has sent the response itself.
 */
export async function startSwiftStub(
  override?: (request: RecordedRequest, response: ServerResponse, index: number) => boolean,
): Promise<SwiftStub> {
  const objects = new Map<string, StubObject>();
  const server = await startStubServer((request, response, index) => {
    if (override?.(request, response, index)) {
      return;
    }
    const url = new URL(request.url, 'http://stub');
    if (url.pathname === containerPath && request.method === 'GET') {
      listObjects(objects, url.searchParams, response);
      return;
    }
    const name = decodeURIComponent(url.pathname.slice(containerPath.length + 1));
    const object = objects.get(name);
    if (request.method === 'PUT') {
      objects.set(name, { body: request.body, lastModified: '2025-05-28T04:44:46.000000' });
      response.writeHead(201, { etag: md5(request.body) });
      response.end();
    } else if (!object) {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end(request.method === 'HEAD' ? undefined : '<h1>Not Found</h1>');
    } else {
      response.writeHead(200, {
        'content-length': String(Buffer.byteLength(object.body)),
        etag: `"${md5(object.body)}"`,
        'content-type': 'application/octet-stream',
        'last-modified': 'Wed, 28 May 2025 04:44:46 GMT',
      });
      response.end(request.method === 'HEAD' ? undefined : object.body);
    }
  });
  const host = server.url.replace('http://', '');
  return { server, objects, containerUri: `obs://${host}${containerPath}` };
}

function listObjects(
  objects: Map<string, StubObject>,
  params: URLSearchParams,
  response: ServerResponse,
): void {
  const prefix = params.get('prefix') ?? '';
  const marker = params.get('marker') ?? '';
  const limit = Number(params.get('limit') ?? '10000');
  const names = [...objects.keys()]
    .filter((name) => name.startsWith(prefix) && name > marker)
    .sort()
    .slice(0, limit);
  if (objects.size === 0) {
    response.writeHead(204);
    response.end();
    return;
  }
  const listing = names.map((name) => {
    const object = objects.get(name) as StubObject;
    return {
      name,
      bytes: Buffer.byteLength(object.body),
      hash: md5(object.body),
      last_modified: object.lastModified,
      content_type: 'application/octet-stream',
    };
  });
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(listing));
}

export function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}
