import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  activeEndpoint,
  activeModel,
  advance,
  endpointBody,
  stageBody,
  successHeader,
} from './resource-fixtures.js';
import { type SimulatorHarness, startSimulatorHarness } from './simulator-harness.js';

describe('simulator endpoint stages and endpoint models', () => {
  let harness: SimulatorHarness;
  let modelId: string;
  let endpointId: string;
  let defaultStageId: string;

  beforeAll(async () => {
    harness = await startSimulatorHarness();
  });
  beforeEach(async () => {
    await harness.control('POST', 'reset');
    modelId = await activeModel(harness);
    const endpoint = await activeEndpoint(harness, modelId);
    endpointId = endpoint.endpointId;
    defaultStageId = endpoint.endpointStageList[0].endpointStageId;
  });
  afterAll(async () => {
    await harness.stop();
  });

  const createStage = (overrides: Record<string, unknown> = {}) =>
    harness.api('POST', '/endpoint-stages', { body: stageBody(endpointId, modelId, overrides) });

  const names: Array<[string, string, number, string?]> = [
    ['a 30-character name', 's'.repeat(30), 200],
    ['lowercase letters and digits', 'canary2', 200],
    ['a 31-character name', 's'.repeat(31), 400, 'apigwStageName must be at most 30'],
    ['upper-case letters', 'Canary', 400, 'only lowercase letters and digits'],
    ['a hyphen', 'can-ary', 400, 'only lowercase letters and digits'],
    ['an empty name', '', 400, 'apigwStageName is required'],
  ];

  for (const [label, apigwStageName, status, message] of names) {
    it(`answers ${status} for ${label}`, async () => {
      const answer = await createStage({ apigwStageName });
      expect(answer.status).toBe(status);
      if (message !== undefined) {
        expect(answer.body.header.resultMessage).toContain(message);
      }
    });
  }

  it('rejects a stage name already used by the endpoint', async () => {
    expect((await createStage()).status).toBe(200);
    await advance(harness, 20);
    const answer = await createStage();
    expect(answer.status).toBe(409);
    expect(answer.body.header.resultMessage).toContain('apigwStageName canary is already used');
  });

  it('rejects a stage for an unknown endpoint', async () => {
    const answer = await harness.api('POST', '/endpoint-stages', {
      body: stageBody('nosuchendpnt', modelId),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.header.resultMessage).toContain('endpointId nosuchendpnt not found');
  });

  it('deploys a stage and shows the endpoint UPDATE_IN_PROGRESS meanwhile', async () => {
    const created = await createStage();
    expect(created.body.header).toEqual(successHeader);
    const stage = created.body.endpointStage;
    expect(stage.isDefaultStage).toBe(false);
    expect(stage.defaultStage).toBe(false);
    expect(stage.apigwStageName).toBe('canary');
    expect(stage.endpointModelList).toHaveLength(1);

    const busy = await harness.api('GET', `/endpoints/${endpointId}`);
    expect(busy.body.endpoint.endpointStatusCode).toBe('UPDATE_IN_PROGRESS');
    await advance(harness, 15);
    const done = await harness.api('GET', `/endpoint-stages/${stage.endpointStageId}`);
    expect(done.body.endpointStage.endpointStageStatusCode).toBe('ACTIVE');
    const endpoint = await harness.api('GET', `/endpoints/${endpointId}`);
    expect(endpoint.body.endpoint.endpointStatusCode).toBe('ACTIVE');
    expect(endpoint.body.endpoint.endpointStageList).toHaveLength(2);
    expect(endpoint.body.endpoint.endpointStageList[0].isDefaultStage).toBe(true);
  });

  it('ends a fail- stage in DEPLOY_FAILED and the endpoint in UPDATE_FAILED', async () => {
    await harness.control('POST', 'faults', {
      kind: 'fail-resource',
      resource: 'endpointStage',
      namePattern: 'broken',
      status: 'DEPLOY_FAILED',
    });
    const created = await createStage({ apigwStageName: 'broken' });
    await advance(harness, 20);
    const stage = await harness.api(
      'GET',
      `/endpoint-stages/${created.body.endpointStage.endpointStageId}`,
    );
    expect(stage.body.endpointStage.endpointStageStatusCode).toBe('DEPLOY_FAILED');
    expect(stage.body.endpointStage.deployStatus).toBe('FAIL');
    const endpoint = await harness.api('GET', `/endpoints/${endpointId}`);
    expect(endpoint.body.endpoint.endpointStatusCode).toBe('UPDATE_FAILED');
  });

  it('fails stages named with the fail and createfail prefixes', async () => {
    const stageIdOf = (answer: { body: { endpointStage: { endpointStageId: string } } }) =>
      answer.body.endpointStage.endpointStageId;
    const statusOf = async (id: string) =>
      (await harness.api('GET', `/endpoint-stages/${id}`)).body.endpointStage
        .endpointStageStatusCode;

    const failing = stageIdOf(await createStage({ apigwStageName: 'failcanary' }));
    await advance(harness, 20);
    expect(await statusOf(failing)).toBe('DEPLOY_FAILED');
    // A failed stage keeps new stages out until it is deleted.
    expect((await createStage({ apigwStageName: 'other' })).status).toBe(409);
    expect((await harness.api('DELETE', `/endpoint-stages/${failing}`)).status).toBe(200);

    const broken = stageIdOf(await createStage({ apigwStageName: 'createfailcanary' }));
    await advance(harness, 20);
    expect(await statusOf(broken)).toBe('CREATE_FAILED');
  });

  it('requires endpointId to list stages', async () => {
    const answer = await harness.api('GET', '/endpoint-stages');
    expect(answer.status).toBe(400);
    expect(answer.body.header.resultMessage).toContain('endpointId is required');
  });

  it('refuses to delete the default stage', async () => {
    const answer = await harness.api('DELETE', `/endpoint-stages/${defaultStageId}`);
    expect(answer.status).toBe(409);
    expect(answer.body.header.resultMessage).toContain('is the default stage');
  });

  it('refuses to delete an endpoint with a second stage until it is gone', async () => {
    const created = await createStage();
    await advance(harness, 15);
    const blocked = await harness.api('DELETE', `/endpoints/${endpointId}`);
    expect(blocked.status).toBe(409);
    expect(blocked.body.header.resultMessage).toContain('besides the default stage');

    const stageId = created.body.endpointStage.endpointStageId;
    const deleted = await harness.api('DELETE', `/endpoint-stages/${stageId}`);
    expect(deleted.body).toEqual({ header: successHeader });
    expect((await harness.api('DELETE', `/endpoints/${endpointId}`)).status).toBe(200);
  });

  it('lists, gets and deletes endpoint models of a stage', async () => {
    const missing = await harness.api('GET', '/endpoint-models');
    expect(missing.status).toBe(400);
    expect(missing.body.header.resultMessage).toContain('endpointStageId is required');

    const list = await harness.api('GET', `/endpoint-models?endpointStageId=${defaultStageId}`);
    expect(list.body.endpointModelList).toHaveLength(1);
    const item = list.body.endpointModelList[0];
    expect(item.endpointStageId).toBe(defaultStageId);
    expect(item.model.modelId).toBe(modelId);
    expect(item.stage).toEqual({
      stageId: defaultStageId,
      deployStatus: 'COMPLETE',
      stageUrl: expect.stringContaining('/inference/'),
    });

    const fetched = await harness.api('GET', `/endpoint-models/${item.endpointModelId}`);
    expect(fetched.body.endpointModel.endpointModelStatusCode).toBe('ACTIVE');
    const deleted = await harness.api('DELETE', `/endpoint-models/${item.endpointModelId}`);
    expect(deleted.body).toEqual({ header: successHeader });
    const after = await harness.api('GET', `/endpoint-models?endpointStageId=${defaultStageId}`);
    expect(after.body.endpointModelList).toEqual([]);
  });

  it('rejects a stage on an endpoint that is not ACTIVE', async () => {
    const other = await harness.api('POST', '/endpoints', {
      body: endpointBody(modelId, { endpointName: 'young' }),
    });
    const answer = await harness.api('POST', '/endpoint-stages', {
      body: stageBody(other.body.endpoint.endpointId, modelId),
    });
    expect(answer.status).toBe(409);
    expect(answer.body.header.resultMessage).toContain('a stage can be added when it is ACTIVE');
  });
});
