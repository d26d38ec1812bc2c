import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../src/api/schemas/endpoint.js';
import type { EndpointStage } from '../../src/api/schemas/endpoint-stage.js';
import { endpointDescription, endpointStatusOf } from '../../src/resources/endpoint.js';
import { endpointStageDescription } from '../../src/resources/endpoint-stage.js';
import { findDescriptionByWord } from '../../src/resources/index.js';
import { parseStageUrl } from '../../src/resources/stage-url.js';
import { classifyStatus } from '../../src/resources/status-class.js';

const HOST = 'kr1-abc123.api.nhncloudservice.com';

function stage(overrides: Partial<EndpointStage> = {}): EndpointStage {
  return {
    endpointStageId: 'st1',
    endpointStageName: 'default',
    endpointStageStatusCode: 'ACTIVE',
    endpointId: 'ep1',
    apigwStageUrl: HOST,
    isDefaultStage: true,
    endpointModelList: [
      { endpointModelId: 'em1', endpointModelStatusCode: 'ACTIVE', model: { modelName: 'mnist' } },
    ],
    ...overrides,
  };
}

function endpoint(status: string, stages: Array<Partial<EndpointStage>> | undefined): Endpoint {
  return {
    endpointId: 'ep1',
    endpointName: 'mnist-serving',
    endpointStatusCode: status,
    endpointStageList: stages,
  };
}

describe('endpoint description', () => {
  it('reports the default stage while an ACTIVE endpoint still deploys it', () => {
    const deploying = endpoint('ACTIVE', [
      stage({ endpointStageStatusCode: 'DEPLOY_IN_PROGRESS' }),
    ]);
    expect(endpointStatusOf(deploying)).toBe('DEFAULT_STAGE_DEPLOY_IN_PROGRESS');
    expect(classifyStatus(endpointStatusOf(deploying), endpointDescription.statuses)).toBe('going');
  });

  it('is ACTIVE once the default stage is ACTIVE', () => {
    const ready = endpoint('ACTIVE', [
      stage(),
      stage({ isDefaultStage: false, endpointStageStatusCode: 'DEPLOY_IN_PROGRESS' }),
    ]);
    expect(endpointStatusOf(ready)).toBe('ACTIVE');
    expect(classifyStatus('ACTIVE', endpointDescription.statuses)).toBe('success');
  });

  it('fails when the default stage fails to deploy', () => {
    const failed = endpoint('ACTIVE', [stage({ endpointStageStatusCode: 'DEPLOY_FAILED' })]);
    expect(endpointStatusOf(failed)).toBe('DEFAULT_STAGE_DEPLOY_FAILED');
    expect(classifyStatus(endpointStatusOf(failed), endpointDescription.statuses)).toBe('failure');
  });

  it('keeps the endpoint status while the endpoint itself is going', () => {
    expect(
      endpointStatusOf(
        endpoint('CREATE_IN_PROGRESS', [stage({ endpointStageStatusCode: 'CREATE_REQUESTED' })]),
      ),
    ).toBe('CREATE_IN_PROGRESS');
    expect(endpointStatusOf(endpoint('ACTIVE', undefined))).toBe('ACTIVE');
  });

  it('reads the older defaultStage flag', () => {
    const older = endpoint('ACTIVE', [
      stage({
        isDefaultStage: undefined,
        defaultStage: true,
        endpointStageStatusCode: 'CREATE_IN_PROGRESS',
      }),
    ]);
    expect(endpointStatusOf(older)).toBe('DEFAULT_STAGE_CREATE_IN_PROGRESS');
  });

  it('names the default stage and its URL in the result', () => {
    const fields = endpointDescription.summarizeResult(endpoint('ACTIVE', [stage()]));
    expect(fields).toContainEqual({ label: 'Default stage', value: 'default (ACTIVE)' });
    expect(fields).toContainEqual({ label: 'Stage URL', value: `https://${HOST}` });
    expect(fields).toContainEqual({ label: 'Models', value: 'mnist' });
  });

  it('points to the stage list when the answer has no stages', () => {
    const fields = endpointDescription.summarizeResult(endpoint('ACTIVE', undefined));
    expect(fields).toEqual([
      {
        label: 'Default stage',
        value: 'not in the answer; see /easymaker stage list endpoint_id=ep1',
      },
    ]);
  });

  it('is found by its command words', () => {
    expect(findDescriptionByWord('endpoints')?.kind).toBe('endpoint');
    expect(findDescriptionByWord('stage')?.kind).toBe('endpoint-stage');
    expect(findDescriptionByWord('stages')?.kind).toBe('endpoint-stage');
    expect(findDescriptionByWord('models')?.kind).toBe('model');
  });
});

describe('endpoint stage description', () => {
  it('needs the endpoint to list stages', () => {
    expect(endpointStageDescription.list.requiredFilter).toEqual({
      parameter: 'endpoint_id',
      query: 'endpointId',
    });
  });

  it('tracks a stage through DEPLOY_IN_PROGRESS to ACTIVE', () => {
    const { statuses } = endpointStageDescription;
    expect(classifyStatus('DEPLOY_IN_PROGRESS', statuses)).toBe('going');
    expect(classifyStatus('ACTIVE', statuses)).toBe('success');
    expect(classifyStatus('DEPLOY_FAILED', statuses)).toBe('failure');
  });

  it('shows the URL, the default flag and the models of a stage', () => {
    const fields = endpointStageDescription.summarizeResult(
      stage({ endpointStageName: 'canary', isDefaultStage: false }),
    );
    expect(fields).toContainEqual({ label: 'Default stage', value: 'no' });
    expect(fields).toContainEqual({ label: 'Stage URL', value: `https://${HOST}` });
    expect(fields).toContainEqual({ label: 'Models', value: 'mnist (ACTIVE)' });
    expect(fields).toContainEqual({
      label: 'Predict',
      value: `/easymaker endpoint predict ep1 stage=canary body='{"instances": [...]}'`,
    });
  });
});

describe('stage URL', () => {
  it('takes a bare API Gateway host as an https URL', () => {
    expect(parseStageUrl(HOST)).toEqual({ host: HOST, pathPrefix: '', url: `https://${HOST}` });
  });

  it('keeps a path after a loopback host as a prefix', () => {
    expect(parseStageUrl('127.0.0.1:8080/inference/abc')).toEqual({
      host: '127.0.0.1:8080',
      pathPrefix: '/inference/abc',
      url: 'http://127.0.0.1:8080/inference/abc',
    });
  });

  it('rejects a value that is not a host', () => {
    expect(parseStageUrl('https://example.com')).toBeUndefined();
    expect(parseStageUrl('')).toBeUndefined();
  });
});
