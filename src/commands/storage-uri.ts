import { isIPv4 } from 'node:net';
import { parseHostPort } from '../api/host-address.js';
import { type ObsLocation, parseObsUri } from '../api/obs-uri.js';
import { BotError } from '../errors.js';

/** An `obs://` URI typed in Slack, checked and parsed. */
export type StorageUriResult =
  | { ok: true; uri: string; location: ObsLocation }
  | { ok: false; message: string };

/**
 * Reads an `obs://` URI from slash-command text. Undoes Slack's escaping of `&`, `<` and `>` and
 * its `<…>` link wrapping, then parses the URI with `parseObsUri`, whose reason becomes the
 * message when it fails. Only hosts that `isStorageHostAllowed` allows are accepted, because
 * every request to the host carries the bot's Object Storage token.
 */
export function readStorageUri(text: string, identityUrl: string): StorageUriResult {
  return checkStorageUri(unescapeSlackText(text), identityUrl);
}

/** Parses an `obs://` URI and checks its host, as `readStorageUri` does, without unescaping. */
export function checkStorageUri(uri: string, identityUrl: string): StorageUriResult {
  let location: ObsLocation;
  try {
    location = parseObsUri(uri);
  } catch (error) {
    if (error instanceof BotError) {
      return { ok: false, message: error.message };
    }
    throw error;
  }
  if (!isStorageHostAllowed(location.host, identityUrl)) {
    return {
      ok: false,
      message:
        `Object Storage host "${location.host}" is not allowed: the bot sends its token only to ` +
        `${allowedHostDescription(identityUrl)}, which OBJECT_STORAGE_IDENTITY_URL sets`,
    };
  }
  return { ok: true, uri, location };
}

/**
 * Tells whether requests with the Object Storage token may go to `host` (`name[:port]`): the
 * identity service's own host and port, or, when the identity host is a DNS name, any host
 * without a port under its parent domain.
 * NOTE: NHN Cloud serves Object Storage at `{region}-api-object-storage.nhncloudservice.com`
 * beside `api-identity-infrastructure.nhncloudservice.com`; the rule assumes that other
 * environments keep both hosts under one parent domain.
 */
export function isStorageHostAllowed(host: string, identityUrl: string): boolean {
  const identity = new URL(identityUrl);
  const requested = host.toLowerCase();
  if (requested === identity.host.toLowerCase()) {
    return true;
  }
  const parentDomain = parentDomainOf(identity.hostname);
  const parsed = parseHostPort(requested);
  if (parentDomain === undefined || parsed === undefined || parsed.port !== undefined) {
    return false;
  }
  return parsed.host.endsWith(`.${parentDomain}`);
}

/** Returns the domain above a DNS host name, or undefined for an IP address or a single label. */
function parentDomainOf(hostname: string): string | undefined {
  const name = hostname.toLowerCase();
  if (isIPv4(name) || name.startsWith('[')) {
    return undefined;
  }
  const labels = name.split('.');
  if (labels.length < 2) {
    return undefined;
  }
  return labels.length > 2 ? labels.slice(1).join('.') : name;
}

function allowedHostDescription(identityUrl: string): string {
  const identity = new URL(identityUrl);
  const parentDomain = parentDomainOf(identity.hostname);
  return parentDomain === undefined
    ? `the host "${identity.host}"`
    : `hosts under "${parentDomain}"`;
}

/**
 * Undoes what Slack does to command text: `&amp;`, `&lt;` and `&gt;` for `&`, `<` and `>`, and
 * `<target>` or `<target|label>` around text it takes for a link.
 */
function unescapeSlackText(text: string): string {
  const link = /^<([^|>]*)(?:\|[^>]*)?>$/.exec(text);
  const unwrapped = link?.[1] ?? text;
  return unwrapped.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}
