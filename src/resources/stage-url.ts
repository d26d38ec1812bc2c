import { parseHostPort, schemeForHost } from '../api/host-address.js';

/** An endpoint stage's `apigwStageUrl` split into what a prediction request needs. */
export interface StageAddress {
  /** `host[:port]`, as `InferenceClient.predict` takes it. */
  host: string;
  /** Path in front of every resource URI: empty for an API Gateway host. */
  pathPrefix: string;
  /** The stage URL with its scheme, for people to read. */
  url: string;
}

/**
 * Splits `apigwStageUrl` into host and path. EasyMaker sends a bare host, such as
 * `kr1-{apigwServiceId}.api.nhncloudservice.com`; a local stand-in may add a path after the
 * host, which then prefixes every resource URI. Returns undefined when the host is not valid.
 */
export function parseStageUrl(apigwStageUrl: string): StageAddress | undefined {
  const trimmed = apigwStageUrl.trim().replace(/\/+$/, '');
  const slash = trimmed.indexOf('/');
  const host = slash === -1 ? trimmed : trimmed.slice(0, slash);
  const pathPrefix = slash === -1 ? '' : trimmed.slice(slash);
  const hostPort = parseHostPort(host);
  if (hostPort === undefined) {
    return undefined;
  }
  return { host, pathPrefix, url: `${schemeForHost(hostPort.host)}://${host}${pathPrefix}` };
}
