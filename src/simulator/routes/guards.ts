import { SimulatorFailure } from '../envelope.js';
import type { RouteHandler, RouteRequest } from '../router.js';
import type { SimulatorState } from '../simulator-state.js';

/** Path prefix of every EasyMaker resource route. */
export const easyMakerPrefix = '/v1.0/appkeys/:appKey';

/**
 * Wraps an EasyMaker route: checks the bearer token, then the app key, then brings resource
 * statuses up to date before the handler runs.
 * NOTE: the status of an unknown app key is not published. The simulator returns 404 and
 * checks the token first, so an unauthenticated caller learns nothing about app keys.
 */
export function guardEasyMakerRoute(state: SimulatorState, handler: RouteHandler): RouteHandler {
  return (request: RouteRequest) => {
    state.tokens.authenticate(request.headers, true);
    const appKey = request.params.appKey ?? '';
    if (appKey !== state.identity.appKey) {
      throw new SimulatorFailure('appKeyNotFound', `appkey ${appKey} not found`);
    }
    state.refresh();
    return handler(request);
  };
}

/** Reads a list filter given as repeated parameters, one comma-joined value, or both. */
export function readListParameter(query: URLSearchParams, name: string): string[] | undefined {
  const values = query.getAll(name);
  if (values.length === 0) {
    return undefined;
  }
  return values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}
