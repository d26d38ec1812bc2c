import { isIPv4 } from 'node:net';

/**
 * Tells whether a host (without port, IPv6 with or without brackets) is a loopback address:
 * 127.0.0.0/8, `localhost` or `::1`.
 */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost' || name === '::1') {
    return true;
  }
  return isIPv4(name) && name.startsWith('127.');
}

/** Host with an optional port: a DNS name, an IPv4 address, or an IPv6 address in brackets. */
const hostPortPattern =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?$/;

/** Splits `host[:port]` into its parts, or returns undefined when it is not a valid host. */
export function parseHostPort(value: string): { host: string; port?: number } | undefined {
  const match = hostPortPattern.exec(value);
  if (!match) {
    return undefined;
  }
  const portText = match[1];
  if (portText === undefined) {
    return { host: value };
  }
  const port = Number(portText);
  if (port < 1 || port > 65_535) {
    return undefined;
  }
  return { host: value.slice(0, value.length - portText.length - 1), port };
}

/**
 * Returns the scheme to reach a host: `https`, or `http` for a loopback host, which is where a
 * local stand-in of the service (a simulator or a test stub) listens without TLS.
 */
export function schemeForHost(host: string): 'http' | 'https' {
  return isLoopbackHost(host) ? 'http' : 'https';
}
