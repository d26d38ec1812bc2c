import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readPipelineParameters } from '../../src/simulator/pipeline-spec-reader.js';
import {
  activePipeline,
  advance,
  pipelineUploadBody,
  pipelineYaml,
  runBody,
  successHeader,
} from './resource-fixtures.js';
import { type SimulatorHarness, startSimulatorHarness } from './simulator-harness.js';

describe('readPipelineParameters', () => {
  it('reads root parameters with types, defaults and optional flags', () => {
    expect(readPipelineParameters(pipelineYaml)).toEqual([
      {
        parameterName: 'epochs',
        parameterType: 'NUMBER_INTEGER',
        isOptional: true,
        defaultValue: '3.0',
      },
      { parameterName: 'dataset', parameterType: 'STRING', isOptional: false, defaultValue: null },
    ]);
  });

  it('ignores component parameters and files without root parameters', () => {
    const yaml =
      'components:\n  comp-a:\n    inputDefinitions:\n      parameters:\n        x:\n          parameterType: STRING\nroot:\n  dag: {}\n';
    expect(readPipelineParameters(yaml)).toEqual([]);
  });

  it('reads quoted, flow and block defaults as JSON text', () => {
    const yaml = [
      'root:',
      '  inputDefinitions:',
      '    parameters:',
      '      greeting:',
      "        defaultValue: 'it''s # not a comment'",
      '        parameterType: STRING  # trailing comment',
      '      sizes:',
      '        defaultValue: [1, 2, 3]',
      '        parameterType: LIST',
      '      layers:',
      '        defaultValue:',
      '        - 64',
      '        - "relu"',
      '        parameterType: LIST',
      '      config:',
      '        defaultValue:',
      '          lr: 0.1',
      '          name: base',
      '        isOptional: true',
      '        parameterType: STRUCT',
      '---',
      'platforms: {}',
    ].join('\n');
    expect(readPipelineParameters(yaml)).toEqual([
      {
        parameterName: 'greeting',
        parameterType: 'STRING',
        isOptional: false,
        defaultValue: "it's # not a comment",
      },
      { parameterName: 'sizes', parameterType: 'LIST', isOptional: false, defaultValue: '[1,2,3]' },
      {
        parameterName: 'layers',
        parameterType: 'LIST',
        isOptional: false,
        defaultValue: '[64,"relu"]',
      },
      {
        parameterName: 'config',
        parameterType: 'STRUCT',
        isOptional: true,
        defaultValue: '{"lr":0.1,"name":"base"}',
      },
    ]);
  });
});

describe('simulator pipelines', () => {
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

  const upload = (body: Record<string, unknown>) =>
    harness.api('POST', '/pipelines/upload', { body });

  it('uploads a pipeline with the parameters of its file', async () => {
    const answer = await upload(pipelineUploadBody());
    expect(answer.body.header).toEqual(successHeader);
    const pipeline = answer.body.pipeline;
    expect(pipeline.pipelineId).toMatch(/^[a-z0-9]{12}$/);
    expect(pipeline.pipelineStatusCode).toBe('CREATE_REQUESTED');
    expect(pipeline.pipelineParameterSpecList).toEqual([
      {
        parameterName: 'epochs',
        parameterType: 'NUMBER_INTEGER',
        isOptional: true,
        defaultValue: '3.0',
      },
      { parameterName: 'dataset', parameterType: 'STRING', isOptional: false, defaultValue: null },
    ]);
    await advance(harness, 5);
    const mid = await harness.api('GET', `/pipelines/${pipeline.pipelineId}`);
    expect(mid.body.pipeline.pipelineStatusCode).toBe('CREATE_IN_PROGRESS');
    await advance(harness, 5);
    const list = await harness.api('GET', '/pipelines');
    expect(list.body.pipelineList[0].pipelineStatusCode).toBe('ACTIVE');
    expect(list.body.paging.totalCount).toBe(1);
  });

  const rejected: Array<[string, Record<string, unknown>, string]> = [
    [
      'a 51-character name',
      pipelineUploadBody(pipelineYaml, { pipelineName: 'n'.repeat(51) }),
      'pipelineName must be at most 50',
    ],
    [
      'URL-safe base64',
      { pipelineName: 'p', base64PipelineSpecManifest: 'a-b_' },
      'must be standard base64',
    ],
    [
      'base64 without padding',
      { pipelineName: 'p', base64PipelineSpecManifest: 'YWJjZA' },
      'must be standard base64',
    ],
    [
      'an empty file',
      { pipelineName: 'p', base64PipelineSpecManifest: Buffer.from(' \n').toString('base64') },
      'must not encode an empty file',
    ],
    ['a missing manifest', { pipelineName: 'p' }, 'base64PipelineSpecManifest is required'],
  ];

  for (const [label, body, message] of rejected) {
    it(`rejects ${label}`, async () => {
      const answer = await upload(body);
      expect(answer.status).toBe(400);
      expect(answer.body.header.resultMessage).toContain(message);
    });
  }

  it('accepts a 50-character name', async () => {
    const answer = await upload(pipelineUploadBody(pipelineYaml, { pipelineName: 'n'.repeat(50) }));
    expect(answer.status).toBe(200);
  });

  it('ends a createfail- pipeline in CREATE_FAILED', async () => {
    const answer = await upload(pipelineUploadBody(pipelineYaml, { pipelineName: 'createfail-p' }));
    await advance(harness, 10);
    const fetched = await harness.api('GET', `/pipelines/${answer.body.pipeline.pipelineId}`);
    expect(fetched.body.pipeline.pipelineStatusCode).toBe('CREATE_FAILED');
  });

  it('refuses to delete a pipeline being created or used by a schedule', async () => {
    const young = await upload(pipelineUploadBody());
    const early = await harness.api('DELETE', `/pipelines/${young.body.pipeline.pipelineId}`);
    expect(early.status).toBe(409);
    expect(early.body.header.resultMessage).toContain('wait until it ends');

    const pipelineId = await activePipeline(harness);
    const experimentId = await harness.activeExperiment('schedules');
    const schedule = await harness.api('POST', '/pipeline-runs', {
      body: runBody(pipelineId, experimentId, { schedulePeriodicMinutes: 60 }),
    });
    const recurringRunId = schedule.body.pipelineRecurringRun.pipelineRecurringRunId;
    const blocked = await harness.api('DELETE', `/pipelines/${pipelineId}`);
    expect(blocked.status).toBe(409);
    expect(blocked.body.header.resultMessage).toContain(`recurring run ${recurringRunId}`);

    await advance(harness, 5);
    await harness.api('DELETE', `/pipeline-recurring-runs/${recurringRunId}`);
    const deleted = await harness.api('DELETE', `/pipelines/${pipelineId}`);
    expect(deleted.body).toEqual({ header: successHeader });
  });
});
