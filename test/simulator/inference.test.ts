import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { activeEndpoint, activeModel, advance, endpointBody } from './resource-fixtures.js';
import { type SimulatorHarness, startSimulatorHarness } from './simulator-harness.js';

describe('simulator inference through stage URLs', () => {
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

  /** POSTs to `http://{apigwStageUrl}{apigwResourceUri}` without any auth header. */
  async function predict(stage: { apigwStageUrl: string }, resourceUri: string, text: string) {
    const response = await fetch(`http://${stage.apigwStageUrl}${resourceUri}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text,
    });
    const body = (await response.json()) as { predictions: number[][]; error: string };
    return { status: response.status, body };
  }

  it('returns one prediction per instance, the same each time', async () => {
    const modelId = await activeModel(harness);
    const endpoint = await activeEndpoint(harness, modelId);
    const stage = endpoint.endpointStageList[0];
    const resourceUri = stage.endpointModelList[0].apigwResourceUri;
    const instances = [[6.8, 2.8, 4.8, 1.4], [5.1, 3.5, 1.4, 0.2], 'free text'];
    const first = await predict(stage, resourceUri, JSON.stringify({ instances }));
    expect(first.status).toBe(200);
    expect(first.body).not.toHaveProperty('header');
    expect(first.body.predictions).toHaveLength(3);
    for (const prediction of first.body.predictions) {
      expect(prediction).toHaveLength(3);
      const sum = prediction.reduce((total: number, value: number) => total + value, 0);
      expect(sum).toBeCloseTo(1, 3);
    }
    const second = await predict(stage, resourceUri, JSON.stringify({ instances }));
    expect(second.body).toEqual(first.body);
    expect(first.body.predictions[0]).not.toEqual(first.body.predictions[1]);
  });

  it('rejects a body without instances with 400', async () => {
    const modelId = await activeModel(harness);
    const stage = (await activeEndpoint(harness, modelId)).endpointStageList[0];
    const resourceUri = stage.endpointModelList[0].apigwResourceUri;
    const wrongKey = await predict(stage, resourceUri, JSON.stringify({ inputs: [] }));
    expect(wrongKey.status).toBe(400);
    expect(wrongKey.body.error).toContain('instances');
    const notJson = await predict(stage, resourceUri, 'instances');
    expect(notJson.status).toBe(400);
    expect(typeof notJson.body.error).toBe('string');
  });

  it('answers 503 while the stage deploys', async () => {
    const modelId = await activeModel(harness);
    const created = await harness.api('POST', '/endpoints', { body: endpointBody(modelId) });
    await advance(harness, 10);
    const endpoint = (await harness.api('GET', `/endpoints/${created.body.endpoint.endpointId}`))
      .body.endpoint;
    const stage = endpoint.endpointStageList[0];
    expect(stage.endpointStageStatusCode).toBe('DEPLOY_IN_PROGRESS');
    const answer = await predict(
      stage,
      stage.endpointModelList[0].apigwResourceUri,
      JSON.stringify({ instances: [[1]] }),
    );
    expect(answer.status).toBe(503);
    expect(answer.body.error).toContain('DEPLOY_IN_PROGRESS');
  });

  it('answers 404 for an unknown path or stage', async () => {
    const modelId = await activeModel(harness);
    const stage = (await activeEndpoint(harness, modelId)).endpointStageList[0];
    const body = JSON.stringify({ instances: [[1]] });
    const wrongModel = await predict(stage, '/other/v1/models/other/predict', body);
    expect(wrongModel.status).toBe(404);
    const wrongStage = await predict(
      {
        apigwStageUrl: stage.apigwStageUrl.replace(
          /[0-9a-f-]{36}$/,
          '00000000-0000-0000-0000-000000000000',
        ),
      },
      stage.endpointModelList[0].apigwResourceUri,
      body,
    );
    expect(wrongStage.status).toBe(404);
  });

  it('serves a model name that needs percent-encoding', async () => {
    const modelId = await activeModel(harness, { modelName: 'iris v2' });
    const stage = (await activeEndpoint(harness, modelId)).endpointStageList[0];
    const resourceUri = stage.endpointModelList[0].apigwResourceUri;
    expect(resourceUri).toBe('/iris%20v2/v1/models/iris%20v2/predict');
    const answer = await predict(stage, resourceUri, JSON.stringify({ instances: [[1, 2]] }));
    expect(answer.status).toBe(200);
    expect(answer.body.predictions).toHaveLength(1);
  });
});
