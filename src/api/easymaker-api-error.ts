import { BotError } from '../errors.js';

export interface EasyMakerApiErrorDetails {
  /** `header.resultCode` of the envelope, such as `4000302`. */
  resultCode: number;
  /** `header.resultMessage` of the envelope; its language follows `Accept-Language`. */
  resultMessage: string;
  httpStatus: number;
  method: string;
  /** Path relative to `/v1.0/appkeys/{appKey}`, such as `/trainings`. */
  path: string;
}

/** Error raised when an EasyMaker response has `header.isSuccessful: false`. */
export class EasyMakerApiError extends BotError {
  readonly resultCode: number;
  readonly resultMessage: string;
  readonly httpStatus: number;
  readonly method: string;
  readonly path: string;

  constructor(details: EasyMakerApiErrorDetails) {
    super(
      'ERR_EASYMAKER_API',
      `EasyMaker API ${details.method} ${details.path} failed: ${details.resultCode} ${details.resultMessage}`,
      { context: { ...details } },
    );
    this.name = 'EasyMakerApiError';
    this.resultCode = details.resultCode;
    this.resultMessage = details.resultMessage;
    this.httpStatus = details.httpStatus;
    this.method = details.method;
    this.path = details.path;
  }
}
