import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { matchesGlob } from '../../src/simulator/glob.js';
import { createSimulator, type Simulator } from '../../src/simulator/simulator-server.js';

function rawGet(url: string, path: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = request({ hostname, port, path, method: 'GET' }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('simulator under hostile requests', () => {
  let simulator: Simulator;

  beforeAll(async () => {
    simulator = createSimulator({ port: 0, logger: createLogger('silent') });
    await simulator.start();
  });

  afterAll(async () => {
    await simulator.stop();
  });

  it('answers a path starting with // with 400 and stays up', async () => {
    expect(await rawGet(simulator.url, '//v1.0/appkeys/simulator-appkey/trainings')).toBe(400);
    expect(await rawGet(simulator.url, '/nhn-api-gateway')).toBe(200);
  });

  it('filters the request log by a glob of many stars at once', async () => {
    const started = Date.now();
    const response = await fetch(
      `${simulator.url}/_simulator/requests?pathPattern=${'*'.repeat(40)}x`,
    );
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('matchesGlob', () => {
  it('matches stars across slashes', () => {
    expect(matchesGlob('*/trainings', '/v1.0/appkeys/abc/trainings')).toBe(true);
    expect(matchesGlob('*/trainings', '/v1.0/appkeys/abc/trainings/xyz')).toBe(false);
  });

  it('matches literal characters only', () => {
    expect(matchesGlob('a.b', 'a.b')).toBe(true);
    expect(matchesGlob('a.b', 'axb')).toBe(false);
  });

  it('stays fast with many stars and no match', () => {
    const started = Date.now();
    expect(matchesGlob(`${'*a'.repeat(30)}x`, 'a'.repeat(5000))).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
