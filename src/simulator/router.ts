import type { IncomingHttpHeaders } from 'node:http';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';

/** Everything a route handler may read about one request. */
export interface RouteRequest {
  method: string;
  /** Path without the query string, percent-decoded per segment. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Values of the `:name` segments of the matched pattern. */
  params: Record<string, string>;
  /** Body decoded as UTF-8. */
  rawBody: string;
  /** Body bytes as received, for binary uploads. */
  bodyBytes: Buffer;
  /** Parses the body as JSON; throws a `malformedJson` failure on invalid JSON. */
  readJson(): unknown;
}

/** A response body sent as it is instead of as JSON (object downloads, container listings). */
export class RawBody {
  constructor(
    readonly bytes: Buffer,
    readonly contentType: string,
  ) {}
}

/** Response of a handler; the server serialises `body` as JSON unless it is a `RawBody`. */
export interface RouteResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (request: RouteRequest) => RouteResponse | Promise<RouteResponse>;

export type RouteMatch =
  | { kind: 'matched'; handler: RouteHandler; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowedMethods: HttpMethod[] }
  | { kind: 'not-found' };

interface Route {
  method: HttpMethod;
  segments: string[];
  handler: RouteHandler;
}

/**
 * Method and path matching. Patterns are literal segments and `:name` placeholders, e.g.
 * `/v1.0/appkeys/:appKey/trainings/:trainingId/stop`; a placeholder matches one non-empty segment.
 * A last segment `:name*` matches one or more remaining segments, joined with `/`.
 */
export class Router {
  private readonly routes: Route[] = [];

  add(method: HttpMethod, pattern: string, handler: RouteHandler): void {
    this.routes.push({ method, segments: splitPath(pattern), handler });
  }

  match(method: string, path: string): RouteMatch {
    const pathSegments = splitPath(path);
    const allowedMethods: HttpMethod[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, pathSegments);
      if (params === undefined) {
        continue;
      }
      if (route.method === method) {
        return { kind: 'matched', handler: route.handler, params };
      }
      allowedMethods.push(route.method);
    }
    if (allowedMethods.length > 0) {
      return { kind: 'method-not-allowed', allowedMethods };
    }
    return { kind: 'not-found' };
  }
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function matchSegments(
  patternSegments: string[],
  pathSegments: string[],
): Record<string, string> | undefined {
  const lastPattern = patternSegments.at(-1) ?? '';
  const matchesTail = lastPattern.startsWith(':') && lastPattern.endsWith('*');
  const lengthMatches = matchesTail
    ? pathSegments.length >= patternSegments.length
    : pathSegments.length === patternSegments.length;
  if (!lengthMatches) {
    return undefined;
  }
  const params: Record<string, string> = {};
  for (const [index, patternSegment] of patternSegments.entries()) {
    const pathSegment = pathSegments[index] ?? '';
    if (matchesTail && index === patternSegments.length - 1) {
      params[patternSegment.slice(1, -1)] = pathSegments.slice(index).join('/');
    } else if (patternSegment.startsWith(':')) {
      params[patternSegment.slice(1)] = pathSegment;
    } else if (patternSegment !== pathSegment) {
      return undefined;
    }
  }
  return params;
}
