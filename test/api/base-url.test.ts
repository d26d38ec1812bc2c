import { describe, expect, it } from 'vitest';
import { resolveEasyMakerBaseUrl } from '../../src/api/base-url.js';

describe('resolveEasyMakerBaseUrl', () => {
  it('defaults to kr1, the real profile and the public domain', () => {
    expect(resolveEasyMakerBaseUrl({})).toBe('https://kr1-easymaker.api.nhncloudservice.com');
  });

  it('uses an explicit URL verbatim without trailing slashes', () => {
    const url = resolveEasyMakerBaseUrl({
      apiUrl: 'http://127.0.0.1:8080//',
      region: 'kr3',
      profile: 'local',
      environment: 'gov',
    });
    expect(url).toBe('http://127.0.0.1:8080');
  });

  it('maps the local profile to the loopback port 10090 in any case', () => {
    expect(resolveEasyMakerBaseUrl({ profile: 'LOCAL', region: 'kr3' })).toBe(
      'http://127.0.0.1:10090',
    );
  });

  it('adds a lowercased profile suffix other than real', () => {
    expect(resolveEasyMakerBaseUrl({ region: 'KR3', profile: 'Beta' })).toBe(
      'https://kr3-easymaker-beta.api.nhncloudservice.com',
    );
    expect(resolveEasyMakerBaseUrl({ profile: 'REAL' })).toBe(
      'https://kr1-easymaker.api.nhncloudservice.com',
    );
  });

  it('uses the gov domain for the gov environment', () => {
    expect(resolveEasyMakerBaseUrl({ environment: 'gov' })).toBe(
      'https://kr1-easymaker.api.gov-nhncloudservice.com',
    );
  });

  it('ignores an empty explicit URL', () => {
    expect(resolveEasyMakerBaseUrl({ apiUrl: '  ', region: 'kr2' })).toBe(
      'https://kr2-easymaker.api.nhncloudservice.com',
    );
  });
});
