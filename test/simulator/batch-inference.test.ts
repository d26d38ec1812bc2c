import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  activeModel,
  advance,
  batchBody,
  objectStorageToken,
  simulatedTenant,
  successHeader,
} from './resource-fixtures.js';
import { type SimulatorHarness, startSimulatorHarness } from './simulator-harness.js';

describe('simulator batch inference create validation', () => {
  let harness: SimulatorHarness;
  let modelId: string;

  beforeAll(async () => {
    harness = await startSimulatorHarness();
    modelId = await activeModel(harness);
  });
  afterAll(async () => {
    await harness.stop();
  });

  const create = (overrides: Record<string, unknown>) =>
    harness.api('POST', '/batch-inferences', { body: batchBody(modelId, overrides) });
  const uri = (length: number) => `obs://h/${'u'.repeat(length - 8)}`;

  const ranges: Array<[string, number, number]> = [
    ['instanceCount', 1, 10],
    ['podCount', 1, 100],
    ['maxBatchSize', 1, 1000],
    ['inferenceTimeoutSeconds', 1, 1200],
    ['dataStorageSize', 300, 10000],
    ['timeoutMinutes', 60, 43200],
  ];

  for (const [field, min, max] of ranges) {
    it(`accepts ${field} ${min} and ${max}`, async () => {
      for (const value of [min, max]) {
        const answer = await create({ [field]: value });
        expect(answer.body.header.resultMessage).toBe('SUCCESS');
      }
    });

    it(`rejects ${field} ${min - 1} and ${max + 1}`, async () => {
      for (const value of [min - 1, max + 1]) {
        const answer = await create({ [field]: value });
        expect(answer.status).toBe(400);
        expect(answer.body.header.resultMessage).toContain(
          `${field} must be between ${min} and ${max}`,
        );
      }
    });
  }

  const accepted: Array<[string, Record<string, unknown>]> = [
    ['a 50-character name', { batchInferenceName: 'n'.repeat(50) }],
    ['JSON input', { inputDataTypeCode: 'JSON' }],
    [
      '255-character URIs and globs',
      {
        inputDataUri: uri(255),
        outputUploadUri: uri(255),
        includeGlobPattern: 'g'.repeat(255),
        excludeGlobPattern: 'g'.repeat(255),
      },
    ],
    ['a nas:// input', { inputDataUri: 'nas://nas01:/batch/input' }],
  ];

  for (const [label, overrides] of accepted) {
    it(`accepts ${label}`, async () => {
      const answer = await create(overrides);
      expect(answer.body.header.resultMessage).toBe('SUCCESS');
      expect(answer.body.batchInference.batchInferenceStatusCode).toBe('CREATE_REQUESTED');
    });
  }

  const rejected: Array<[string, Record<string, unknown>, string]> = [
    [
      'a 51-character name',
      { batchInferenceName: 'n'.repeat(51) },
      'batchInferenceName must be at most 50',
    ],
    ['CSV input', { inputDataTypeCode: 'CSV' }, 'inputDataTypeCode must be JSON or JSONL'],
    ['a 256-character input URI', { inputDataUri: uri(256) }, 'inputDataUri must be at most 255'],
    [
      'a 256-character output URI',
      { outputUploadUri: uri(256) },
      'outputUploadUri must be at most 255',
    ],
    [
      'a 256-character include glob',
      { includeGlobPattern: 'g'.repeat(256) },
      'includeGlobPattern must be at most 255',
    ],
    [
      'a 256-character exclude glob',
      { excludeGlobPattern: 'g'.repeat(256) },
      'excludeGlobPattern must be at most 255',
    ],
    ['an https input', { inputDataUri: 'https://h/input' }, 'must start with obs:// or nas://'],
    ['a missing podCount', { podCount: undefined }, 'podCount is required'],
    ['an unknown model', { modelId: 'nosuchmodel1' }, 'modelId nosuchmodel1 not found'],
  ];

  for (const [label, overrides, message] of rejected) {
    it(`rejects ${label}`, async () => {
      const answer = await create(overrides);
      expect(answer.status).toBe(400);
      expect(answer.body.header.resultMessage).toContain(message);
    });
  }
});

describe('simulator batch inference lifecycle', () => {
  let harness: SimulatorHarness;
  let modelId: string;

  beforeAll(async () => {
    harness = await startSimulatorHarness();
  });
  beforeEach(async () => {
    await harness.control('POST', 'reset');
    modelId = await activeModel(harness);
  });
  afterAll(async () => {
    await harness.stop();
  });

  async function createBatch(overrides: Record<string, unknown> = {}): Promise<string> {
    const answer = await harness.api('POST', '/batch-inferences', {
      body: batchBody(modelId, overrides),
    });
    expect(answer.body.header).toEqual(successHeader);
    return answer.body.batchInference.batchInferenceId as string;
  }

  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON responses.
  async function fetchBatch(id: string): Promise<any> {
    return (await harness.api('GET', `/batch-inferences/${id}`)).body.batchInference;
  }

  async function readObject(path: string) {
    const token = await objectStorageToken(harness);
    return fetch(`${harness.url}/v1/AUTH_${simulatedTenant}/ml-bucket/${path}`, {
      headers: { 'x-auth-token': token },
    });
  }

  it('walks to COMPLETE, counts records and writes the result object', async () => {
    await harness.control('PUT', 'timing', { batchInference: { RUNNING: 60_000 } });
    const id = await createBatch();
    const seen = [(await fetchBatch(id)).batchInferenceStatusCode];
    await advance(harness, 5);
    seen.push((await fetchBatch(id)).batchInferenceStatusCode);
    await advance(harness, 5);
    const running = await fetchBatch(id);
    seen.push(running.batchInferenceStatusCode);
    expect(running.inputFileCount).toBe(2);
    expect(running.inputDataCount).toBe(6);
    expect(running.processCount).toBe(0);

    await advance(harness, 30);
    const halfway = await fetchBatch(id);
    expect(halfway.processCount).toBe(3);
    expect(halfway.success2xxCount).toBe(3);
    expect((await readObject('batch-output/run-1/result.json')).status).toBe(404);

    await advance(harness, 30);
    seen.push((await fetchBatch(id)).batchInferenceStatusCode);
    await advance(harness, 5);
    const done = await fetchBatch(id);
    seen.push(done.batchInferenceStatusCode);
    expect(seen).toEqual([
      'CREATE_REQUESTED',
      'CREATE_IN_PROGRESS',
      'RUNNING',
      'COMPLETE_IN_PROGRESS',
      'COMPLETE',
    ]);
    expect(done.processCount).toBe(6);
    expect(done.success2xxCount).toBe(6);
    expect(done.fail4xxCount).toBe(0);
    expect(done.fail5xxCount).toBe(0);
    expect(done.elapsedTimeSeconds).toBe(60);

    const result = await readObject('batch-output/run-1/result.json');
    expect(result.status).toBe(200);
    const written = (await result.json()) as {
      batchInferenceId: string;
      predictions: number[][];
      success2xxCount: number;
    };
    expect(written.batchInferenceId).toBe(id);
    expect(written.predictions).toHaveLength(6);
    expect(written.success2xxCount).toBe(6);
  });

  it('reads only the files the globs select', async () => {
    const included = await createBatch({
      includeGlobPattern: '*.jsonl',
      excludeGlobPattern: '*-001.jsonl',
    });
    const batch = await fetchBatch(included);
    expect(batch.inputFileCount).toBe(1);
    expect(batch.inputDataCount).toBe(4);
  });

  it('reads one object when the input URI names it', async () => {
    const single = await createBatch({
      inputDataUri: `obs://127.0.0.1/v1/AUTH_${simulatedTenant}/ml-bucket/batch-input/iris-001.jsonl`,
    });
    const batch = await fetchBatch(single);
    expect(batch.inputFileCount).toBe(1);
    expect(batch.inputDataCount).toBe(2);
  });

  it('ends a fail- batch inference in FAIL_BATCH_INFERENCE without a result', async () => {
    const id = await createBatch({ batchInferenceName: 'fail-batch' });
    await advance(harness, 30);
    const failed = await fetchBatch(id);
    expect(failed.batchInferenceStatusCode).toBe('FAIL_BATCH_INFERENCE');
    expect(failed.fail5xxCount).toBe(3);
    expect(failed.success2xxCount).toBe(3);
    expect((await readObject('batch-output/run-1/result.json')).status).toBe(404);
  });

  it('ends a createfail- batch inference in CREATE_FAILED', async () => {
    const id = await createBatch({ batchInferenceName: 'createfail-batch' });
    await advance(harness, 10);
    expect((await fetchBatch(id)).batchInferenceStatusCode).toBe('CREATE_FAILED');
  });

  it('stops a running batch inference and only then deletes it', async () => {
    const id = await createBatch();
    await advance(harness, 11);
    const early = await harness.api('DELETE', `/batch-inferences/${id}`);
    expect(early.status).toBe(409);
    expect(early.body.header.resultMessage).toContain('stop it first');
    const stop = await harness.api('PUT', `/batch-inferences/${id}/stop`);
    expect(stop.body).toEqual({ header: successHeader });
    expect((await fetchBatch(id)).batchInferenceStatusCode).toBe('STOP_IN_PROGRESS');
    await advance(harness, 5);
    expect((await fetchBatch(id)).batchInferenceStatusCode).toBe('STOPPED');
    const deleted = await harness.api('DELETE', `/batch-inferences/${id}`);
    expect(deleted.body).toEqual({ header: successHeader });
    const list = await harness.api('GET', '/batch-inferences');
    expect(list.body.batchInferenceList).toEqual([]);
  });

  it('lists batch inferences with sparse items', async () => {
    const id = await createBatch();
    const list = await harness.api('GET', '/batch-inferences');
    expect(list.body.batchInferenceList).toHaveLength(1);
    expect(list.body.batchInferenceList[0].batchInferenceId).toBe(id);
    expect(list.body.batchInferenceList[0]).not.toHaveProperty('dataStorageList');
    expect(list.body.paging.totalCount).toBe(1);
  });

  it('rejects a model that is not ACTIVE with 409', async () => {
    const pending = await harness.api('POST', '/models', {
      body: {
        modelName: 'pending',
        modelTypeCode: 'TENSORFLOW',
        modelUploadUri: 'obs://h/v1/AUTH_t/c/m',
      },
    });
    const answer = await harness.api('POST', '/batch-inferences', {
      body: batchBody(pending.body.model.modelId),
    });
    expect(answer.status).toBe(409);
  });
});
