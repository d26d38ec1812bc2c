import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SimulatorHarness, startSimulatorHarness, trainingBody } from './simulator-harness.js';

describe('simulator faults and request log', () => {
  let harness: SimulatorHarness;
  let experimentId: string;

  beforeAll(async () => {
    harness = await startSimulatorHarness();
  });
  beforeEach(async () => {
    await harness.control('POST', 'reset');
    experimentId = await harness.activeExperiment('faults');
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('delays the answer of a slow-response fault but creates the training', async () => {
    const queued = await harness.control('POST', 'faults', {
      kind: 'slow-response',
      method: 'POST',
      pathPattern: '*/trainings',
      delayMs: 1500,
      count: 1,
    });
    expect(queued.status).toBe(200);

    const started = Date.now();
    await expect(
      harness.api('POST', '/trainings', {
        body: trainingBody(experimentId, { trainingName: 'slow-one' }),
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1400);

    const list = await harness.api('GET', '/trainings');
    const names = list.body.trainingList.map((item: { trainingName: string }) => item.trainingName);
    expect(names).toEqual(['slow-one']);

    const posts = await harness.control('GET', 'requests?method=POST&pathPattern=*/trainings');
    expect(posts.body.requestList).toHaveLength(1);
  });

  it('delays a matching response', async () => {
    await harness.control('POST', 'faults', {
      kind: 'slow-response',
      method: 'GET',
      pathPattern: '*/flavors',
      delayMs: 400,
      count: 1,
    });
    const started = Date.now();
    const slow = await harness.api('GET', '/flavors');
    expect(slow.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    const fastStarted = Date.now();
    await harness.api('GET', '/flavors');
    expect(Date.now() - fastStarted).toBeLessThan(300);
  });

  it('returns the http-error status and Retry-After', async () => {
    await harness.control('POST', 'faults', {
      kind: 'http-error',
      method: 'GET',
      pathPattern: '*/images',
      status: 503,
      count: 2,
      retryAfterSeconds: 3,
    });
    const first = await harness.api('GET', '/images');
    expect(first.status).toBe(503);
    expect(first.body.header.isSuccessful).toBe(false);
    expect(first.headers.get('retry-after')).toBe('3');
    const second = await harness.api('GET', '/images');
    expect(second.status).toBe(503);
    const third = await harness.api('GET', '/images');
    expect(third.status).toBe(200);

    const logged = await harness.control('GET', 'requests?pathPattern=*/images');
    expect(logged.body.requestList.map((entry: { status: number }) => entry.status)).toEqual([
      503, 503, 200,
    ]);
  });

  it('skips processing on an http-error fault', async () => {
    await harness.control('POST', 'faults', {
      kind: 'http-error',
      method: 'POST',
      pathPattern: '*/trainings',
      status: 500,
      count: 1,
    });
    const answer = await harness.api('POST', '/trainings', { body: trainingBody(experimentId) });
    expect(answer.status).toBe(500);
    const list = await harness.api('GET', '/trainings');
    expect(list.body.trainingList).toEqual([]);
  });

  it('fails the next matching training with a fail-resource fault', async () => {
    await harness.control('POST', 'faults', {
      kind: 'fail-resource',
      resource: 'training',
      namePattern: 'doomed-*',
      status: 'FAIL_TRAIN',
    });
    const spared = await harness.api('POST', '/trainings', {
      body: trainingBody(experimentId, { trainingName: 'spared' }),
    });
    const doomed = await harness.api('POST', '/trainings', {
      body: trainingBody(experimentId, { trainingName: 'doomed-1' }),
    });
    const later = await harness.api('POST', '/trainings', {
      body: trainingBody(experimentId, { trainingName: 'doomed-2' }),
    });
    await harness.control('POST', 'clock', { advanceSeconds: 60 });
    const statusOf = async (answer: { body: { training: { trainingId: string } } }) => {
      const fetched = await harness.api('GET', `/trainings/${answer.body.training.trainingId}`);
      return fetched.body.training.trainingStatusCode;
    };
    expect(await statusOf(spared)).toBe('COMPLETE');
    expect(await statusOf(doomed)).toBe('FAIL_TRAIN');
    expect(await statusOf(later)).toBe('COMPLETE');
  });

  it('fails an experiment with a fail-resource fault', async () => {
    await harness.control('POST', 'faults', {
      kind: 'fail-resource',
      resource: 'experiment',
      status: 'CREATE_FAILED',
    });
    const created = await harness.api('POST', '/experiments', {
      body: { experimentName: 'broken' },
    });
    await harness.control('POST', 'clock', { advanceSeconds: 60 });
    const fetched = await harness.api(
      'GET',
      `/experiments/${created.body.experiment.experimentId}`,
    );
    expect(fetched.body.experiment.experimentStatusCode).toBe('CREATE_FAILED');
  });

  it('rejects an invalid fault', async () => {
    const answer = await harness.control('POST', 'faults', {
      kind: 'http-error',
      method: 'GET',
      pathPattern: '*',
      status: 418,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.header.resultMessage).toContain('status');
    const unknown = await harness.control('POST', 'faults', { kind: 'earthquake' });
    expect(unknown.status).toBe(400);
  });

  it('clears queued faults', async () => {
    await harness.control('POST', 'faults', [
      { kind: 'http-error', method: '*', pathPattern: '*/flavors', status: 429 },
      { kind: 'http-error', method: '*', pathPattern: '*/images', status: 429 },
    ]);
    expect((await harness.control('GET', 'faults')).body.faultList).toHaveLength(2);
    await harness.control('DELETE', 'faults');
    expect((await harness.control('GET', 'faults')).body.faultList).toEqual([]);
    expect((await harness.api('GET', '/flavors')).status).toBe(200);
  });

  it('logs requests with query and redacted bodies', async () => {
    await harness.control('DELETE', 'requests');
    await harness.api('GET', '/experiments?experimentNameList=a&experimentNameList=b');
    await harness.api('POST', '/experiments', {
      body: { experimentName: 'logged', secretAccessKey: 'hunter2' },
    });
    const answer = await harness.control('GET', 'requests');
    const [list, create] = answer.body.requestList;
    expect(answer.body.requestList).toHaveLength(2);
    expect(list.method).toBe('GET');
    expect(list.path).toBe('/v1.0/appkeys/test-appkey/experiments');
    expect(list.query).toEqual({ experimentNameList: ['a', 'b'] });
    expect(Number.isNaN(Date.parse(list.time))).toBe(false);
    expect(create.body.experimentName).toBe('logged');
    expect(create.body.secretAccessKey).toBe('[Redacted]');
    expect(JSON.stringify(answer.body)).not.toContain('hunter2');
    expect(create.status).toBe(200);
  });

  it('leaves control calls out of the request log', async () => {
    await harness.control('DELETE', 'requests');
    await harness.control('GET', 'timing');
    const answer = await harness.control('GET', 'requests');
    expect(answer.body.requestList).toEqual([]);
  });
});
