import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { activePipeline, advance, runBody, successHeader } from './resource-fixtures.js';
import { type SimulatorHarness, startSimulatorHarness } from './simulator-harness.js';

describe('simulator pipeline run create validation', () => {
  let harness: SimulatorHarness;
  let pipelineId: string;
  let experimentId: string;

  beforeAll(async () => {
    harness = await startSimulatorHarness();
    pipelineId = await activePipeline(harness);
    experimentId = await harness.activeExperiment('run-validation');
  });
  afterAll(async () => {
    await harness.stop();
  });

  const create = (overrides: Record<string, unknown>) =>
    harness.api('POST', '/pipeline-runs', { body: runBody(pipelineId, experimentId, overrides) });
  const nas = (count: number, fields: Record<string, unknown> = {}) => ({
    nasList: Array.from({ length: count }, (_, index) => ({
      mountDirName: `mount${index}`,
      nasUri: `nas://nas01:/data/${index}`,
      ...fields,
    })),
  });
  const periodic = { schedulePeriodicMinutes: 60 };

  const accepted: Array<[string, Record<string, unknown>, string]> = [
    ['a 50-character name', { pipelineRunOrRecurringRunName: 'n'.repeat(50) }, 'pipelineRun'],
    ['instanceCount 1', { instanceCount: 1 }, 'pipelineRun'],
    ['instanceCount 10', { instanceCount: 10 }, 'pipelineRun'],
    ['bootStorageSize 50', { bootStorageSize: 50 }, 'pipelineRun'],
    ['10 NAS mounts', nas(10), 'pipelineRun'],
    ['a 64-character mount name', nas(1, { mountDirName: 'm'.repeat(64) }), 'pipelineRun'],
    [
      'a 255-character NAS URI',
      nas(1, { nasUri: `nas://nas01:/${'p'.repeat(242)}` }),
      'pipelineRun',
    ],
    ['a periodic schedule', periodic, 'pipelineRecurringRun'],
    ['a periodic schedule as a string', { schedulePeriodicMinutes: '30' }, 'pipelineRecurringRun'],
    [
      'a six-field cron schedule',
      { scheduleCronExpression: '0 0 * * * ?' },
      'pipelineRecurringRun',
    ],
    [
      'a cron schedule with names and steps',
      { scheduleCronExpression: '0 */15 9-17 ? JAN-DEC MON-FRI' },
      'pipelineRecurringRun',
    ],
    ['maxConcurrencyCount 1', { ...periodic, maxConcurrencyCount: 1 }, 'pipelineRecurringRun'],
    ['maxConcurrencyCount 10', { ...periodic, maxConcurrencyCount: 10 }, 'pipelineRecurringRun'],
    [
      'start and end times with offsets',
      {
        ...periodic,
        scheduleStartDatetime: '2030-01-01T00:00:00+09:00',
        scheduleEndDatetime: '2030-01-02T00:00:00Z',
      },
      'pipelineRecurringRun',
    ],
  ];

  for (const [label, overrides, key] of accepted) {
    it(`accepts ${label} as ${key}`, async () => {
      const answer = await create(overrides);
      expect(answer.body.header.resultMessage).toBe('SUCCESS');
      expect(answer.body).toHaveProperty(key);
      expect(Object.keys(answer.body)).toHaveLength(2);
    });
  }

  const rejected: Array<[string, Record<string, unknown>, string]> = [
    [
      'a 51-character name',
      { pipelineRunOrRecurringRunName: 'n'.repeat(51) },
      'must be at most 50',
    ],
    ['instanceCount 0', { instanceCount: 0 }, 'instanceCount must be between 1 and 10'],
    ['instanceCount 11', { instanceCount: 11 }, 'instanceCount must be between 1 and 10'],
    ['bootStorageSize 49', { bootStorageSize: 49 }, 'bootStorageSize must be 50 or more'],
    ['11 NAS mounts', nas(11), 'nasList must contain at most 10'],
    [
      'a 65-character mount name',
      nas(1, { mountDirName: 'm'.repeat(65) }),
      'mountDirName must be at most 64',
    ],
    [
      'a 256-character NAS URI',
      nas(1, { nasUri: `nas://nas01:/${'p'.repeat(243)}` }),
      'nasUri must be at most 255',
    ],
    [
      'a NAS URI without the colon',
      nas(1, { nasUri: 'nas://nas01/data' }),
      'nas://{NAS ID}:/{path}',
    ],
    [
      'no experiment',
      { experimentId: undefined },
      'experimentId is required unless experimentName',
    ],
    [
      'an unknown parameter',
      {
        parameterList: [
          { parameterName: 'lr', parameterValue: '1' },
          { parameterName: 'dataset', parameterValue: 'x' },
        ],
      },
      'does not have: lr',
    ],
    ['a missing required parameter', { parameterList: [] }, 'missing required parameters: dataset'],
    ['both schedule fields', { ...periodic, scheduleCronExpression: '0 0 * * * ?' }, 'not both'],
    ['a five-field cron', { scheduleCronExpression: '0 * * * *' }, 'must have 6 fields'],
    ['a cron minute of 60', { scheduleCronExpression: '0 60 * * * ?' }, 'invalid minute field'],
    [
      'schedulePeriodicMinutes 0',
      { schedulePeriodicMinutes: 0 },
      'schedulePeriodicMinutes must be 1 or more',
    ],
    [
      'maxConcurrencyCount 0',
      { ...periodic, maxConcurrencyCount: 0 },
      'maxConcurrencyCount must be between 1 and 10',
    ],
    [
      'maxConcurrencyCount 11',
      { ...periodic, maxConcurrencyCount: 11 },
      'maxConcurrencyCount must be between 1 and 10',
    ],
    [
      'a start time without offset',
      { ...periodic, scheduleStartDatetime: '2030-01-01T00:00:00' },
      'with an offset',
    ],
    [
      'an end before the start',
      {
        ...periodic,
        scheduleStartDatetime: '2030-01-02T00:00:00+09:00',
        scheduleEndDatetime: '2030-01-01T00:00:00+09:00',
      },
      'scheduleEndDatetime must be after scheduleStartDatetime',
    ],
    [
      'an end in the past',
      { ...periodic, scheduleEndDatetime: '2001-01-01T00:00:00Z' },
      'must be in the future',
    ],
    [
      'schedule settings without a schedule',
      { maxConcurrencyCount: 2 },
      'needs scheduleCronExpression or schedulePeriodicMinutes',
    ],
    ['an unknown pipeline', { pipelineId: 'nosuchpipeli' }, 'pipelineId nosuchpipeli not found'],
  ];

  for (const [label, overrides, message] of rejected) {
    it(`rejects ${label}`, async () => {
      const answer = await create(overrides);
      expect(answer.status).toBe(400);
      expect(answer.body.header.resultMessage).toContain(message);
    });
  }
});

describe('simulator pipeline run lifecycle', () => {
  let harness: SimulatorHarness;
  let pipelineId: string;
  let experimentId: string;

  beforeAll(async () => {
    harness = await startSimulatorHarness();
  });
  beforeEach(async () => {
    await harness.control('POST', 'reset');
    pipelineId = await activePipeline(harness);
    experimentId = await harness.activeExperiment('runs');
  });
  afterAll(async () => {
    await harness.stop();
  });

  async function createRun(overrides: Record<string, unknown> = {}) {
    const answer = await harness.api('POST', '/pipeline-runs', {
      body: runBody(pipelineId, experimentId, overrides),
    });
    expect(answer.body.header).toEqual(successHeader);
    return answer.body;
  }

  async function runStatus(id: string): Promise<string> {
    return (await harness.api('GET', `/pipeline-runs/${id}`)).body.pipelineRun
      .pipelineRunStatusCode;
  }

  async function walk(id: string, steps: number): Promise<string[]> {
    const seen = [await runStatus(id)];
    for (let step = 0; step < steps; step += 1) {
      await advance(harness, 5);
      seen.push(await runStatus(id));
    }
    return seen;
  }

  it('walks a run to COMPLETE with start and finish times', async () => {
    const { pipelineRun } = await createRun();
    expect(pipelineRun.pipeline).toEqual({ pipelineId, pipelineName: 'train-pipeline' });
    expect(pipelineRun.experiment).toEqual({ experimentId, experimentName: 'runs' });
    expect(pipelineRun.bootStorage).toEqual({ storageSize: 50 });
    expect(pipelineRun.pipelineRecurringRun).toBeNull();
    expect(pipelineRun.startedDatetime).toBeNull();
    expect(await walk(pipelineRun.pipelineRunId, 4)).toEqual([
      'CREATE_REQUESTED',
      'CREATE_IN_PROGRESS',
      'RUNNING',
      'COMPLETE_IN_PROGRESS',
      'COMPLETE',
    ]);
    const done = (await harness.api('GET', `/pipeline-runs/${pipelineRun.pipelineRunId}`)).body
      .pipelineRun;
    expect(done.startedDatetime).toMatch(/\+09:00$/);
    expect(done.finishedDatetime).toMatch(/\+09:00$/);
    expect(done.elapsedTimeSeconds).toBe(5);
    const list = await harness.api('GET', '/pipeline-runs');
    expect(list.body.pipelineRunList).toHaveLength(1);
  });

  it('ends fail- and createfail- runs in their failure statuses', async () => {
    const failed = await createRun({ pipelineRunOrRecurringRunName: 'fail-run' });
    const broken = await createRun({ pipelineRunOrRecurringRunName: 'createfail-run' });
    expect(await walk(failed.pipelineRun.pipelineRunId, 4)).toEqual([
      'CREATE_REQUESTED',
      'CREATE_IN_PROGRESS',
      'RUNNING',
      'FAIL_PIPELINE_RUN_IN_PROGRESS',
      'FAIL_PIPELINE_RUN',
    ]);
    expect(await runStatus(broken.pipelineRun.pipelineRunId)).toBe('CREATE_FAILED');
  });

  it('stops a running run and only then deletes it', async () => {
    const { pipelineRun } = await createRun();
    const id = pipelineRun.pipelineRunId;
    await advance(harness, 11);
    const early = await harness.api('DELETE', `/pipeline-runs/${id}`);
    expect(early.status).toBe(409);
    expect(early.body.header.resultMessage).toContain('stop it first');
    expect((await harness.api('DELETE', `/experiments/${experimentId}`)).status).toBe(409);
    expect((await harness.api('PUT', `/pipeline-runs/${id}/stop`)).body).toEqual({
      header: successHeader,
    });
    expect(await walk(id, 1)).toEqual(['STOP_IN_PROGRESS', 'STOPPED']);
    expect((await harness.api('DELETE', `/pipeline-runs/${id}`)).body).toEqual({
      header: successHeader,
    });
  });

  it('creates the experiment named by experimentName', async () => {
    const { pipelineRun } = await createRun({ experimentId: undefined, experimentName: 'fresh' });
    expect(pipelineRun.experiment.experimentName).toBe('fresh');
    const found = await harness.api('GET', '/experiments?experimentNameList=fresh');
    expect(found.body.experimentList).toHaveLength(1);
    expect(found.body.experimentList[0].experimentStatusCode).toBe('ACTIVE');
    const again = await createRun({ experimentId: undefined, experimentName: 'fresh' });
    expect(again.pipelineRun.experiment.experimentId).toBe(pipelineRun.experiment.experimentId);
  });

  it('creates a recurring run that stops and starts', async () => {
    const body = await createRun({
      pipelineRunOrRecurringRunName: 'hourly',
      scheduleCronExpression: '0 0 * * * ?',
      useCatchup: false,
    });
    expect(body).not.toHaveProperty('pipelineRun');
    const schedule = body.pipelineRecurringRun;
    const id = schedule.pipelineRecurringRunId;
    expect(schedule.pipelineRecurringRunName).toBe('hourly');
    expect(schedule.pipelineRecurringRunStatusCode).toBe('CREATE_REQUESTED');
    expect(schedule.scheduleCronExpression).toBe('0 0 * * * ?');
    expect(schedule.schedulePeriodicMinutes).toBeNull();
    expect(schedule.maxConcurrencyCount).toBe(1);
    expect(schedule.useCatchup).toBe(false);

    const status = async () =>
      (await harness.api('GET', `/pipeline-recurring-runs/${id}`)).body.pipelineRecurringRun
        .pipelineRecurringRunStatusCode;
    const early = await harness.api('PUT', `/pipeline-recurring-runs/${id}/stop`);
    expect(early.status).toBe(409);
    await advance(harness, 5);
    expect(await status()).toBe('ENABLED');
    expect((await harness.api('PUT', `/pipeline-recurring-runs/${id}/start`)).status).toBe(409);
    expect((await harness.api('PUT', `/pipeline-recurring-runs/${id}/stop`)).body).toEqual({
      header: successHeader,
    });
    expect(await status()).toBe('DISABLED');
    expect((await harness.api('PUT', `/pipeline-recurring-runs/${id}/start`)).body).toEqual({
      header: successHeader,
    });
    expect(await status()).toBe('ENABLED');
    const list = await harness.api('GET', '/pipeline-recurring-runs');
    expect(list.body.pipelineRecurringRunList).toHaveLength(1);
  });

  it('starts runs on a periodic schedule and guards its deletion', async () => {
    const body = await createRun({
      pipelineRunOrRecurringRunName: 'every10',
      schedulePeriodicMinutes: 10,
    });
    const id = body.pipelineRecurringRun.pipelineRecurringRunId;
    await advance(harness, 9 * 60);
    expect((await harness.api('GET', '/pipeline-runs')).body.pipelineRunList).toEqual([]);

    await advance(harness, 60);
    const started = (await harness.api('GET', '/pipeline-runs')).body.pipelineRunList;
    expect(started).toHaveLength(1);
    expect(started[0].pipelineRunName).toBe('every10-1');
    expect(started[0].pipelineRecurringRun).toEqual({
      pipelineRecurringRunId: id,
      pipelineRecurringRunName: 'every10',
    });
    const blocked = await harness.api('DELETE', `/pipeline-recurring-runs/${id}`);
    expect(blocked.status).toBe(409);
    expect(blocked.body.header.resultMessage).toContain('in progress');
    expect((await harness.api('DELETE', `/experiments/${experimentId}`)).status).toBe(409);

    await advance(harness, 25 * 60);
    const later = (await harness.api('GET', '/pipeline-runs')).body.pipelineRunList;
    expect(later.map((run: { pipelineRunName: string }) => run.pipelineRunName)).toEqual([
      'every10-3',
      'every10-2',
      'every10-1',
    ]);
    expect((await harness.api('DELETE', `/pipeline-recurring-runs/${id}`)).body).toEqual({
      header: successHeader,
    });
  });

  it('skips a due run while maxConcurrencyCount runs are going', async () => {
    await harness.control('PUT', 'timing', { pipelineRun: { RUNNING: 30 * 60_000 } });
    await createRun({ pipelineRunOrRecurringRunName: 'busy', schedulePeriodicMinutes: 10 });
    const names = async () =>
      (await harness.api('GET', '/pipeline-runs')).body.pipelineRunList.map(
        (run: { pipelineRunName: string }) => run.pipelineRunName,
      );
    // busy-1 starts at minute 10 and runs until about minute 40, so minutes 20-40 are skipped.
    await advance(harness, 35 * 60);
    expect(await names()).toEqual(['busy-1']);
    await advance(harness, 20 * 60);
    expect(await names()).toEqual(['busy-2', 'busy-1']);
  });

  it('starts only the latest due run without catch-up', async () => {
    await createRun({
      pipelineRunOrRecurringRunName: 'latest',
      schedulePeriodicMinutes: 10,
      useCatchup: false,
    });
    await advance(harness, 35 * 60);
    const runs = (await harness.api('GET', '/pipeline-runs')).body.pipelineRunList;
    expect(runs).toHaveLength(1);
    const schedule = (await harness.api('GET', '/pipeline-recurring-runs')).body
      .pipelineRecurringRunList[0];
    const startedAfterMs =
      Date.parse(runs[0].createdDatetime) - Date.parse(schedule.createdDatetime);
    expect(startedAfterMs).toBe(30 * 60_000);
  });

  it('ends a createfail- recurring run in CREATE_FAILED', async () => {
    const body = await createRun({
      pipelineRunOrRecurringRunName: 'createfail-schedule',
      schedulePeriodicMinutes: 10,
    });
    await advance(harness, 5);
    const fetched = await harness.api(
      'GET',
      `/pipeline-recurring-runs/${body.pipelineRecurringRun.pipelineRecurringRunId}`,
    );
    expect(fetched.body.pipelineRecurringRun.pipelineRecurringRunStatusCode).toBe('CREATE_FAILED');
  });
});
