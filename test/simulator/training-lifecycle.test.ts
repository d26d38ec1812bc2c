import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SimulatorHarness, startSimulatorHarness, trainingBody } from './simulator-harness.js';

describe('simulator training lifecycle', () => {
  let harness: SimulatorHarness;
  let experimentId: string;

  beforeAll(async () => {
    harness = await startSimulatorHarness();
  });
  beforeEach(async () => {
    await harness.control('POST', 'reset');
    experimentId = await harness.activeExperiment('lifecycle');
  });
  afterAll(async () => {
    await harness.stop();
  });

  async function createTraining(overrides: Record<string, unknown> = {}): Promise<string> {
    const answer = await harness.api('POST', '/trainings', {
      body: trainingBody(experimentId, overrides),
    });
    expect(answer.status).toBe(200);
    return answer.body.training.trainingId as string;
  }

  async function statusOf(trainingId: string): Promise<string> {
    const answer = await harness.api('GET', `/trainings/${trainingId}`);
    return answer.body.training.trainingStatusCode as string;
  }

  /** Advances the clock one step at a time and returns the status seen after each step. */
  async function walk(trainingId: string, steps: number): Promise<string[]> {
    const seen = [await statusOf(trainingId)];
    for (let step = 0; step < steps; step += 1) {
      await harness.control('POST', 'clock', { advanceSeconds: 5 });
      seen.push(await statusOf(trainingId));
    }
    return seen;
  }

  it('returns every field of the training object on create', async () => {
    const answer = await harness.api('POST', '/trainings', { body: trainingBody(experimentId) });
    const training = answer.body.training;

    expect(training.trainingId).toMatch(/^[a-z0-9]{12}$/);
    expect(training.trainingStatusCode).toBe('CREATE_REQUESTED');
    expect(training.experiment).toEqual({ experimentId, experimentName: 'lifecycle' });
    expect(training.flavor.name).toBe('m2.c4m8');
    expect(training.image.imageName).toBe('Ubuntu 22.04 CPU TensorFlow Training');
    expect(training.algorithm).toBeNull();

    expect(training.bootStorage).toEqual({ storageSize: 50 });
    expect(training.dataStorageList).toEqual([{ storageSize: 300 }]);
    expect(training.hyperparameterList).toEqual([{ parameterName: 'epochs', parameterValue: '3' }]);
    expect(training.instanceCount).toBe(1);
    expect(training.timeoutMinutes).toBe(600);
    expect(training.elapsedTimeSeconds).toBe(0);
    expect(typeof training.logAndCrashAppKey).toBe('string');
    expect(training.createdDatetime).toMatch(/\+09:00$/);

    for (const key of [
      'nprocPerNode',
      'sourceDirUri',
      'entryPoint',
      'modelUploadUri',
      'checkPointInputUri',
      'checkPointUploadUri',
      'tensorboardAccessUri',
      'tensorboardAccessPath',
      'datasetList',
      'modelList',
      'description',
      'appKey',
    ]) {
      expect(training).toHaveProperty(key);
    }
  });

  it('lists trainings with sparse items', async () => {
    const trainingId = await createTraining();
    const answer = await harness.api('GET', '/trainings');
    expect(answer.body.trainingList).toHaveLength(1);
    const item = answer.body.trainingList[0];
    expect(item.trainingId).toBe(trainingId);
    expect(item.flavor).toEqual({ id: expect.any(String), gpuFlavor: false });
    expect(item).not.toHaveProperty('dataStorageList');
    expect(answer.body.paging.totalCount).toBe(1);
  });

  it('walks a training to COMPLETE one step per 5 seconds', async () => {
    const trainingId = await createTraining();
    expect(await walk(trainingId, 4)).toEqual([
      'CREATE_REQUESTED',
      'CREATE_IN_PROGRESS',
      'RUNNING',
      'COMPLETE_IN_PROGRESS',
      'COMPLETE',
    ]);
  });

  it('grows elapsedTimeSeconds only while RUNNING', async () => {
    const trainingId = await createTraining();
    await harness.control('POST', 'clock', { advanceSeconds: 12 });
    const running = await harness.api('GET', `/trainings/${trainingId}`);
    expect(running.body.training.trainingStatusCode).toBe('RUNNING');
    expect(running.body.training.elapsedTimeSeconds).toBe(2);
    await harness.control('POST', 'clock', { advanceSeconds: 60 });
    const done = await harness.api('GET', `/trainings/${trainingId}`);
    expect(done.body.training.trainingStatusCode).toBe('COMPLETE');
    expect(done.body.training.elapsedTimeSeconds).toBe(5);
  });

  it('ends a fail- training in FAIL_TRAIN', async () => {
    const trainingId = await createTraining({ trainingName: 'fail-demo' });
    expect(await walk(trainingId, 4)).toEqual([
      'CREATE_REQUESTED',
      'CREATE_IN_PROGRESS',
      'RUNNING',
      'FAIL_TRAIN_IN_PROGRESS',
      'FAIL_TRAIN',
    ]);
  });

  it('ends a createfail- training in CREATE_FAILED', async () => {
    const trainingId = await createTraining({ trainingName: 'createfail-demo' });
    expect(await walk(trainingId, 3)).toEqual([
      'CREATE_REQUESTED',
      'CREATE_IN_PROGRESS',
      'CREATE_FAILED',
      'CREATE_FAILED',
    ]);
  });

  it('stops a running training', async () => {
    const trainingId = await createTraining();
    await harness.control('POST', 'clock', { advanceSeconds: 11 });
    expect(await statusOf(trainingId)).toBe('RUNNING');
    const stop = await harness.api('PUT', `/trainings/${trainingId}/stop`);
    expect(stop.status).toBe(200);
    expect(stop.body).toEqual({
      header: { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' },
    });
    expect(await walk(trainingId, 2)).toEqual(['STOP_IN_PROGRESS', 'STOPPED', 'STOPPED']);
  });

  it('rejects stopping a finished training with 409', async () => {
    const trainingId = await createTraining();
    await harness.control('POST', 'clock', { advanceSeconds: 60 });
    const stop = await harness.api('PUT', `/trainings/${trainingId}/stop`);
    expect(stop.status).toBe(409);
    expect(stop.body.header.resultMessage).toContain('COMPLETE');
  });

  it('rejects deleting a running training until it is stopped', async () => {
    const trainingId = await createTraining();
    await harness.control('POST', 'clock', { advanceSeconds: 11 });
    const early = await harness.api('DELETE', `/trainings/${trainingId}`);
    expect(early.status).toBe(409);
    expect(early.body.header.isSuccessful).toBe(false);
    expect(early.body.header.resultMessage).toContain('stop it first');

    await harness.api('PUT', `/trainings/${trainingId}/stop`);
    await harness.control('POST', 'clock', { advanceSeconds: 5 });
    const deleted = await harness.api('DELETE', `/trainings/${trainingId}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({
      header: { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' },
    });
    const afterDelete = await harness.api('GET', `/trainings/${trainingId}`);
    expect(afterDelete.status).toBe(404);
  });

  it('rejects deleting an experiment with a training in progress', async () => {
    await createTraining();
    const answer = await harness.api('DELETE', `/experiments/${experimentId}`);
    expect(answer.status).toBe(409);
  });

  it('holds a training in RUNNING with a long step', async () => {
    await harness.control('PUT', 'timing', { training: { RUNNING: 3_600_000 } });
    const trainingId = await createTraining();
    await harness.control('POST', 'clock', { advanceSeconds: 600 });
    expect(await statusOf(trainingId)).toBe('RUNNING');
    await harness.control('POST', 'clock', { advanceSeconds: 3600 });
    expect(await statusOf(trainingId)).toBe('COMPLETE');
  });

  it('rejects an invalid timing body', async () => {
    const answer = await harness.control('PUT', 'timing', { training: { RUNNING: -1 } });
    expect(answer.status).toBe(400);
    const unknown = await harness.control('PUT', 'timing', { training: { COMPLETE: 5 } });
    expect(unknown.status).toBe(400);
  });
});

describe('simulator speed factor', () => {
  let harness: SimulatorHarness;

  beforeAll(async () => {
    harness = await startSimulatorHarness({ speed: 50 });
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('completes a training in real time at high speed', async () => {
    const experimentId = await harness.activeExperiment('fast');
    const created = await harness.api('POST', '/trainings', { body: trainingBody(experimentId) });
    const trainingId = created.body.training.trainingId;
    const seen = new Set<string>();
    const deadline = Date.now() + 5000;
    let status = '';
    while (status !== 'COMPLETE' && Date.now() < deadline) {
      const answer = await harness.api('GET', `/trainings/${trainingId}`);
      status = answer.body.training.trainingStatusCode;
      seen.add(status);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(status).toBe('COMPLETE');
    expect(seen.has('RUNNING')).toBe(true);
  });
});
