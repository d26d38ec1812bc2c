import { describe, expect, it } from 'vitest';
import {
  formatObsUri,
  parseObsUri,
  toSwiftContainerUrl,
  toSwiftObjectUrl,
} from '../../src/api/obs-uri.js';
import type { BotError } from '../../src/errors.js';

const host = 'kr1-api-object-storage.nhncloudservice.com';

function parseError(uri: string): BotError {
  try {
    parseObsUri(uri);
  } catch (error) {
    return error as BotError;
  }
  throw new Error(`expected "${uri}" to be rejected`);
}

describe('parseObsUri', () => {
  it('returns the parts of a URI with an object path', () => {
    expect(parseObsUri(`obs://${host}/v1/AUTH_abc123/bucket/data/train/part-1.jsonl`)).toEqual({
      host,
      version: 'v1',
      tenant: 'abc123',
      container: 'bucket',
      path: 'data/train/part-1.jsonl',
    });
  });

  it('accepts a container without a path and keeps a trailing slash', () => {
    expect(parseObsUri(`obs://${host}/v1/AUTH_t/bucket`).path).toBe('');
    expect(parseObsUri(`obs://${host}/v1/AUTH_t/bucket/`).path).toBe('');
    expect(parseObsUri(`obs://${host}/v1/AUTH_t/bucket/model/`).path).toBe('model/');
  });

  it('accepts a host with a port', () => {
    expect(parseObsUri('obs://127.0.0.1:8080/v1/AUTH_t/bucket/a').host).toBe('127.0.0.1:8080');
    expect(parseObsUri('obs://[::1]:8080/v1/AUTH_t/bucket/a').host).toBe('[::1]:8080');
  });

  it.each([
    ['an https URL', `https://${host}/v1/AUTH_t/bucket/a`, 'scheme'],
    ['a missing AUTH_ prefix', `obs://${host}/v1/t/bucket/a`, 'AUTH_'],
    ['an empty tenant', `obs://${host}/v1/AUTH_/bucket/a`, 'tenant'],
    ['an empty host', 'obs:///v1/AUTH_t/bucket/a', 'host'],
    ['an empty version', `obs://${host}//AUTH_t/bucket/a`, 'version'],
    ['an empty container', `obs://${host}/v1/AUTH_t//a`, 'container'],
    ['no container', `obs://${host}/v1/AUTH_t`, 'container'],
    ['a dot-dot segment', `obs://${host}/v1/AUTH_t/bucket/a/../../other`, '".."'],
    ['a user in the host', `obs://user@${host}/v1/AUTH_t/bucket/a`, 'valid host'],
    ['a control character', `obs://${host}/v1/AUTH_t/bucket/a\nb`, 'control'],
  ])('rejects %s', (_case, uri, problem) => {
    const error = parseError(uri);
    expect(error.code).toBe('ERR_INPUT_INVALID');
    expect(error.message).toContain(problem);
    expect(error.message).toContain('obs://{host}/{version}/AUTH_{tenant}/{container}/{path}');
  });
});

describe('formatObsUri', () => {
  it('restores the parsed URI', () => {
    for (const uri of [
      `obs://${host}/v1/AUTH_t/bucket`,
      `obs://${host}/v1/AUTH_t/bucket/a/b.txt`,
    ]) {
      expect(formatObsUri(parseObsUri(uri))).toBe(uri);
    }
  });
});

describe('Swift URLs', () => {
  it('uses https for a remote host', () => {
    const location = parseObsUri(`obs://${host}/v1/AUTH_t/bucket/data/a.json`);

    expect(toSwiftContainerUrl(location)).toBe(`https://${host}/v1/AUTH_t/bucket`);
    expect(toSwiftObjectUrl(location)).toBe(`https://${host}/v1/AUTH_t/bucket/data/a.json`);
  });

  it('uses http for loopback hosts', () => {
    for (const loopback of ['127.0.0.1:9000', '127.8.9.10', 'localhost:9000', '[::1]:9000']) {
      const location = parseObsUri(`obs://${loopback}/v1/AUTH_t/bucket/a`);
      expect(toSwiftObjectUrl(location)).toBe(`http://${loopback}/v1/AUTH_t/bucket/a`);
    }
  });

  it('keeps https for hosts that only look local', () => {
    for (const remote of ['127.0.0.1.example.com', 'localhost.example.com', '128.0.0.1']) {
      const location = parseObsUri(`obs://${remote}/v1/AUTH_t/bucket/a`);
      expect(toSwiftContainerUrl(location).startsWith('https://')).toBe(true);
    }
  });

  it('percent-encodes each path segment', () => {
    const location = parseObsUri(`obs://${host}/v1/AUTH_t/bucket/my data/a?b#c.json`);

    expect(toSwiftObjectUrl(location)).toBe(
      `https://${host}/v1/AUTH_t/bucket/my%20data/a%3Fb%23c.json`,
    );
  });
});
