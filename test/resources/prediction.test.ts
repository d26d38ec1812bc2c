import { describe, expect, it } from 'vitest';
import type { EndpointStage } from '../../src/api/schemas/endpoint-stage.js';
import { parsePredictionRequest } from '../../src/resources/prediction-request.js';
import {
  checkStageServes,
  type StageResource,
  selectStage,
  selectStageResource,
} from '../../src/resources/prediction-target.js';
import {
  buildPredictionReply,
  formatJson,
  PREDICTION_PREVIEW_CHARACTERS,
  previewText,
} from '../../src/views/prediction-reply.js';

function parse(words: string[], named: Record<string, string>) {
  return parsePredictionRequest(words, new Map(Object.entries(named)));
}

function messageOf(words: string[], named: Record<string, string>) {
  const result = parse(words, named);
  return result.ok ? undefined : result.message;
}

describe('prediction request', () => {
  it('reads the endpoint, the stage and a JSON body', () => {
    const result = parse(['ep1'], { stage: 'canary', body: '{"instances": [[1, 2]]}' });
    expect(result).toEqual({
      ok: true,
      request: { endpointId: 'ep1', stage: 'canary', body: { instances: [[1, 2]] } },
    });
  });

  it('wraps instances= in a KServe v1 body', () => {
    const result = parse([], { endpoint_id: 'ep1', instances: '[[6.8, 2.8]]' });
    expect(result.ok).toBe(true);
    expect(result.ok && result.request.body).toEqual({ instances: [[6.8, 2.8]] });
  });

  it('accepts typographic quotes that Slack typed', () => {
    const result = parse(['ep1'], { body: '{“instances”: [[1]]}' });
    expect(result.ok).toBe(true);
    expect(result.ok && result.request.body).toEqual({ instances: [[1]] });
  });

  it('explains invalid JSON', () => {
    expect(messageOf(['ep1'], { body: '{"instances": [[1, 2]}' })).toMatch(
      /^body is not valid JSON: .+\. Quote the value, such as body='\{"instances": \[\[1, 2\]\]\}'\.$/,
    );
    expect(messageOf(['ep1'], { instances: '[[1,' })).toMatch(/^instances is not valid JSON/);
  });

  it('rejects non-object bodies and non-list instances', () => {
    expect(messageOf(['ep1'], { body: '[1, 2]' })).toBe(
      'body must be a JSON object, such as {"instances": [[6.8, 2.8, 4.8, 1.4]]}.',
    );
    expect(messageOf(['ep1'], { instances: '{"a": 1}' })).toBe(
      'instances must be a JSON list, such as [[6.8, 2.8, 4.8, 1.4]].',
    );
  });

  it('requires exactly one of body and instances', () => {
    expect(messageOf(['ep1'], {})).toMatch(/^Give the request body\./);
    expect(messageOf(['ep1'], { body: '{}', instances: '[]' })).toBe(
      'Give either body= or instances=, not both.',
    );
  });

  it('requires one valid endpoint id', () => {
    expect(messageOf([], { body: '{}' })).toMatch(/^Give the endpoint id\./);
    expect(messageOf(['ep/1'], { body: '{}' })).toMatch(/^Give the endpoint id\./);
    expect(messageOf(['ep1', 'ep2'], { body: '{}' })).toMatch(/^Give one endpoint id\./);
  });

  it('rejects unknown arguments', () => {
    expect(messageOf(['ep1'], { body: '{}', timeout: '5' })).toMatch(
      /^Unknown argument timeout\. Usage: \/easymaker endpoint predict/,
    );
  });
});

function stage(overrides: Partial<EndpointStage>): EndpointStage {
  return {
    endpointStageId: 'st-default',
    endpointStageName: 'default',
    endpointStageStatusCode: 'ACTIVE',
    apigwStageUrl: 'kr1-x.api.nhncloudservice.com',
    isDefaultStage: true,
    ...overrides,
  };
}

const stages = [
  stage({}),
  stage({ endpointStageId: 'st-canary', endpointStageName: 'canary', isDefaultStage: false }),
];

describe('prediction target', () => {
  it('picks the default stage unless one is named', () => {
    const picked = selectStage('ep1', stages, undefined);
    expect(picked.ok).toBe(true);
    expect(picked.ok && picked.value.endpointStageId).toBe('st-default');
    const named = selectStage('ep1', stages, 'canary');
    expect(named.ok).toBe(true);
    expect(named.ok && named.value.endpointStageId).toBe('st-canary');
    const byId = selectStage('ep1', stages, 'st-canary');
    expect(byId.ok).toBe(true);
    expect(byId.ok && byId.value.endpointStageName).toBe('canary');
  });

  it('names the stages when the requested one is missing', () => {
    expect(selectStage('ep1', stages, 'blue')).toEqual({
      ok: false,
      message: 'Endpoint ep1 has no stage "blue". Its stages: default, canary.',
    });
  });

  it('reports an endpoint without stages as not found', () => {
    expect(selectStage('ep9', [], undefined)).toEqual({
      ok: false,
      message:
        'Endpoint ep9 was not found, or it has no stages. /easymaker endpoint list shows the endpoints.',
    });
  });

  it('refuses a stage that is not ACTIVE', () => {
    expect(checkStageServes(stage({ endpointStageStatusCode: 'DEPLOY_IN_PROGRESS' }))).toBe(
      'Stage default is DEPLOY_IN_PROGRESS, not ACTIVE, so it cannot serve predictions yet. Follow it with /easymaker stage watch st-default.',
    );
    expect(checkStageServes(stage({}))).toBeUndefined();
  });

  const mnist: StageResource = {
    endpointModelId: 'em1',
    endpointModelStatusCode: 'ACTIVE',
    modelId: 'm1',
    model: { modelName: 'mnist' },
  };
  const iris: StageResource = {
    endpointModelId: 'em2',
    endpointModelStatusCode: 'CREATE_IN_PROGRESS',
    modelId: 'm2',
    model: { modelName: 'iris' },
  };

  it('picks the only model of a stage', () => {
    const picked = selectStageResource(stage({}), [mnist], undefined);
    expect(picked.ok).toBe(true);
    expect(picked.ok && picked.value.modelId).toBe('m1');
  });

  it('asks which model when a stage serves several', () => {
    expect(selectStageResource(stage({}), [mnist, iris], undefined)).toEqual({
      ok: false,
      message:
        'Stage default serves several models; choose one with model=<id>: mnist (m1), iris (m2).',
    });
    const byName = selectStageResource(stage({}), [mnist, iris], 'mnist');
    expect(byName.ok).toBe(true);
    expect(byName.ok && byName.value.modelId).toBe('m1');
  });

  it('refuses a model that is not ACTIVE', () => {
    expect(selectStageResource(stage({}), [mnist, iris], 'm2')).toEqual({
      ok: false,
      message: 'Model iris on stage default is CREATE_IN_PROGRESS, not ACTIVE.',
    });
  });
});

describe('prediction reply', () => {
  it('writes lists of numbers on one line', () => {
    expect(
      formatJson({
        predictions: [
          [0.1, 0.9],
          [0.8, 0.2],
        ],
      }),
    ).toBe('{\n  "predictions": [\n    [0.1,0.9],\n    [0.8,0.2]\n  ]\n}');
  });

  it('shows a short response whole', () => {
    const reply = buildPredictionReply({
      endpointId: 'ep1',
      stageName: 'default',
      modelName: 'mnist',
      status: 200,
      body: { predictions: [[1]] },
      truncated: false,
    });
    expect(reply.text).toBe(
      ':white_check_mark: Prediction from endpoint `ep1` · stage `default` · model `mnist` · HTTP 200',
    );
    expect(JSON.stringify(reply.blocks)).toContain(
      '```{\\n  \\"predictions\\": [\\n    [1]\\n  ]\\n}```',
    );
    expect(reply.blocks).toHaveLength(2);
  });

  it('cuts a long response and says how much was left out', () => {
    const body = { predictions: Array.from({ length: 1000 }, (_, index) => [index, index]) };
    const reply = buildPredictionReply({
      endpointId: 'ep1',
      stageName: 'default',
      modelName: 'mnist',
      status: 200,
      body,
      truncated: false,
    });
    const blocks = reply.blocks as Array<{
      text?: { text: string };
      elements?: Array<{ text: string }>;
    }>;
    const code = blocks[1]?.text?.text ?? '';
    expect(code.length).toBeLessThanOrEqual(PREDICTION_PREVIEW_CHARACTERS + 8);
    const total = formatJson(body).length;
    expect(code.endsWith('\n…```')).toBe(true);
    const shown = code.length - 8;
    expect(blocks[2]?.elements?.[0]?.text).toBe(
      `${total - shown} more characters not shown (the response has ${total} characters).`,
    );
  });

  it('escapes mrkdwn and backticks inside the code block', () => {
    const { shown, omitted } = previewText('<b> & ```', 100);
    expect(shown).toBe('&lt;b&gt; &amp; `\u200b`\u200b`\u200b');
    expect(omitted).toBe(0);
  });

  it('cuts after the last whole line that fits', () => {
    expect(previewText('ab\ncd\nef', 7)).toEqual({ shown: 'ab\ncd', omitted: 3 });
  });

  it('counts escaped characters against the limit', () => {
    const { shown, omitted } = previewText('<<<<', 9);
    expect(shown).toBe('&lt;&lt;');
    expect(omitted).toBe(2);
  });

  it('reports an error status with the server body', () => {
    const reply = buildPredictionReply({
      endpointId: 'ep1',
      stageName: 'canary',
      modelName: 'mnist',
      status: 503,
      body: { error: 'model is loading' },
      truncated: true,
    });
    expect(reply.text).toBe(
      ':warning: The model server answered HTTP 503 for endpoint `ep1` · stage `canary` · model `mnist`.',
    );
    expect(JSON.stringify(reply.blocks)).toContain('model is loading');
    expect(JSON.stringify(reply.blocks)).toContain('over 1 MiB');
  });
});
