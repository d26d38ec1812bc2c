import type { StoredObject } from '../object-storage/object-store.js';
import {
  RawBody,
  type RouteHandler,
  type RouteRequest,
  type RouteResponse,
  type Router,
} from '../router.js';
import type { SimulatorState } from '../simulator-state.js';
import { listContainer } from './object-listing.js';
import { textResponse } from './text-response.js';

/*
 * Swift-style Object Storage of the one simulated account, `/v1/AUTH_{tenantId}`. Requests
 * need `X-Auth-Token` from `POST /v2.0/tokens`. Responses are plain text or raw bytes, never
 * the EasyMaker envelope.
 * NOTE: real Swift error bodies are short HTML or text pages; the simulator sends one line of
 * plain text. Object names are the path segments joined by `/`, so empty segments (`a//b`) and
 * a trailing `/` are not kept.
 */

function objectHeaders(object: StoredObject): Record<string, string> {
  return {
    etag: object.etag,
    'last-modified': new Date(object.lastModifiedMs).toUTCString(),
    'x-timestamp': (object.lastModifiedMs / 1000).toFixed(5),
  };
}

/** Checks the token and the account, brings resources up to date, then runs `handler`. */
function guardSwiftRoute(state: SimulatorState, handler: RouteHandler): RouteHandler {
  return (request: RouteRequest) => {
    const token = request.headers['x-auth-token'];
    if (!state.identityTokens.isValid(Array.isArray(token) ? token[0] : token)) {
      return textResponse(401, 'Unauthorized: X-Auth-Token is missing, invalid or expired\n');
    }
    if (request.params.account !== `AUTH_${state.objectStorage.tenantId}`) {
      return textResponse(403, `Forbidden: the token is not valid for ${request.params.account}\n`);
    }
    state.refresh();
    return handler(request);
  };
}

/** Registers the container and object routes of the simulated Object Storage. */
export function registerObjectStorageRoutes(router: Router, state: SimulatorState): void {
  const objects = state.store.objects;
  const containerPath = '/v1/:account/:container';
  const objectPath = `${containerPath}/:objectPath*`;
  const guard = (handler: RouteHandler) => guardSwiftRoute(state, handler);
  const target = (request: RouteRequest) => ({
    container: request.params.container ?? '',
    name: request.params.objectPath ?? '',
  });

  router.add(
    'GET',
    containerPath,
    guard((request) => listContainer(state, request)),
  );
  router.add(
    'PUT',
    containerPath,
    guard((request) => {
      const created = objects.createContainer(request.params.container ?? '');
      return textResponse(created ? 201 : 202, '');
    }),
  );

  const readObject = (request: RouteRequest): RouteResponse => {
    const { container, name } = target(request);
    const object = objects.getObject(container, name);
    if (object === undefined) {
      return textResponse(404, `Not Found: object ${container}/${name} does not exist\n`);
    }
    return {
      status: 200,
      body: new RawBody(object.bytes, object.contentType),
      headers: objectHeaders(object),
    };
  };
  router.add('GET', objectPath, guard(readObject));
  router.add('HEAD', objectPath, guard(readObject));

  router.add(
    'PUT',
    objectPath,
    guard((request) => {
      const { container, name } = target(request);
      const contentType = request.headers['content-type'] ?? 'application/octet-stream';
      const stored = objects.putObject(container, name, {
        bytes: Buffer.from(request.bodyBytes),
        contentType,
        nowMs: state.clock.nowMs(),
      });
      if (stored === undefined) {
        return textResponse(404, `Not Found: container ${container} does not exist\n`);
      }
      const expectedEtag = request.headers.etag;
      if (expectedEtag !== undefined && expectedEtag.replaceAll('"', '') !== stored.etag) {
        objects.deleteObject(container, name);
        return textResponse(422, 'Unprocessable Entity: ETag does not match the MD5 of the body\n');
      }
      return textResponse(201, '', objectHeaders(stored));
    }),
  );

  router.add(
    'DELETE',
    objectPath,
    guard((request) => {
      const { container, name } = target(request);
      if (!objects.deleteObject(container, name)) {
        return textResponse(404, `Not Found: object ${container}/${name} does not exist\n`);
      }
      return textResponse(204, '');
    }),
  );
}
