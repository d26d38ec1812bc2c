import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { advance, successHeader, tuningBody } from './resource-fixtures.js';
import { type SimulatorHarness, startSimulatorHarness } from './simulator-harness.js';

describe('simulator tuning lifecycle', () => {
  let harness: SimulatorHarness;
  let experimentId: string;

  beforeAll(async () => {
    harness = await startSimulatorHarness();
  });
  beforeEach(async () => {
    await harness.control('POST', 'reset');
    experimentId = await harness.activeExperiment('tuning');
  });
  afterAll(async () => {
    await harness.stop();
  });

  async function createTuning(overrides: Record<string, unknown> = {}): Promise<string> {
    const answer = await harness.api('POST', '/hyperparameter-tunings', {
      body: tuningBody(experimentId, overrides),
    });
    expect(answer.status).toBe(200);
    return answer.body.hyperparameterTuning.hyperparameterTuningId as string;
  }

  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON responses.
  async function fetchTuning(id: string): Promise<any> {
    const answer = await harness.api('GET', `/hyperparameter-tunings/${id}`);
    return answer.body.hyperparameterTuning;
  }

  async function walk(id: string, steps: number): Promise<string[]> {
    const seen = [(await fetchTuning(id)).hyperparameterTuningStatusCode];
    for (let step = 0; step < steps; step += 1) {
      await advance(harness, 5);
      seen.push((await fetchTuning(id)).hyperparameterTuningStatusCode);
    }
    return seen;
  }

  it('answers with the tuning envelope keys', async () => {
    const created = await harness.api('POST', '/hyperparameter-tunings', {
      body: tuningBody(experimentId),
    });
    expect(created.body.header).toEqual(successHeader);
    const tuning = created.body.hyperparameterTuning;
    expect(tuning.hyperparameterTuningId).toMatch(/^[a-z0-9]{12}$/);
    expect(tuning.objectiveMetricName).toBe('accuracy');
    expect(tuning).not.toHaveProperty('objectiveMetric');
    expect(tuning.experiment).toEqual({ experimentId, experimentName: 'tuning' });
    expect(tuning.hyperparameterSpecList[1].hyperparameterTypeCode).toBe('categorical');
    expect(tuning.successfulTrialCount).toBe(0);
    expect(tuning.optimalTrial).toBeNull();

    const list = await harness.api('GET', '/hyperparameter-tunings');
    expect(list.body.hyperparameterTuningList).toHaveLength(1);
    expect(list.body.hyperparameterTuningList[0].flavor).toEqual({
      id: expect.any(String),
      gpuFlavor: false,
    });
    expect(list.body.hyperparameterTuningList[0]).not.toHaveProperty('dataStorageList');
    expect(list.body.paging).toEqual({ totalCount: 1, page: 1, limit: 1 });
  });

  it('walks a tuning to COMPLETE', async () => {
    const id = await createTuning();
    expect(await walk(id, 4)).toEqual([
      'CREATE_REQUESTED',
      'CREATE_IN_PROGRESS',
      'RUNNING',
      'COMPLETE_IN_PROGRESS',
      'COMPLETE',
    ]);
    const done = await fetchTuning(id);
    expect(done.hyperparameterTuningStatusReason).toBe('MaxTrialsReached');
    expect(done.successfulTrialCount).toBe(7);
    expect(done.failedTrialCount).toBe(1);
    expect(done.runningTrialCount).toBe(0);
    expect(done.elapsedTimeSeconds).toBe(5);
  });

  it('grows trial counts and improves the optimal trial while RUNNING', async () => {
    await harness.control('PUT', 'timing', { hyperparameterTuning: { RUNNING: 80_000 } });
    const id = await createTuning();
    await advance(harness, 10);
    const start = await fetchTuning(id);
    expect(start.hyperparameterTuningStatusCode).toBe('RUNNING');
    expect(start.runningTrialCount).toBe(2);
    expect(start.successfulTrialCount).toBe(0);

    await advance(harness, 25);
    const early = await fetchTuning(id);
    expect(early.successfulTrialCount).toBe(2);
    expect(early.runningTrialCount).toBe(2);

    await advance(harness, 40);
    const late = await fetchTuning(id);
    expect(late.successfulTrialCount).toBe(6);
    expect(late.failedTrialCount).toBe(0);
    expect(late.runningTrialCount).toBe(2);

    const objective = (tuning: { optimalTrial: { trialMetricList: unknown[] } }) => {
      const metrics = tuning.optimalTrial.trialMetricList as Array<Record<string, string>>;
      const accuracy = metrics.find((metric) => metric.trialMetricName === 'accuracy');
      return Number(accuracy?.trialMetricLatestValue);
    };
    expect(objective(late)).toBeGreaterThan(objective(early));
    expect(late.optimalTrialId).toBe(late.optimalTrial.trialId);
    expect(
      late.optimalTrial.hyperparameterList.map((p: { parameterName: string }) => p.parameterName),
    ).toEqual(['learning_rate', 'optimizer']);
    expect(late.optimalTrial.trialMetricList).toHaveLength(2);
  });

  it('reports the same trials for the same body', async () => {
    const first = await createTuning();
    const second = await createTuning();
    await advance(harness, 60);
    const [one, two] = [await fetchTuning(first), await fetchTuning(second)];
    expect(one.optimalTrial.trialMetricList).toEqual(two.optimalTrial.trialMetricList);
    expect(one.optimalTrial.hyperparameterList).toEqual(two.optimalTrial.hyperparameterList);
    expect(one.optimalTrialId).not.toBe(two.optimalTrialId);
  });

  it('reports GoalReached when the best trial meets the goal', async () => {
    const id = await createTuning({ objectiveGoal: 0.5 });
    await advance(harness, 60);
    expect((await fetchTuning(id)).hyperparameterTuningStatusReason).toBe('GoalReached');
  });

  it('ends a fail- tuning in FAIL_HYPERPARAMETER_TUNING', async () => {
    const id = await createTuning({ hyperparameterTuningName: 'fail-tune' });
    expect(await walk(id, 4)).toEqual([
      'CREATE_REQUESTED',
      'CREATE_IN_PROGRESS',
      'RUNNING',
      'FAIL_HYPERPARAMETER_TUNING_IN_PROGRESS',
      'FAIL_HYPERPARAMETER_TUNING',
    ]);
    const failed = await fetchTuning(id);
    expect(failed.failedTrialCount).toBe(8);
    expect(failed.successfulTrialCount).toBe(0);
    expect(failed.optimalTrial).toBeNull();
  });

  it('ends a createfail- tuning in CREATE_FAILED', async () => {
    const id = await createTuning({ hyperparameterTuningName: 'createfail-tune' });
    expect(await walk(id, 2)).toEqual(['CREATE_REQUESTED', 'CREATE_IN_PROGRESS', 'CREATE_FAILED']);
  });

  it('stops a running tuning and keeps its trial counts', async () => {
    await harness.control('PUT', 'timing', { hyperparameterTuning: { RUNNING: 80_000 } });
    const id = await createTuning();
    await advance(harness, 35);
    const stop = await harness.api('PUT', `/hyperparameter-tunings/${id}/stop`);
    expect(stop.body).toEqual({ header: successHeader });
    await advance(harness, 60);
    const stopped = await fetchTuning(id);
    expect(stopped.hyperparameterTuningStatusCode).toBe('STOPPED');
    expect(stopped.successfulTrialCount).toBe(2);
    expect(stopped.runningTrialCount).toBe(0);

    const again = await harness.api('PUT', `/hyperparameter-tunings/${id}/stop`);
    expect(again.status).toBe(409);
    expect(again.body.header.resultMessage).toContain('STOPPED');
  });

  it('rejects deleting a running tuning until it is stopped', async () => {
    const id = await createTuning();
    await advance(harness, 11);
    const early = await harness.api('DELETE', `/hyperparameter-tunings/${id}`);
    expect(early.status).toBe(409);
    expect(early.body.header.resultMessage).toContain('stop it first');
    await harness.api('PUT', `/hyperparameter-tunings/${id}/stop`);
    await advance(harness, 5);
    const deleted = await harness.api('DELETE', `/hyperparameter-tunings/${id}`);
    expect(deleted.body).toEqual({ header: successHeader });
    expect((await harness.api('GET', `/hyperparameter-tunings/${id}`)).status).toBe(404);
  });

  it('rejects deleting an experiment with a tuning in progress', async () => {
    await createTuning();
    const answer = await harness.api('DELETE', `/experiments/${experimentId}`);
    expect(answer.status).toBe(409);
    expect(answer.body.header.resultMessage).toContain('hyperparameter tuning');
  });

  it('makes a model from the best trial and then refuses deletion', async () => {
    const id = await createTuning();
    await advance(harness, 60);
    const tuning = await fetchTuning(id);
    const created = await harness.api('POST', '/models', {
      body: { modelName: 'tuned', hyperparameterTuningId: id },
    });
    expect(created.status).toBe(200);
    const model = created.body.model;
    expect(model.hyperparameterTuning).toEqual({
      hyperparameterTuningId: id,
      hyperparameterTuningName: 'mnist-tune',
    });
    expect(model.modelUploadUri).toBe(`${tuning.modelUploadUri}/${tuning.optimalTrialId}`);
    expect(model.modelTypeCode).toBe('TENSORFLOW');

    const deleted = await harness.api('DELETE', `/hyperparameter-tunings/${id}`);
    expect(deleted.status).toBe(409);
    expect(deleted.body.header.resultMessage).toContain(`has model ${model.modelId}`);
    const withModel = await fetchTuning(id);
    expect(withModel.modelList.map((item: { modelId: string }) => item.modelId)).toEqual([
      model.modelId,
    ]);
  });
});
