import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, CHANNEL, type Harness, startHarness } from './harness.js';

interface Seeded {
  modelList: Array<{ modelId: string }>;
  endpointList: Array<{ endpointId: string }>;
}

interface Reply {
  text: string;
  blocks?: Array<{ type: string; text?: { text: string }; elements?: Array<{ text: string }> }>;
}

describe('/easymaker endpoint predict', () => {
  let harness: Harness;
  let endpointId: string;
  let canaryModelId: string;

  beforeAll(async () => {
    harness = await startHarness({ speed: 20 });
    const seeded = (await harness.control('POST', '/_simulator/seed', {
      models: [{ modelName: 'iris' }, { modelName: 'iris-canary' }],
      endpoints: [{ endpointName: 'predict-endpoint', modelName: 'iris' }],
    })) as { seeded: Seeded };
    endpointId = seeded.seeded.endpointList[0]?.endpointId ?? '';
    canaryModelId = seeded.seeded.modelList[1]?.modelId ?? '';
    const flavors = (await harness.easymaker('GET', '/flavors')) as {
      flavorList: Array<{ id: string; name: string }>;
    };
    await harness.easymaker('POST', '/endpoint-stages', {
      endpointId,
      apigwStageName: 'canary',
      flavorId: flavors.flavorList.find((flavor) => flavor.name === 'm2.c4m8')?.id,
      endpointModelResourceList: [
        { modelId: canaryModelId, resourceOptionDetail: { cpu: '1', memory: '1Gi' } },
      ],
    });
    await harness.control('POST', '/_simulator/clock', { advanceSeconds: 600 });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function send(text: string) {
    return harness.driver.sendCommand({
      command: '/easymaker',
      text,
      userId: ALICE,
      channelId: CHANNEL,
    });
  }

  async function predict(text: string): Promise<Reply> {
    const ack = await send(text);
    expect(ack.status).toBe(200);
    expect((JSON.parse(ack.body) as Reply).text).toContain('Sending the prediction to endpoint');
    const post = await harness.fake.waitFor(
      () => harness.fake.responseUrlPosts().find((candidate) => candidate.url === ack.responseUrl),
      10_000,
    );
    return post.body as Reply;
  }

  function codeOf(reply: Reply): string {
    return reply.blocks?.[1]?.text?.text ?? '';
  }

  it('predicts with the default stage', async () => {
    const reply = await predict(
      `endpoint predict ${endpointId} body='{"instances": [[6.8, 2.8, 4.8, 1.4], [5.1, 3.5, 1.4, 0.2]]}'`,
    );
    expect(reply.text).toBe(
      `:white_check_mark: Prediction from endpoint \`${endpointId}\` · stage \`default\` · model \`iris\` · HTTP 200`,
    );
    expect(codeOf(reply)).toMatch(/^```\{\n {2}"predictions": \[\n {4}\[[\d.]+,[\d.]+,[\d.]+\],\n/);
    expect(await harness.countRequests('POST', '/iris/v1/models/iris/predict')).toBe(1);
  });

  it('predicts with a named stage and instances=', async () => {
    const reply = await predict(`endpoint predict ${endpointId} stage=canary instances='[[1, 2]]'`);
    expect(reply.text).toContain('stage `canary` · model `iris-canary` · HTTP 200');
    expect(codeOf(reply)).toContain('"predictions"');
  });

  it('cuts a long response and says how much was left out', async () => {
    const instances = JSON.stringify(Array.from({ length: 200 }, (_, index) => [index, 1, 2, 3]));
    const reply = await predict(`endpoint predict ${endpointId} instances='${instances}'`);
    expect(codeOf(reply).length).toBeLessThanOrEqual(2508);
    const note = reply.blocks?.[2]?.elements?.[0]?.text ?? '';
    expect(note).toMatch(/^\d+ more characters not shown \(the response has \d+ characters\)\.$/);
  });

  it('rejects invalid JSON at once', async () => {
    const ack = await send(`endpoint predict ${endpointId} body='{"instances": [[1, 2]}'`);
    const reply = JSON.parse(ack.body) as Reply;
    expect(reply.text).toMatch(/^:warning: body is not valid JSON: /);
    expect(harness.fake.responseUrlPosts().some((post) => post.url === ack.responseUrl)).toBe(
      false,
    );
  });

  it('explains an unknown endpoint', async () => {
    const reply = await predict(`endpoint predict nosuchendpoint body='{"instances": [[1]]}'`);
    expect(reply.text).toBe(
      ':warning: Endpoint nosuchendpoint was not found, or it has no stages. /easymaker endpoint list shows the endpoints.',
    );
  });

  it('explains an unknown stage', async () => {
    const reply = await predict(`endpoint predict ${endpointId} stage=blue instances='[[1]]'`);
    expect(reply.text).toBe(
      `:warning: Endpoint ${endpointId} has no stage "blue". Its stages: default, canary.`,
    );
  });

  it('explains a stage that is not ACTIVE', async () => {
    await harness.control('PUT', '/_simulator/timing', {
      endpointStage: { DEPLOY_IN_PROGRESS: 600_000 },
    });
    const flavors = (await harness.easymaker('GET', '/flavors')) as {
      flavorList: Array<{ id: string }>;
    };
    await harness.easymaker('POST', '/endpoint-stages', {
      endpointId,
      apigwStageName: 'slow',
      flavorId: flavors.flavorList[0]?.id,
      endpointModelResourceList: [
        { modelId: canaryModelId, resourceOptionDetail: { cpu: '1', memory: '1Gi' } },
      ],
    });
    const reply = await predict(`endpoint predict ${endpointId} stage=slow instances='[[1]]'`);
    expect(reply.text).toMatch(
      /^:warning: Stage slow is [A-Z_]+, not ACTIVE, so it cannot serve predictions yet\. Follow it with \/easymaker stage watch \w+\.$/,
    );
    await harness.control('PUT', '/_simulator/timing', {});
  });

  it('shows the model server error of a failed inference', async () => {
    const reply = await predict(`endpoint predict ${endpointId} body='{"data": [1, 2]}'`);
    expect(reply.text).toBe(
      `:warning: The model server answered HTTP 400 for endpoint \`${endpointId}\` · stage \`default\` · model \`iris\`.`,
    );
    expect(codeOf(reply)).toContain('instances');
  });

  it('shows an error status from the gateway', async () => {
    await harness.control('POST', '/_simulator/faults', {
      kind: 'http-error',
      method: 'POST',
      pathPattern: '/inference/**',
      status: 503,
    });
    const reply = await predict(`endpoint predict ${endpointId} instances='[[1]]'`);
    expect(reply.text).toContain('HTTP 503');
  });
});
