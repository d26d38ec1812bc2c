/**
 * Error codes of the bot. Each code names one failure a caller can react to; the user-facing
 * wording lives in `src/views`, not here.
 */
export type BotErrorCode =
  | 'ERR_CONFIG_INVALID'
  | 'ERR_EASYMAKER_API'
  | 'ERR_EASYMAKER_HTTP'
  | 'ERR_EASYMAKER_TIMEOUT'
  | 'ERR_EASYMAKER_RESPONSE_INVALID'
  | 'ERR_EASYMAKER_AUTH'
  | 'ERR_NAME_NOT_FOUND'
  | 'ERR_INPUT_INVALID'
  | 'ERR_CREATE_OUTCOME_UNKNOWN'
  | 'ERR_LOG_SEARCH'
  | 'ERR_OBJECT_STORAGE'
  | 'ERR_OBJECT_STORAGE_AUTH'
  | 'ERR_OBJECT_TOO_LARGE'
  | 'ERR_INFERENCE'
  | 'ERR_SLACK_API';

export interface BotErrorOptions {
  cause?: unknown;
  /** Ids that help to act on the error (resource id, job id, channel id). Never secrets. */
  context?: Record<string, unknown>;
}

/** Base class of every error the bot raises on purpose. */
export class BotError extends Error {
  readonly code: BotErrorCode;
  readonly context: Record<string, unknown>;

  constructor(code: BotErrorCode, message: string, options: BotErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'BotError';
    this.code = code;
    this.context = options.context ?? {};
  }
}

/** Raised when the environment does not hold a valid configuration; lists every problem. */
export class ConfigError extends BotError {
  readonly problems: string[];

  constructor(problems: string[]) {
    super('ERR_CONFIG_INVALID', `Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Wraps anything thrown into a BotError once, keeping the original as `cause`. */
export function toBotError(error: unknown, code: BotErrorCode, message: string): BotError {
  if (error instanceof BotError) {
    return error;
  }
  return new BotError(code, message, { cause: error });
}
