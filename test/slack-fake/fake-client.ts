import { type Logger, LogLevel } from '@slack/logger';
import { type WebAPICallResult, WebClient } from '@slack/web-api';
import type { SlackFake } from '../support/slack-fake/index.js';

/** Logger that drops the SDK's warnings about the invalid requests these tests send on purpose. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

/** Creates a real `@slack/web-api` client aimed at the fake, without retries. */
export function fakeClient(fake: SlackFake, token = fake.botToken): WebClient {
  return new WebClient(token, {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: silentLogger,
  });
}

export interface PlatformFailure extends WebAPICallResult {
  error: string;
  /** Scope that a `missing_scope` response requests. */
  needed?: string;
  /** Scopes the token has, comma separated, in a `missing_scope` response. */
  provided?: string;
}

/** Awaits a call that must fail with `ok: false` and returns the response body. */
export async function platformError(call: Promise<unknown>): Promise<PlatformFailure> {
  try {
    await call;
  } catch (error) {
    if (error instanceof Error && 'data' in error) {
      return error.data as PlatformFailure;
    }
    throw error;
  }
  throw new Error('expected the call to fail with ok: false, but it succeeded');
}

/** Posts a raw request to a fake API method and returns status, headers and JSON body. */
export async function rawCall(
  fake: SlackFake,
  method: string,
  init: { body?: string; contentType?: string; authorization?: string },
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (init.contentType !== undefined) {
    headers['content-type'] = init.contentType;
  }
  if (init.authorization !== undefined) {
    headers.authorization = init.authorization;
  }
  const response = await fetch(`${fake.apiUrl}${method}`, {
    method: 'POST',
    headers,
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

/** A controllable clock for trigger, response URL and rate limit expiry. */
export class ManualClock {
  private current = Date.UTC(2030, 0, 1);

  readonly now = (): number => this.current;

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }
}
