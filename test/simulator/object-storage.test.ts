import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { advance, objectStorageToken, simulatedTenant } from './resource-fixtures.js';
import { type SimulatorHarness, startSimulatorHarness } from './simulator-harness.js';

describe('simulator Object Storage', () => {
  let harness: SimulatorHarness;
  let token: string;

  beforeAll(async () => {
    harness = await startSimulatorHarness();
  });
  beforeEach(async () => {
    await harness.control('POST', 'reset');
    token = await objectStorageToken(harness);
  });
  afterAll(async () => {
    await harness.stop();
  });

  const account = `/v1/AUTH_${simulatedTenant}`;

  async function swift(
    method: string,
    path: string,
    options: { token?: string | null; body?: string; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    const authToken = options.token === undefined ? token : options.token;
    if (authToken !== null) {
      headers['x-auth-token'] = authToken;
    }
    const response = await fetch(`${harness.url}${path}`, { method, headers, body: options.body });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  describe('identity token', () => {
    const tokenCall = (tenantId: string, username: string, password: string) =>
      harness.raw('POST', '/v2.0/tokens', {
        body: { auth: { tenantId, passwordCredentials: { username, password } } },
      });

    it('issues a token with a UTC expiry', async () => {
      const answer = await tokenCall(simulatedTenant, 'simulator-user', 'simulator-password');
      expect(answer.status).toBe(200);
      expect(answer.body).not.toHaveProperty('header');
      expect(answer.body.access.token.id).toMatch(/^[0-9a-f]{32}$/);
      expect(answer.body.access.token.expires).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(Date.parse(answer.body.access.token.expires)).toBeGreaterThan(Date.now());
      expect(answer.body.access.serviceCatalog[0].endpoints[0].publicURL).toBe(
        `${harness.url}${account}`,
      );
    });

    it('rejects wrong credentials with 401', async () => {
      for (const [tenant, user, password] of [
        [simulatedTenant, 'simulator-user', 'wrong'],
        [simulatedTenant, 'someone', 'simulator-password'],
        ['other-tenant', 'simulator-user', 'simulator-password'],
      ] as const) {
        const answer = await tokenCall(tenant, user, password);
        expect(answer.status).toBe(401);
        expect(answer.body.error.code).toBe(401);
      }
    });

    it('rejects a body without credentials with 400', async () => {
      const answer = await harness.raw('POST', '/v2.0/tokens', { body: { auth: {} } });
      expect(answer.status).toBe(400);
    });

    it('expires tokens on the simulated clock', async () => {
      expect((await swift('GET', `${account}/ml-bucket`)).status).toBe(200);
      await advance(harness, 13 * 60 * 60);
      expect((await swift('GET', `${account}/ml-bucket`)).status).toBe(401);
    });
  });

  it('lists the seed container as text with a newline after every name', async () => {
    const answer = await swift('GET', `${account}/ml-bucket`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/plain');
    expect(answer.text).toBe(
      [
        'batch-input/iris-000.jsonl',
        'batch-input/iris-001.jsonl',
        'datasets/iris/train.csv',
        'metrics/mnist-train/metrics.json',
        '',
      ].join('\n'),
    );
    expect(answer.headers.get('x-container-object-count')).toBe('4');
  });

  it('pages a listing with prefix, marker and limit', async () => {
    const first = await swift('GET', `${account}/ml-bucket?prefix=batch-input/&limit=1`);
    expect(first.text).toBe('batch-input/iris-000.jsonl\n');
    const next = await swift(
      'GET',
      `${account}/ml-bucket?prefix=batch-input/&limit=1&marker=batch-input/iris-000.jsonl`,
    );
    expect(next.text).toBe('batch-input/iris-001.jsonl\n');
    const end = await swift(
      'GET',
      `${account}/ml-bucket?prefix=batch-input/&limit=1&marker=batch-input/iris-001.jsonl`,
    );
    expect(end.status).toBe(204);
    expect(end.text).toBe('');
  });

  it('lists as JSON with format=json', async () => {
    const answer = await swift('GET', `${account}/ml-bucket?format=json&prefix=metrics/`);
    expect(answer.status).toBe(200);
    const items = JSON.parse(answer.text);
    expect(items).toHaveLength(1);
    expect(items[0]).toEqual({
      name: 'metrics/mnist-train/metrics.json',
      bytes: expect.any(Number),
      hash: expect.stringMatching(/^[0-9a-f]{32}$/),
      last_modified: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/),
      content_type: 'application/json',
    });
  });

  it('gets an object with x-timestamp and answers HEAD with its size', async () => {
    const object = await swift('GET', `${account}/ml-bucket/metrics/mnist-train/metrics.json`);
    expect(object.status).toBe(200);
    expect(JSON.parse(object.text).accuracy).toBe(0.9812);
    expect(object.headers.get('x-timestamp')).toMatch(/^\d+\.\d{5}$/);
    const head = await swift('HEAD', `${account}/ml-bucket/metrics/mnist-train/metrics.json`);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(object.text)));
    expect(head.text).toBe('');
  });

  it('puts, gets and deletes an object', async () => {
    const path = `${account}/ml-bucket/uploads/notes.txt`;
    const put = await swift('PUT', path, {
      body: 'hello object storage',
      headers: { 'content-type': 'text/plain' },
    });
    expect(put.status).toBe(201);
    expect(put.headers.get('etag')).toMatch(/^[0-9a-f]{32}$/);
    const got = await swift('GET', path);
    expect(got.text).toBe('hello object storage');
    expect(got.headers.get('content-type')).toBe('text/plain');
    expect((await swift('DELETE', path)).status).toBe(204);
    expect((await swift('GET', path)).status).toBe(404);
    expect((await swift('DELETE', path)).status).toBe(404);
  });

  it('rejects a PUT whose ETag does not match', async () => {
    const path = `${account}/ml-bucket/uploads/checked.txt`;
    const put = await swift('PUT', path, { body: 'abc', headers: { etag: '0'.repeat(32) } });
    expect(put.status).toBe(422);
    expect((await swift('GET', path)).status).toBe(404);
  });

  it('creates a container and rejects objects in a missing one', async () => {
    expect((await swift('PUT', `${account}/results/a.txt`, { body: 'x' })).status).toBe(404);
    expect((await swift('PUT', `${account}/results`)).status).toBe(201);
    expect((await swift('PUT', `${account}/results`)).status).toBe(202);
    expect((await swift('GET', `${account}/results`)).status).toBe(204);
    expect((await swift('GET', `${account}/nothing-here`)).status).toBe(404);
  });

  it('rejects a missing or bad token with 401 and another account with 403', async () => {
    expect((await swift('GET', `${account}/ml-bucket`, { token: null })).status).toBe(401);
    expect((await swift('GET', `${account}/ml-bucket`, { token: 'forged' })).status).toBe(401);
    expect((await swift('GET', '/v1/AUTH_someone-else/ml-bucket')).status).toBe(403);
  });

  it('rejects a limit above 10000', async () => {
    expect((await swift('GET', `${account}/ml-bucket?limit=10001`)).status).toBe(412);
    expect((await swift('GET', `${account}/ml-bucket?limit=ten`)).status).toBe(400);
  });
});
