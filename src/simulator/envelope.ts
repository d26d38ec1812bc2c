/**
 * Response envelopes of the simulated services. EasyMaker returns
 * `{ header, <key>: payload }` and Log & Crash Search returns `{ header, body }`. Both use the same
 * header, so one failure shape serves every route.
 */

export interface EnvelopeHeader {
  isSuccessful: boolean;
  resultCode: number;
  resultMessage: string;
}

/**
 * Failure kinds of the simulator, each with its HTTP status and `resultCode`.
 * NOTE: the real `resultCode` catalogue and the HTTP status of each failure are not published.
 * The codes below follow the 7-digit shape of the one published sample (4000302), with the HTTP
 * status in the first three digits.
 */
export const failureKinds = {
  invalidRequest: { httpStatus: 400, resultCode: 4000100 },
  malformedJson: { httpStatus: 400, resultCode: 4000101 },
  unauthorized: { httpStatus: 401, resultCode: 4010100 },
  notFound: { httpStatus: 404, resultCode: 4040100 },
  pathNotFound: { httpStatus: 404, resultCode: 4040101 },
  appKeyNotFound: { httpStatus: 404, resultCode: 4040102 },
  methodNotAllowed: { httpStatus: 405, resultCode: 4050100 },
  conflict: { httpStatus: 409, resultCode: 4090100 },
  payloadTooLarge: { httpStatus: 413, resultCode: 4130100 },
  internalError: { httpStatus: 500, resultCode: 5000100 },
} as const;

export type FailureKind = keyof typeof failureKinds;

/** Error thrown by route handlers; the server turns it into a failure envelope. */
export class SimulatorFailure extends Error {
  readonly httpStatus: number;
  readonly resultCode: number;

  constructor(kind: FailureKind, message: string) {
    super(message);
    this.name = 'SimulatorFailure';
    this.httpStatus = failureKinds[kind].httpStatus;
    this.resultCode = failureKinds[kind].resultCode;
  }
}

export const successHeader: EnvelopeHeader = {
  isSuccessful: true,
  resultCode: 0,
  resultMessage: 'SUCCESS',
};

/** Builds a success envelope; without a key it carries only the header (delete, stop). */
export function successEnvelope(key?: string, payload?: unknown): Record<string, unknown> {
  if (key === undefined) {
    return { header: { ...successHeader } };
  }
  return { header: { ...successHeader }, [key]: payload };
}

export interface Paging {
  totalCount: number;
  page: number;
  limit: number;
}

/** Builds a list envelope: `{ header, <resource>List: items, paging }`. */
export function listEnvelope(
  listKey: string,
  items: unknown[],
  paging: Paging,
): Record<string, unknown> {
  return { header: { ...successHeader }, [listKey]: items, paging };
}

/** Builds a failure envelope. The header alone, with `isSuccessful: false`. */
export function failureEnvelope(
  resultCode: number,
  resultMessage: string,
): Record<string, unknown> {
  return { header: { isSuccessful: false, resultCode, resultMessage } };
}
