import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type SimulatorHarness,
  startSimulatorHarness,
  testStaticToken,
  trainingBody,
} from './simulator-harness.js';

const logAndCrashAppKey = 'test-lnc-appkey';

describe('simulator log search', () => {
  let harness: SimulatorHarness;
  let loggedId: string;
  let silentId: string;
  let failedId: string;

  beforeAll(async () => {
    harness = await startSimulatorHarness({ logAndCrashAppKey });
    const experimentId = await harness.activeExperiment('logs');
    const create = async (overrides: Record<string, unknown>) => {
      const answer = await harness.api('POST', '/trainings', {
        body: trainingBody(experimentId, overrides),
      });
      return answer.body.training.trainingId as string;
    };
    loggedId = await create({ trainingName: 'logged', useLog: true });
    silentId = await create({ trainingName: 'silent', useLog: false });
    failedId = await create({ trainingName: 'fail-logged', useLog: true });
    await harness.control('POST', 'clock', { advanceSeconds: 60 });
  });
  afterAll(async () => {
    await harness.stop();
  });

  function window() {
    const now = Date.now() + 60_000;
    return {
      from: new Date(now - 24 * 60 * 60 * 1000).toISOString(),
      to: new Date(now + 60_000).toISOString(),
    };
  }

  function search(body: Record<string, unknown>, token: string | null = testStaticToken) {
    return harness.raw('POST', `/v3/${logAndCrashAppKey}/logs/search`, {
      body: { ...window(), ...body },
      headers: token ? { 'X-NHN-Authorization': `Bearer ${token}` } : {},
    });
  }

  it('finds the records of one training in the header and body envelope', async () => {
    const answer = await search({ query: `trainingId:"${loggedId}"`, pageSize: 100 });
    expect(answer.status).toBe(200);
    expect(answer.body.header.isSuccessful).toBe(true);
    expect(answer.body.header.resultCode).toBe(0);
    const { totalItems, pageNumber, pageSize, data } = answer.body.body;
    expect(pageNumber).toBe(0);
    expect(pageSize).toBe(100);
    expect(totalItems).toBe(data.length);
    expect(totalItems).toBeGreaterThanOrEqual(4);
    for (const record of data) {
      expect(record.trainingId).toBe(loggedId);
      expect(record.category).toBe('easymaker.training');
      expect(record.logType).toBe('NHNCloud-AIEasyMaker');
      expect(['INFO', 'WARNING', 'ERROR']).toContain(record.logLevel);
      expect(typeof record.body).toBe('string');
      expect(Number.isInteger(record.logTime)).toBe(true);
    }
    const times = data.map((record: { logTime: number }) => record.logTime);
    expect(times).toEqual([...times].sort((left, right) => right - left));
  });

  it('writes no records for a training without useLog', async () => {
    const answer = await search({ query: `trainingId:"${silentId}"` });
    expect(answer.body.body.totalItems).toBe(0);
    expect(answer.body.body.data).toEqual([]);
  });

  it('joins terms with AND', async () => {
    const answer = await search({ query: `trainingId:"${failedId}" AND logLevel:"ERROR"` });
    expect(answer.body.body.totalItems).toBeGreaterThanOrEqual(1);
    for (const record of answer.body.body.data) {
      expect(record.logLevel).toBe('ERROR');
    }
  });

  it('sorts ascending and pages on request', async () => {
    const all = await search({ query: `trainingId:"${loggedId}"`, sort: { logTime: 'ASC' } });
    const page = await search({
      query: `trainingId:"${loggedId}"`,
      sort: { logTime: 'ASC' },
      pageSize: 2,
      pageNumber: 1,
    });
    expect(page.body.body.data).toHaveLength(2);
    expect(page.body.body.data[0]).toEqual(all.body.body.data[2]);
    expect(page.body.body.totalItems).toBe(all.body.body.totalItems);
  });

  it('rejects a page size above 100', async () => {
    const answer = await search({ query: '*', pageSize: 101 });
    expect(answer.status).toBe(400);
    expect(answer.body.header.isSuccessful).toBe(false);
    expect(answer.body.header.resultMessage).toContain('pageSize');
  });

  it('rejects a window longer than 31 days', async () => {
    const now = Date.now();
    const answer = await search({
      query: '*',
      from: new Date(now - 32 * 24 * 60 * 60 * 1000).toISOString(),
      to: new Date(now).toISOString(),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.header.resultMessage).toContain('31 days');
  });

  it('rejects a missing or malformed from', async () => {
    const missing = await harness.raw('POST', `/v3/${logAndCrashAppKey}/logs/search`, {
      body: { query: '*', to: new Date().toISOString() },
      token: testStaticToken,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.header.resultMessage).toContain('from is required');
    const malformed = await search({ query: '*', from: 'yesterday' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.header.resultMessage).toContain('from must be ISO 8601');
  });

  it('rejects an unsupported query', async () => {
    const answer = await search({ query: 'trainingId:"a" OR trainingId:"b"' });
    expect(answer.status).toBe(400);
    expect(answer.body.header.resultMessage).toContain('query');
  });

  it('requires the bearer token', async () => {
    const answer = await search({ query: '*' }, null);
    expect(answer.status).toBe(401);
    expect(answer.body.header.isSuccessful).toBe(false);
  });

  it('rejects another Log & Crash app key', async () => {
    const answer = await harness.raw('POST', '/v3/other/logs/search', {
      body: { query: '*', ...window() },
      token: testStaticToken,
    });
    expect(answer.status).toBe(404);
  });

  it('reports the Log & Crash app key on trainings', async () => {
    const answer = await harness.api('GET', `/trainings/${loggedId}`);
    expect(answer.body.training.logAndCrashAppKey).toBe(logAndCrashAppKey);
  });
});
