import { BotError } from '../errors.js';
import { parseHostPort, schemeForHost } from './host-address.js';

/** Parts of an `obs://` URI. */
export interface ObsLocation {
  /** Object Storage host, with a port when the URI has one. */
  host: string;
  /** API version segment, such as `v1`. */
  version: string;
  /** Tenant id, the part after `AUTH_`. */
  tenant: string;
  container: string;
  /** Object path or prefix inside the container, empty for the container itself. */
  path: string;
}

const expectedForm = 'obs://{host}/{version}/AUTH_{tenant}/{container}/{path}';
const obsScheme = 'obs://';

/**
 * Parses an Object Storage URI of the form
 * `obs://{host}/{version}/AUTH_{tenant}/{container}/{path}`, as EasyMaker writes data, model
 * and output locations. The path may be empty. Raises `ERR_INPUT_INVALID` for another scheme
 * (an `https://` URL included), a missing `AUTH_` prefix, an empty host, version, tenant or
 * container, a `.` or `..` segment, or a control character.
 */
export function parseObsUri(uri: string): ObsLocation {
  const invalid = (problem: string) =>
    new BotError(
      'ERR_INPUT_INVALID',
      `Invalid Object Storage URI "${uri}": ${problem}; expected ${expectedForm}`,
      { context: { uri } },
    );

  if (!uri.startsWith(obsScheme)) {
    throw invalid(`the scheme must be ${obsScheme}`);
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
  if (/[\u0000-\u001f\u007f]/.test(uri)) {
    throw invalid('it contains a control character');
  }
  const [host = '', version = '', account = '', container = '', ...pathSegments] = uri
    .slice(obsScheme.length)
    .split('/');

  if (!parseHostPort(host)) {
    throw invalid(host === '' ? 'the host is empty' : `"${host}" is not a valid host`);
  }
  if (version === '') {
    throw invalid('the version segment is empty');
  }
  if (!account.startsWith('AUTH_')) {
    throw invalid('the account segment must start with AUTH_');
  }
  const tenant = account.slice('AUTH_'.length);
  if (tenant === '') {
    throw invalid('the tenant after AUTH_ is empty');
  }
  if (container === '') {
    throw invalid('the container is empty');
  }
  const segments = [version, container, ...pathSegments];
  if (segments.some((segment) => segment === '.' || segment === '..')) {
    throw invalid('"." and ".." segments are not allowed');
  }
  return { host, version, tenant, container, path: pathSegments.join('/') };
}

/** Formats a location as an `obs://` URI, the inverse of `parseObsUri`. */
export function formatObsUri(location: ObsLocation): string {
  const { host, version, tenant, container, path } = location;
  const base = `${obsScheme}${host}/${version}/AUTH_${tenant}/${container}`;
  return path === '' ? base : `${base}/${path}`;
}

/**
 * Returns the Swift URL of the location's container:
 * `https://{host}/{version}/AUTH_{tenant}/{container}`, or `http://` for a loopback host.
 */
export function toSwiftContainerUrl(location: ObsLocation): string {
  const { host, version, tenant, container } = location;
  const hostName = parseHostPort(host)?.host ?? host;
  const segments = [version, `AUTH_${tenant}`, container].map(encodeURIComponent);
  return `${schemeForHost(hostName)}://${host}/${segments.join('/')}`;
}

/**
 * Returns the Swift URL of the object at `location.path`, each path segment percent-encoded, so
 * a name with spaces, `?` or `#` stays one object name.
 */
export function toSwiftObjectUrl(location: ObsLocation): string {
  const encodedPath = location.path.split('/').map(encodeURIComponent).join('/');
  return `${toSwiftContainerUrl(location)}/${encodedPath}`;
}
