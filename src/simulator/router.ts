import type { IncomingHttpHeaders } from 'node:http';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Everything a route handler may read about one request. */
export interface RouteRequest {
  method: string;
  /** Path without the query string, percent-decoded per segment. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Values of the `:name` segments of the matched pattern. */
  params: Record<string, string>;
  rawBody: string;
  /** Parses the body as JSON; throws a `malformedJson` failure on invalid JSON. */
  readJson(): unknown;
}

/** What a handler returns; the server serialises `body` as JSON. */
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
  if (patternSegments.length !== pathSegments.length) {
    return undefined;
  }
  const params: Record<string, string> = {};
  for (const [index, patternSegment] of patternSegments.entries()) {
    const pathSegment = pathSegments[index] ?? '';
    if (patternSegment.startsWith(':')) {
      params[patternSegment.slice(1)] = pathSegment;
    } else if (patternSegment !== pathSegment) {
      return undefined;
    }
  }
  return params;
}
