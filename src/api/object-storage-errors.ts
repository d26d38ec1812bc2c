import { BotError } from '../errors.js';
import type { ObsLocation } from './obs-uri.js';

/** Builds an `ERR_OBJECT_STORAGE` error about one call on a location. */
export function objectStorageError(
  method: string,
  location: ObsLocation,
  problem: string,
  httpStatus?: number,
): BotError {
  const target =
    location.path === '' ? location.container : `${location.container}/${location.path}`;
  return new BotError('ERR_OBJECT_STORAGE', `Object Storage ${method} "${target}" ${problem}`, {
    context: { method, container: location.container, path: location.path, httpStatus },
  });
}

/** Builds the error for a response whose status the call does not expect. */
export function statusError(method: string, location: ObsLocation, httpStatus: number): BotError {
  let advice = '';
  if (httpStatus === 404) {
    advice = ': not found; check the container and the path';
  } else if (httpStatus === 401 || httpStatus === 403) {
    advice = ': access denied; check the tenant of the token and the container ACL';
  }
  return objectStorageError(method, location, `returned HTTP ${httpStatus}${advice}`, httpStatus);
}
