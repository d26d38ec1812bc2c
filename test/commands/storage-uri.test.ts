import { describe, expect, it } from 'vitest';
import {
  checkStorageUri,
  isStorageHostAllowed,
  readStorageUri,
} from '../../src/commands/storage-uri.js';

const NHN_IDENTITY = 'https://api-identity-infrastructure.nhncloudservice.com';
const LOCAL_IDENTITY = 'http://127.0.0.1:10090';
const NHN_URI = 'obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_t/bucket/data/a.csv';

function pathOf(result: ReturnType<typeof readStorageUri>): string {
  if (!result.ok) {
    throw new Error(`expected a parsed URI, got "${result.message}"`);
  }
  return result.location.path;
}

function messageOf(result: ReturnType<typeof readStorageUri>): string {
  if (result.ok) {
    throw new Error(`expected a rejection of ${result.uri}`);
  }
  return result.message;
}

describe('isStorageHostAllowed', () => {
  it.each([
    ['kr1-api-object-storage.nhncloudservice.com', NHN_IDENTITY, true],
    ['KR2-API-OBJECT-STORAGE.nhncloudservice.com', NHN_IDENTITY, true],
    ['api-identity-infrastructure.nhncloudservice.com', NHN_IDENTITY, true],
    ['kr1-api-object-storage.nhncloudservice.com:8443', NHN_IDENTITY, false],
    ['nhncloudservice.com', NHN_IDENTITY, false],
    ['evil.example.com', NHN_IDENTITY, false],
    ['nhncloudservice.com.evil.example', NHN_IDENTITY, false],
    ['169.254.169.254', NHN_IDENTITY, false],
    ['127.0.0.1:10090', LOCAL_IDENTITY, true],
    ['127.0.0.1:10091', LOCAL_IDENTITY, false],
    ['localhost:10090', LOCAL_IDENTITY, false],
  ])('%s under %s is %s', (host, identityUrl, allowed) => {
    expect(isStorageHostAllowed(host, identityUrl)).toBe(allowed);
  });
});

describe('readStorageUri', () => {
  it('parses an obs URI', () => {
    const result = readStorageUri(NHN_URI, NHN_IDENTITY);
    expect(result).toMatchObject({ ok: true, uri: NHN_URI });
    expect(pathOf(result)).toBe('data/a.csv');
  });

  it('undoes Slack escaping', () => {
    const result = readStorageUri(`<${NHN_URI.replace('a.csv', 'a&amp;b.csv')}>`, NHN_IDENTITY);
    expect(pathOf(result)).toBe('data/a&b.csv');
  });

  it('rejects an https URI with the reason', () => {
    const https = NHN_URI.replace('obs://', 'https://');
    expect(messageOf(readStorageUri(`<${https}>`, NHN_IDENTITY))).toContain(
      'the scheme must be obs://',
    );
  });

  it('rejects a URI without AUTH_', () => {
    const message = messageOf(readStorageUri(NHN_URI.replace('AUTH_t', 't'), NHN_IDENTITY));
    expect(message).toContain('the account segment must start with AUTH_');
  });

  it('rejects an empty container', () => {
    const message = messageOf(readStorageUri(NHN_URI.replace('/bucket/', '//'), NHN_IDENTITY));
    expect(message).toContain('the container is empty');
  });

  it('rejects a host outside the identity domain', () => {
    const message = messageOf(
      readStorageUri('obs://evil.example.com/v1/AUTH_t/bucket/x', NHN_IDENTITY),
    );
    expect(message).toContain('Object Storage host "evil.example.com" is not allowed');
    expect(message).toContain('hosts under "nhncloudservice.com"');
  });

  it('leaves button values unescaped', () => {
    const uri = NHN_URI.replace('a.csv', 'a&amp;b.csv');
    const result = checkStorageUri(uri, NHN_IDENTITY);
    expect(pathOf(result)).toBe('data/a&amp;b.csv');
  });
});
