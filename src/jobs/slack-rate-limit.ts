import { ErrorCode } from '@slack/web-api';

/** Returns the wait in ms a Slack 429 asked for, or undefined for any other error. */
export function slackRetryAfterMs(error: unknown): number | undefined {
  if (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    error.code === ErrorCode.RateLimitedError &&
    'retryAfter' in error &&
    typeof error.retryAfter === 'number'
  ) {
    return Math.max(1, error.retryAfter) * 1000;
  }
  return undefined;
}
