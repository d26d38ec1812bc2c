import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type SimulatorHarness,
  startSimulatorHarness,
  testStaticToken,
} from './simulator-harness.js';

const accessKeyId = 'key-id';
const secretAccessKey = 'key-secret';

function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

function requestToken(
  harness: SimulatorHarness,
  authorization: string,
  form = 'grant_type=client_credentials',
) {
  return harness.raw('POST', '/oauth2/token/create', {
    body: form,
    headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
  });
}

describe('simulator OAuth token call', () => {
  let harness: SimulatorHarness;

  beforeAll(async () => {
    harness = await startSimulatorHarness({
      accessKeyId,
      secretAccessKey,
      tokenLifetimeSeconds: 600,
    });
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('issues a bearer token for valid credentials', async () => {
    const answer = await requestToken(harness, basic(accessKeyId, secretAccessKey));
    expect(answer.status).toBe(200);
    expect(answer.body.token_type).toBe('Bearer');
    expect(answer.body.expires_in).toBe(600);
    expect(typeof answer.body.access_token).toBe('string');
    expect(answer.body.header).toBeUndefined();
  });

  it('accepts an issued token on EasyMaker calls', async () => {
    const issued = await requestToken(harness, basic(accessKeyId, secretAccessKey));
    const answer = await harness.api('GET', '/flavors', { token: issued.body.access_token });
    expect(answer.status).toBe(200);
    expect(answer.body.header.isSuccessful).toBe(true);
  });

  it('rejects a wrong secret with 401 and a JSON error', async () => {
    const answer = await requestToken(harness, basic(accessKeyId, 'wrong'));
    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe('invalid_client');
    expect(answer.body.access_token).toBeUndefined();
  });

  it('rejects a missing Authorization header', async () => {
    const answer = await harness.raw('POST', '/oauth2/token/create', {
      body: 'grant_type=client_credentials',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(answer.status).toBe(401);
  });

  it('rejects another grant type', async () => {
    const answer = await requestToken(
      harness,
      basic(accessKeyId, secretAccessKey),
      'grant_type=password',
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('unsupported_grant_type');
  });

  it('expires issued tokens with the simulated clock', async () => {
    const issued = await requestToken(harness, basic(accessKeyId, secretAccessKey));
    await harness.control('POST', 'clock', { advanceSeconds: 601 });
    const answer = await harness.api('GET', '/flavors', { token: issued.body.access_token });
    expect(answer.status).toBe(401);
    expect(answer.body.header.isSuccessful).toBe(false);
  });
});

describe('simulator bearer check', () => {
  let harness: SimulatorHarness;

  beforeAll(async () => {
    harness = await startSimulatorHarness();
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('rejects a missing bearer header with the failure envelope', async () => {
    const answer = await harness.api('GET', '/flavors', { token: null });
    expect(answer.status).toBe(401);
    expect(answer.body.header.isSuccessful).toBe(false);
    expect(answer.body.header.resultCode).not.toBe(0);
    expect(answer.body.header.resultMessage).toContain('x-nhn-authorization');
  });

  it('rejects an unknown bearer token', async () => {
    const answer = await harness.api('GET', '/flavors', { token: 'not-a-token' });
    expect(answer.status).toBe(401);
    expect(answer.body.header.isSuccessful).toBe(false);
  });

  it('rejects a header without the Bearer scheme', async () => {
    const answer = await harness.api('GET', '/flavors', {
      token: null,
      headers: { 'X-NHN-Authorization': testStaticToken },
    });
    expect(answer.status).toBe(401);
  });

  it('reads the header name case-insensitively', async () => {
    const answer = await harness.api('GET', '/flavors', {
      token: null,
      headers: { 'X-NHN-AUTHORIZATION': `bearer ${testStaticToken}` },
    });
    expect(answer.status).toBe(200);
  });

  it('accepts a static token as X-EasyMaker-Token', async () => {
    const accepted = await harness.api('GET', '/flavors', {
      token: null,
      headers: { 'X-EasyMaker-Token': testStaticToken },
    });
    expect(accepted.status).toBe(200);
    const rejected = await harness.api('GET', '/flavors', {
      token: null,
      headers: { 'X-EasyMaker-Token': 'other' },
    });
    expect(rejected.status).toBe(401);
  });

  it('fails an unknown app key with the envelope', async () => {
    const answer = await harness.raw('GET', '/v1.0/appkeys/other-appkey/flavors', {
      token: testStaticToken,
    });
    expect(answer.status).toBe(404);
    expect(answer.body.header.isSuccessful).toBe(false);
    expect(answer.body.header.resultMessage).toContain('other-appkey');
  });

  it('serves the health probe without a token', async () => {
    const answer = await harness.raw('GET', '/nhn-api-gateway');
    expect(answer.status).toBe(200);
  });

  it('rejects an unknown path with 404', async () => {
    const answer = await harness.api('GET', '/no-such-collection');
    expect(answer.status).toBe(404);
    expect(answer.body.header.isSuccessful).toBe(false);
  });

  it('rejects a wrong method with 405', async () => {
    const answer = await harness.api('PATCH', '/trainings');
    expect(answer.status).toBe(405);
    expect(answer.body.header.isSuccessful).toBe(false);
    expect(answer.headers.get('allow')).toBe('GET, POST');
  });

  it('rejects malformed JSON with 400', async () => {
    const answer = await harness.api('POST', '/experiments', { body: '{"experimentName": ' });
    expect(answer.status).toBe(400);
    expect(answer.body.header.isSuccessful).toBe(false);
    expect(answer.body.header.resultMessage).toContain('not valid JSON');
  });

  it('reports the bound port in its url', () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(harness.url).not.toMatch(/:0$/);
  });
});
