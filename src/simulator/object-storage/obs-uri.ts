/*
 * `obs://` URIs of Object Storage objects: `obs://{host}/v1/AUTH_{tenantId}/{container}/{path}`.
 * Replacing `obs://` with the scheme of the host gives the Swift URL of the object.
 */

export interface ObjectLocation {
  /** Host with the port when there is one, e.g. `127.0.0.1:10090`. */
  host: string;
  tenantId: string;
  container: string;
  /** Object path inside the container; empty for the container itself. */
  objectPath: string;
}

const obsUriPattern = /^obs:\/\/([^/]+)\/v1\/AUTH_([^/]+)\/([^/]+)(?:\/(.*))?$/;

/** Parses an `obs://` URI; undefined when it does not have the form above. */
export function parseObsUri(uri: string): ObjectLocation | undefined {
  const match = obsUriPattern.exec(uri);
  if (match === null) {
    return undefined;
  }
  return {
    host: match[1] ?? '',
    tenantId: match[2] ?? '',
    container: match[3] ?? '',
    objectPath: match[4] ?? '',
  };
}

/** Builds the `obs://` URI of an object; an empty path gives the container URI. */
export function formatObsUri(location: ObjectLocation): string {
  const base = `obs://${location.host}/v1/AUTH_${location.tenantId}/${location.container}`;
  return location.objectPath === '' ? base : `${base}/${location.objectPath}`;
}

/** Joins a folder-like object path and a file name with exactly one `/`. */
export function joinObjectPath(folder: string, name: string): string {
  if (folder === '') {
    return name;
  }
  return `${folder.replace(/\/+$/, '')}/${name}`;
}
