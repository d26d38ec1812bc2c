import { z } from 'zod';
import { SimulatorFailure, successHeader } from '../envelope.js';
import { compileLogQuery } from '../log-query.js';
import type { Router } from '../router.js';
import type { SimulatorState } from '../simulator-state.js';
import type { LogRecord } from '../store.js';
import { formatIssues } from '../validation.js';

const dayMs = 24 * 60 * 60 * 1000;
const maxWindowMs = 31 * dayMs;
const retentionMs = 90 * dayMs;
const maxPagedItems = 100_000;

const datetimeWithOffset = z.iso.datetime({
  offset: true,
  error: (issue) => (issue.input === undefined ? 'is required' : 'must be ISO 8601 with an offset'),
});

/** Body of the v3 search call; `query`, `from` and `to` are required. */
const searchBodySchema = z.object(
  {
    query: z.string({ error: 'is required' }).min(1, { error: 'is required' }),
    from: datetimeWithOffset,
    to: datetimeWithOffset,
    pageNumber: z
      .int({ error: 'must be an integer' })
      .min(0, { error: 'must be 0 or more' })
      .default(0),
    pageSize: z
      .int({ error: 'must be an integer' })
      .min(1, { error: 'must be between 1 and 100' })
      .max(100, { error: 'must be between 1 and 100' })
      .default(10),
    sort: z
      .record(z.string(), z.enum(['ASC', 'DESC'], { error: 'must be ASC or DESC' }))
      .optional(),
  },
  { error: 'request body must be a JSON object' },
);

/** Registers the Log & Crash Search v3 call `POST /v3/{appkey}/logs/search`. */
export function registerLogSearchRoutes(router: Router, state: SimulatorState): void {
  router.add('POST', '/v3/:appKey/logs/search', (request) => {
    state.tokens.authenticate(request.headers, false);
    const appKey = request.params.appKey ?? '';
    if (appKey !== state.identity.logAndCrashAppKey) {
      throw new SimulatorFailure('appKeyNotFound', `Log & Crash appkey ${appKey} not found`);
    }
    const parsed = searchBodySchema.safeParse(request.readJson());
    if (!parsed.success) {
      throw new SimulatorFailure('invalidRequest', formatIssues(parsed.error.issues));
    }
    const body = parsed.data;
    const fromMs = Date.parse(body.from);
    const toMs = Date.parse(body.to);
    validateWindow(fromMs, toMs, state.clock.nowMs());
    if (body.pageNumber * body.pageSize > maxPagedItems) {
      throw new SimulatorFailure(
        'invalidRequest',
        `pageNumber x pageSize must be at most ${maxPagedItems}; use cursor or scroll search`,
      );
    }
    const matches = compileLogQuery(body.query);

    state.refresh();
    const found = state.store.logRecords
      .filter((record) => record.logTime >= fromMs && record.logTime <= toMs)
      .filter(matches)
      .sort(compareBy(body.sort ?? { logTime: 'DESC' }));
    const start = body.pageNumber * body.pageSize;
    return {
      status: 200,
      body: {
        // NOTE: the search API's success message is not published; the collector's "Success"
        // is assumed.
        header: { ...successHeader, resultMessage: 'Success' },
        body: {
          totalItems: found.length,
          pageNumber: body.pageNumber,
          pageSize: body.pageSize,
          data: found.slice(start, start + body.pageSize).map((record) => ({ ...record })),
        },
      },
    };
  });
}

function validateWindow(fromMs: number, toMs: number, nowMs: number): void {
  if (fromMs > toMs) {
    throw new SimulatorFailure('invalidRequest', 'from must not be after to');
  }
  if (toMs - fromMs > maxWindowMs) {
    throw new SimulatorFailure('invalidRequest', 'to - from must not exceed 31 days');
  }
  if (fromMs < nowMs - retentionMs) {
    throw new SimulatorFailure('invalidRequest', 'from must be within the last 90 days');
  }
}

// NOTE: the default order is not published; without `sort` the newest record comes first.
function compareBy(sort: Record<string, 'ASC' | 'DESC'>) {
  return (left: LogRecord, right: LogRecord): number => {
    for (const [field, direction] of Object.entries(sort)) {
      const leftValue = (left as unknown as Record<string, unknown>)[field];
      const rightValue = (right as unknown as Record<string, unknown>)[field];
      const order = compareValues(leftValue, rightValue);
      if (order !== 0) {
        return direction === 'ASC' ? order : -order;
      }
    }
    return 0;
  };
}

function compareValues(left: unknown, right: unknown): number {
  if (typeof left === 'number' && typeof right === 'number') {
    return left - right;
  }
  return String(left ?? '').localeCompare(String(right ?? ''));
}
