import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SimulatorHarness, startSimulatorHarness } from './simulator-harness.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const resourceIdPattern = /^[a-z0-9]{12}$/;
const seoulDatetimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/;

describe('simulator lookups', () => {
  let harness: SimulatorHarness;

  beforeAll(async () => {
    harness = await startSimulatorHarness();
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('lists flavors in the list envelope', async () => {
    const answer = await harness.api('GET', '/flavors');
    expect(answer.status).toBe(200);
    expect(answer.body.header).toEqual({
      isSuccessful: true,
      resultCode: 0,
      resultMessage: 'SUCCESS',
    });
    const flavors = answer.body.flavorList;
    expect(answer.body.paging).toEqual({
      totalCount: flavors.length,
      page: 1,
      limit: flavors.length,
    });
    const cpu = flavors.find((flavor: { name: string }) => flavor.name === 'm2.c4m8');
    expect(cpu).toMatchObject({ vcpus: 4, gpuFlavor: false, gpuCount: 0 });
    expect(cpu.id).toMatch(uuidPattern);
    const gpu = flavors.find((flavor: { name: string }) => flavor.name === 'g2.v100.c8m64');
    expect(gpu).toMatchObject({ gpuFlavor: true, gpuCount: 2 });
    for (const key of [
      'id',
      'name',
      'vcpus',
      'ram',
      'disk',
      'gpuFlavor',
      'gpuCount',
      'gpuMemory',
    ]) {
      expect(cpu).toHaveProperty(key);
    }
  });

  it('rejects an unknown flavor groupType', async () => {
    const answer = await harness.api('GET', '/flavors?groupType=NOTEBOOK');
    expect(answer.status).toBe(400);
    expect(answer.body.header.resultMessage).toContain('groupType');
  });

  it('lists images with every published field', async () => {
    const answer = await harness.api('GET', '/images');
    const images = answer.body.imageList;
    expect(images.length).toBeGreaterThanOrEqual(6);
    const image = images.find(
      (item: { imageName: string }) => item.imageName === 'Ubuntu 22.04 CPU TensorFlow Training',
    );
    expect(image).toBeDefined();
    for (const key of [
      'imageId',
      'imageTypeCode',
      'coreTypeCode',
      'frameworkCode',
      'frameworkVersion',
      'pythonVersion',
      'description',
      'groupTypeCode',
    ]) {
      expect(image).toHaveProperty(key);
    }
  });

  it('filters images by groupTypeCodeList', async () => {
    const all = await harness.api('GET', '/images');
    const training = await harness.api('GET', '/images?groupTypeCodeList=TRAINING');
    expect(training.body.imageList.length).toBeGreaterThan(0);
    expect(training.body.imageList.length).toBeLessThan(all.body.imageList.length);
    for (const image of training.body.imageList) {
      expect(image.groupTypeCode).toBe('TRAINING');
    }
  });

  it('lists the three NHN algorithms', async () => {
    const answer = await harness.api('GET', '/algorithms');
    const names = answer.body.algorithmList.map(
      (item: { algorithmName: string }) => item.algorithmName,
    );
    expect(names).toEqual(['Image Classification', 'Object Detection', 'Semantic Segmentation']);
    const algorithm = answer.body.algorithmList[0];
    expect(algorithm.hyperparameterSpecList[0].hyperparameterTypeCode).toMatch(/^[a-z]+$/);
    expect(typeof algorithm.hyperparameterSpecList[0].defaultValue).toBe('string');
    expect(Array.isArray(algorithm.algorithmDatasetSchema)).toBe(true);
  });

  it('seeds 150 images and pages them on request', async () => {
    const images = Array.from({ length: 150 }, (_, index) => ({
      imageName: `bulk image ${index}`,
    }));
    const seeded = await harness.control('POST', 'seed', { images });
    expect(seeded.status).toBe(200);
    const all = await harness.api('GET', '/images');
    expect(all.body.imageList).toHaveLength(156);
    const page = await harness.api('GET', '/images?page=2&limit=50');
    expect(page.body.imageList).toHaveLength(50);
    expect(page.body.paging).toEqual({ totalCount: 156, page: 2, limit: 50 });
    expect(page.body.imageList[0].imageName).toBe('bulk image 44');
  });
});

describe('simulator experiments', () => {
  let harness: SimulatorHarness;

  beforeAll(async () => {
    harness = await startSimulatorHarness();
  });
  beforeEach(async () => {
    await harness.control('POST', 'reset');
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('creates an experiment at CREATE_REQUESTED in the envelope', async () => {
    const answer = await harness.api('POST', '/experiments', {
      body: { experimentName: 'mnist', description: 'digits' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.header.isSuccessful).toBe(true);
    const experiment = answer.body.experiment;
    expect(experiment.experimentId).toMatch(resourceIdPattern);
    expect(experiment.experimentName).toBe('mnist');
    expect(experiment.experimentStatusCode).toBe('CREATE_REQUESTED');
    expect(experiment.description).toBe('digits');
    expect(experiment.appKey).toBe('test-appkey');
    expect(experiment.createdDatetime).toMatch(seoulDatetimePattern);
    expect(experiment.tensorboardAccessUri).toContain(harness.url);
  });

  it('moves an experiment to ACTIVE through CREATE_IN_PROGRESS', async () => {
    const created = await harness.api('POST', '/experiments', {
      body: { experimentName: 'steps' },
    });
    const id = created.body.experiment.experimentId;
    await harness.control('POST', 'clock', { advanceSeconds: 5 });
    const middle = await harness.api('GET', `/experiments/${id}`);
    expect(middle.body.experiment.experimentStatusCode).toBe('CREATE_IN_PROGRESS');
    await harness.control('POST', 'clock', { advanceSeconds: 5 });
    const done = await harness.api('GET', `/experiments/${id}`);
    expect(done.body.experiment.experimentStatusCode).toBe('ACTIVE');
  });

  it('rejects a missing and a 51-character name', async () => {
    const missing = await harness.api('POST', '/experiments', { body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.header.resultMessage).toBe('experimentName is required');
    const long = await harness.api('POST', '/experiments', {
      body: { experimentName: 'e'.repeat(51) },
    });
    expect(long.status).toBe(400);
    expect(long.body.header.resultMessage).toContain('experimentName must be at most 50');
    const description = await harness.api('POST', '/experiments', {
      body: { experimentName: 'ok', description: 'd'.repeat(256) },
    });
    expect(description.status).toBe(400);
  });

  it('rejects a duplicate name with 409', async () => {
    await harness.api('POST', '/experiments', { body: { experimentName: 'twice' } });
    const again = await harness.api('POST', '/experiments', { body: { experimentName: 'twice' } });
    expect(again.status).toBe(409);
    expect(again.body.header.isSuccessful).toBe(false);
  });

  it('filters by experimentNameList, repeated or comma-joined', async () => {
    for (const experimentName of ['alpha', 'beta', 'gamma']) {
      await harness.api('POST', '/experiments', { body: { experimentName } });
    }
    const single = await harness.api('GET', '/experiments?experimentNameList=beta');
    expect(
      single.body.experimentList.map((item: { experimentName: string }) => item.experimentName),
    ).toEqual(['beta']);
    const repeated = await harness.api(
      'GET',
      '/experiments?experimentNameList=alpha&experimentNameList=gamma',
    );
    expect(repeated.body.experimentList).toHaveLength(2);
    const joined = await harness.api('GET', '/experiments?experimentNameList=alpha,beta');
    expect(joined.body.experimentList).toHaveLength(2);
    const none = await harness.api('GET', '/experiments?experimentNameList=delta');
    expect(none.body.experimentList).toEqual([]);
    expect(none.body.paging.totalCount).toBe(0);
  });

  it('filters by experimentIdList', async () => {
    const created = await harness.api('POST', '/experiments', {
      body: { experimentName: 'by-id' },
    });
    await harness.api('POST', '/experiments', { body: { experimentName: 'other' } });
    const id = created.body.experiment.experimentId;
    const answer = await harness.api('GET', `/experiments?experimentIdList=${id}`);
    expect(answer.body.experimentList).toHaveLength(1);
    expect(answer.body.experimentList[0].experimentId).toBe(id);
  });

  it('returns 404 for an unknown experiment', async () => {
    const answer = await harness.api('GET', '/experiments/zzzzzzzzzzzz');
    expect(answer.status).toBe(404);
    expect(answer.body.header.resultMessage).toContain('zzzzzzzzzzzz');
  });

  it('deletes an experiment with a header-only envelope', async () => {
    const id = await harness.activeExperiment('to-delete');
    const answer = await harness.api('DELETE', `/experiments/${id}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      header: { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' },
    });
    const after = await harness.api('GET', `/experiments/${id}`);
    expect(after.status).toBe(404);
  });

  it('seeds 500 active experiments', async () => {
    const experiments = Array.from({ length: 500 }, (_, index) => ({
      experimentName: `bulk-${index}`,
    }));
    await harness.control('POST', 'seed', { experiments });
    const answer = await harness.api('GET', '/experiments');
    expect(answer.body.experimentList).toHaveLength(500);
    expect(answer.body.experimentList[0].experimentStatusCode).toBe('ACTIVE');
    const named = await harness.api('GET', '/experiments?experimentNameList=bulk-321');
    expect(named.body.experimentList).toHaveLength(1);
  });
});
