import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { failureEnvelope, failureKinds, SimulatorFailure } from './envelope.js';
import {
  decodeBodyForLog,
  decodePath,
  parseJsonBody,
  queryToObject,
  readRequestBody,
  sendJson,
} from './http-exchange.js';
import type { RouteResponse, Router } from './router.js';
import type { SimulatorState } from './simulator-state.js';

/** Result codes of injected HTTP errors, by status. */
const injectedResultCodes: Record<number, number> = { 429: 4290100, 500: 5000101, 503: 5030100 };

/**
 * Handles one HTTP request: logs it, applies queued faults, routes it and writes the response.
 * Control calls (`/_simulator/...`) skip the log and the faults. `shutdownSignal` cuts short
 * any response held back by a `slow-response` fault.
 */
export async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  router: Router,
  state: SimulatorState,
  shutdownSignal: AbortSignal,
): Promise<void> {
  const startedAt = performance.now();
  const method = request.method ?? 'GET';
  let status = 500;
  let url: URL;
  try {
    url = new URL(request.url ?? '/', 'http://simulator.local');
  } catch {
    // A request line such as `//host/path` is not a valid URL relative to the server.
    response.writeHead(400, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify(failureEnvelope(4000400, 'the request path is not a valid URL path')),
    );
    return;
  }
  try {
    const path = decodePath(url.pathname);
    const bodyBytes = await readRequestBody(request);
    const rawBody = bodyBytes.toString('utf8');
    const isControl = path === '/_simulator' || path.startsWith('/_simulator/');
    const logEntry = isControl
      ? undefined
      : state.requestLog.record({
          method,
          path,
          query: queryToObject(url.searchParams),
          time: new Date().toISOString(),
          body: decodeBodyForLog(rawBody, request.headers['content-type']),
        });

    const injectedError = isControl ? undefined : state.faults.takeHttpError(method, path);
    let routeResponse: RouteResponse;
    let delayMs = 0;
    if (injectedError !== undefined) {
      routeResponse = {
        status: injectedError.status,
        body: failureEnvelope(
          injectedResultCodes[injectedError.status] ?? failureKinds.internalError.resultCode,
          `simulated HTTP ${injectedError.status} injected by a fault`,
        ),
        headers:
          injectedError.retryAfterSeconds === undefined
            ? {}
            : { 'retry-after': String(injectedError.retryAfterSeconds) },
      };
    } else {
      delayMs = isControl ? 0 : state.faults.takeResponseDelayMs(method, path);
      routeResponse = await routeRequest(router, state, {
        method,
        path,
        url,
        rawBody,
        bodyBytes,
        request,
      });
    }
    status = routeResponse.status;
    if (logEntry !== undefined) {
      logEntry.status = routeResponse.status;
    }
    if (delayMs > 0) {
      await sleep(delayMs, undefined, { signal: shutdownSignal });
    }
    sendJson(response, routeResponse.status, routeResponse.body, routeResponse.headers);
  } catch (error) {
    if (shutdownSignal.aborted) {
      response.destroy();
      return;
    }
    const failure = toFailure(error, state);
    status = failure.httpStatus;
    state.logger.info(
      { method, path: url.pathname, status, reason: failure.message },
      'simulator request rejected',
    );
    sendJson(response, failure.httpStatus, failureEnvelope(failure.resultCode, failure.message));
  } finally {
    const durationMs = Math.round(performance.now() - startedAt);
    state.logger.debug({ method, path: url.pathname, status, durationMs }, 'simulator request');
  }
}

async function routeRequest(
  router: Router,
  state: SimulatorState,
  exchange: {
    method: string;
    path: string;
    url: URL;
    rawBody: string;
    bodyBytes: Buffer;
    request: IncomingMessage;
  },
): Promise<RouteResponse> {
  const { method, path, url, rawBody, bodyBytes, request } = exchange;
  try {
    const match = router.match(method, path);
    if (match.kind === 'not-found') {
      throw new SimulatorFailure('pathNotFound', `no API at ${method} ${path}`);
    }
    if (match.kind === 'method-not-allowed') {
      const allowed = match.allowedMethods.join(', ');
      const failure = new SimulatorFailure(
        'methodNotAllowed',
        `method ${method} is not allowed on ${path}; allowed: ${allowed}`,
      );
      return {
        status: failure.httpStatus,
        body: failureEnvelope(failure.resultCode, failure.message),
        headers: { allow: allowed },
      };
    }
    return await match.handler({
      method,
      path,
      query: url.searchParams,
      headers: request.headers,
      params: match.params,
      rawBody,
      bodyBytes,
      readJson: () => parseJsonBody(rawBody),
    });
  } catch (error) {
    const failure = toFailure(error, state);
    return {
      status: failure.httpStatus,
      body: failureEnvelope(failure.resultCode, failure.message),
    };
  }
}

function toFailure(error: unknown, state: SimulatorState): SimulatorFailure {
  if (error instanceof SimulatorFailure) {
    return error;
  }
  state.logger.error({ err: error }, 'simulator route failed');
  return new SimulatorFailure('internalError', 'internal error in the simulator');
}
