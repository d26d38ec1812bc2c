import type { RouteRequest, RouteResponse } from '../router.js';
import type { SimulatorState } from '../simulator-state.js';
import { textResponse } from './text-response.js';

/** Swift's default and maximum page size of a container listing. */
const maxListLimit = 10_000;

/** `last_modified` of JSON listings: UTC with microseconds and no zone, as Swift writes it. */
function formatListingTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 23)}000`;
}

/**
 * Handles `GET /v1/AUTH_{tenantId}/{container}?prefix=&marker=&limit=&format=`: object names
 * sorted by name after `marker`, as plain text with every line ending in a newline (204 with no
 * body when nothing is left), or with `format=json` as `[{name, bytes, hash, last_modified,
 * content_type}]`.
 */
export function listContainer(state: SimulatorState, request: RouteRequest): RouteResponse {
  const container = request.params.container ?? '';
  const rawLimit = request.query.get('limit');
  if (rawLimit !== null && !/^\d{1,9}$/.test(rawLimit)) {
    return textResponse(400, 'Bad Request: limit must be a whole number\n');
  }
  const limit = rawLimit === null ? maxListLimit : Number(rawLimit);
  if (limit > maxListLimit) {
    return textResponse(412, `Precondition Failed: limit must be at most ${maxListLimit}\n`);
  }

  const listed = state.store.objects.listObjects(container, {
    prefix: request.query.get('prefix') ?? undefined,
    marker: request.query.get('marker') ?? undefined,
    limit,
  });
  if (listed === undefined) {
    return textResponse(404, `Not Found: container ${container} does not exist\n`);
  }

  const all = state.store.objects.listObjects(container, { limit: Number.MAX_SAFE_INTEGER }) ?? [];
  const headers = {
    'x-container-object-count': String(all.length),
    'x-container-bytes-used': String(all.reduce((sum, { object }) => sum + object.bytes.length, 0)),
  };

  if (request.query.get('format') === 'json') {
    const items = listed.map(({ name, object }) => ({
      name,
      bytes: object.bytes.length,
      hash: object.etag,
      last_modified: formatListingTime(object.lastModifiedMs),
      content_type: object.contentType,
    }));
    return { status: 200, body: items, headers };
  }
  if (listed.length === 0) {
    return textResponse(204, '', headers);
  }
  return textResponse(200, listed.map(({ name }) => `${name}\n`).join(''), headers);
}
