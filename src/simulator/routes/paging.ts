import { listEnvelope, SimulatorFailure } from '../envelope.js';

const defaultLimit = 50;

/**
 * Builds a list envelope, paged when the request sends `page` or `limit`.
 * NOTE: paging parameter names are not published and the SDK sends none. The simulator reads
 * `page` (from 1) and `limit` (default 50, as in the SDK test fixtures) after the fields of the
 * `paging` object. Without either it returns every item with `limit` equal to the item count.
 */
export function pagedListEnvelope(
  listKey: string,
  items: unknown[],
  query: URLSearchParams,
): Record<string, unknown> {
  const page = readPositiveInteger(query, 'page');
  const limit = readPositiveInteger(query, 'limit');
  if (page === undefined && limit === undefined) {
    return listEnvelope(listKey, items, { totalCount: items.length, page: 1, limit: items.length });
  }
  const pageNumber = page ?? 1;
  const pageSize = limit ?? defaultLimit;
  const start = (pageNumber - 1) * pageSize;
  return listEnvelope(listKey, items.slice(start, start + pageSize), {
    totalCount: items.length,
    page: pageNumber,
    limit: pageSize,
  });
}

function readPositiveInteger(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) {
    return undefined;
  }
  if (!/^[1-9][0-9]{0,8}$/.test(raw)) {
    throw new SimulatorFailure('invalidRequest', `${name} must be a positive integer`);
  }
  return Number(raw);
}
