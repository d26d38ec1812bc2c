import { type Logger, pino } from 'pino';

/**
 * Paths that pino replaces with `[Redacted]`. Tokens, secrets and authorization headers must
 * never reach a log line, whichever object carries them.
 */
export const redactedLogPaths = [
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'access_token',
  '*.access_token',
  'secret',
  '*.secret',
  'secretAccessKey',
  '*.secretAccessKey',
  'signingSecret',
  '*.signingSecret',
  'password',
  '*.password',
  // A logged configuration holds the Object Storage password at `objectStorage.credentials`.
  '*.*.password',
  '*.*.*.password',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers["x-nhn-authorization"]',
  '*.headers["x-nhn-authorization"]',
  'headers["x-auth-token"]',
  '*.headers["x-auth-token"]',
];

/** Creates the process logger. Level comes from the validated configuration. */
export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'easymaker-bot' },
      redact: { paths: redactedLogPaths, censor: '[Redacted]' },
    },
    destination,
  );
}

export type { Logger };
