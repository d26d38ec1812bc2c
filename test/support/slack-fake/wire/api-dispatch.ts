import type { MethodResult } from '../methods/method-context.js';
import { methods } from '../methods/registry.js';
import type { FakeState } from '../state/fake-state.js';
import { SlackApiError } from './api-error.js';
import type { DecodedRequest } from './request-body.js';

/** One Web API call from decoded request to Slack's answer, with the call recorded. */

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

const jsonFieldNames = ['blocks', 'view', 'metadata', 'attachments', 'files'];

/** Arguments as tests inspect them: JSON-valued form fields parsed when they are valid JSON. */
function inspectableArgs(args: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...args };
  for (const name of jsonFieldNames) {
    const value = copy[name];
    if (typeof value === 'string') {
      try {
        copy[name] = JSON.parse(value);
      } catch {
        // Keep the raw string so a test can see what was sent.
      }
    }
  }
  return copy;
}

function failure(error: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ok: false, error, ...extra };
}

function withWarning(result: MethodResult, warning: string): MethodResult {
  const existing = typeof result.warning === 'string' ? `${result.warning},` : '';
  return { ...result, warning: `${existing}${warning}` };
}

function runMethod(
  state: FakeState,
  method: string,
  decoded: DecodedRequest,
  baseUrl: string,
): ApiAnswer {
  const spec = methods.get(method);
  const headers = { 'x-oauth-scopes': state.options.scopes.join(',') };
  const answer = (body: Record<string, unknown>, status = 200): ApiAnswer => ({
    status,
    body,
    headers,
  });
  if (spec === undefined) {
    return answer(failure('unknown_method'));
  }
  if (decoded.bodyError !== undefined) {
    return answer(failure(decoded.bodyError));
  }
  if (decoded.token === undefined) {
    return answer(failure('not_authed'));
  }
  if (decoded.token !== state.options.botToken) {
    return answer(failure('invalid_auth'));
  }

  const forced = state.limiter.takeForced(method);
  if (forced?.kind === 'ratelimited') {
    return {
      ...answer(failure('ratelimited'), 429),
      headers: { ...headers, 'retry-after': String(forced.retryAfter) },
    };
  }
  if (forced?.kind === 'error') {
    return answer(failure(forced.error));
  }
  // NOTE: Slack is assumed to ignore a JSON body on methods that do not accept JSON, so the
  // method sees no arguments and fails on the first required one.
  const args = decoded.isJson && !spec.jsonCapable ? {} : decoded.args;
  const channelArg = typeof args.channel === 'string' ? args.channel : undefined;
  const retryAfter = state.limiter.admit(method, channelArg);
  if (retryAfter !== undefined) {
    return {
      ...answer(failure('ratelimited'), 429),
      headers: { ...headers, 'retry-after': String(retryAfter) },
    };
  }

  try {
    const result = spec.handler({ state, args, baseUrl });
    const body = decoded.missingCharset ? withWarning(result, 'missing_charset') : result;
    return answer({ ok: true, ...body });
  } catch (error) {
    if (error instanceof SlackApiError) {
      return answer(failure(error.error, error.extra));
    }
    const message = error instanceof Error ? error.message : String(error);
    return answer(
      failure('internal_error', {
        response_metadata: { messages: [`[ERROR] fake failure: ${message}`] },
      }),
    );
  }
}

/** Runs a Web API method and records the call for `SlackFake.calls()`. */
export function dispatchApiCall(
  state: FakeState,
  method: string,
  decoded: DecodedRequest,
  baseUrl: string,
): ApiAnswer {
  const answer = runMethod(state, method, decoded, baseUrl);
  const error = answer.body.ok === true ? undefined : String(answer.body.error);
  state.calls.push({
    method,
    args: inspectableArgs(decoded.args),
    ok: answer.body.ok === true,
    ...(error === undefined ? {} : { error }),
    status: answer.status,
    time: state.now(),
  });
  return answer;
}
