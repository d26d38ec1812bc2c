import { BotError } from '../errors.js';

/** Unreserved URI characters (RFC 3986); resource ids and collection names use no others. */
const pathSegmentPattern = /^[A-Za-z0-9._~-]+$/;

/**
 * Checks a path relative to `/v1.0/appkeys/{appKey}`, such as `/trainings/abc123`, and returns it.
 * Segments may hold only unreserved characters and may not be `.` or `..`, so an id taken from
 * user input cannot add a query, a fragment or a different path.
 */
export function checkApiPath(path: string): string {
  const segments = path.split('/');
  const valid =
    path.startsWith('/') &&
    segments
      .slice(1)
      .every((segment) => pathSegmentPattern.test(segment) && segment !== '.' && segment !== '..');
  if (!valid) {
    throw new BotError(
      'ERR_INPUT_INVALID',
      `Invalid EasyMaker API path "${path}": expected /collection or /collection/id made of ` +
        'letters, digits, ".", "_", "~" and "-"',
      { context: { path } },
    );
  }
  return path;
}
