import { z } from 'zod';
import { BotError } from '../errors.js';

const dayMs = 24 * 60 * 60 * 1000;

/** Longest `to - from` window of one search. */
export const maxLogSearchWindowMs = 31 * dayMs;
/** How far back logs can be searched. */
export const logRetentionMs = 90 * dayMs;
/** Max page size of one search. */
export const maxLogSearchPageSize = 100;
/** Max records reachable with page-number paging. */
export const maxLogSearchPagedRecords = 100_000;

/** One page of a Log & Crash Search v3 search. */
export interface LogSearchRequest {
  /** Log & Crash Search app key of the project that received the logs. */
  appKey: string;
  /** Lucene query, e.g. `trainingId:"cskni154xcny"`. */
  query: string;
  from: Date;
  to: Date;
  /** 1 to 100; the server default is 10. */
  pageSize?: number;
  /** Zero-based page number; default 0. */
  pageNumber?: number;
  /** Sort order per field, e.g. `{ logTime: 'DESC' }`. */
  sort?: Record<string, 'ASC' | 'DESC'>;
}

const requestSchema = z.object({
  appKey: z
    .string()
    .regex(/^[A-Za-z0-9._~-]+$/, 'may contain only letters, digits, ".", "_", "~" and "-"'),
  query: z.string().trim().min(1, 'must not be empty'),
  from: z.date(),
  to: z.date(),
  pageSize: z.number().int().min(1).max(maxLogSearchPageSize).optional(),
  pageNumber: z.number().int().min(0).optional(),
  sort: z.record(z.string(), z.enum(['ASC', 'DESC'])).optional(),
});

/**
 * Checks a search against the published limits before it is sent: `from` before `to`, a window
 * of at most 31 days, `from` within the last 90 days, page size 1 to 100, and paging within
 * the first 100,000 records. Returns the JSON body of the search call.
 */
export function buildLogSearchBody(
  request: LogSearchRequest,
  nowMs: number,
): Record<string, unknown> {
  const parsed = requestSchema.safeParse(request);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw invalidSearch(problems.join('; '));
  }
  const { query, from, to, pageSize, pageNumber, sort } = parsed.data;

  if (to.getTime() <= from.getTime()) {
    throw invalidSearch('"to" must be later than "from"');
  }
  if (to.getTime() - from.getTime() > maxLogSearchWindowMs) {
    throw invalidSearch('the window from "from" to "to" must not exceed 31 days');
  }
  if (nowMs - from.getTime() > logRetentionMs) {
    throw invalidSearch('"from" must be within the last 90 days');
  }
  // NOTE: the paging limit is published as pageNumber x pageSize <= 100,000; with zero-based
  // page numbers this check counts the records up to the end of the requested page.
  if (((pageNumber ?? 0) + 1) * (pageSize ?? 10) > maxLogSearchPagedRecords) {
    throw invalidSearch('pageNumber and pageSize reach beyond the first 100,000 records');
  }

  const body: Record<string, unknown> = { query, from: from.toISOString(), to: to.toISOString() };
  if (pageSize !== undefined) {
    body.pageSize = pageSize;
  }
  if (pageNumber !== undefined) {
    body.pageNumber = pageNumber;
  }
  if (sort !== undefined) {
    body.sort = sort;
  }
  return body;
}

function invalidSearch(problem: string): BotError {
  return new BotError('ERR_INPUT_INVALID', `Invalid log search: ${problem}`);
}
