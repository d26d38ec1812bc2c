import { describe, expect, it } from 'vitest';
import { endpointCreateBodySchema } from '../../src/api/schemas/endpoint-create-body.js';
import { endpointStageCreateBodySchema } from '../../src/api/schemas/endpoint-stage-create-body.js';
import { type EndpointParameters, endpointCreate } from '../../src/resources/endpoint-create.js';
import {
  type EndpointStageParameters,
  endpointStageCreate,
} from '../../src/resources/endpoint-stage-create.js';
import type { RawValue } from '../../src/resources/field-schemas.js';
import type {
  CreateDescription,
  ResolvedReferences,
  ValidationContext,
} from '../../src/resources/resource-description.js';
import { validateParameters } from '../../src/resources/validate-parameters.js';

const endpoint = endpointCreate as unknown as CreateDescription<unknown, unknown>;
const stage = endpointStageCreate as unknown as CreateDescription<unknown, unknown>;

const validEndpoint: Record<string, RawValue> = {
  endpoint_name: 'mnist-serving',
  instance_type_name: 'm2.c4m8',
  endpoint_model_resource_list: 'model=abc123 cpu=1.5 memory=2Gi',
};

const validStage: Record<string, RawValue> = {
  endpoint_id: 'ep1',
  stage_name: 'canary',
  instance_type_name: 'm2.c4m8',
  endpoint_model_resource_list: 'model=abc123 cpu=1.5 memory=2Gi',
};

const resolved: ResolvedReferences = {
  instance_type_name: { id: 'flavor-1', name: 'm2.c4m8' },
  endpoint_id: { id: 'ep1', name: 'mnist-serving' },
};

const flavorContext: ValidationContext = {
  lookups: {
    flavor: [
      { id: 'f-cpu', name: 'm2.c4m8', vcpus: 4, gpuFlavor: false, gpuCount: 0 },
      { id: 'f-gpu', name: 'g2.t4.c4m32', vcpus: 4, gpuFlavor: true, gpuCount: 1 },
    ],
  },
};

function issuesFor(
  create: CreateDescription<unknown, unknown>,
  raw: Record<string, RawValue>,
  context: ValidationContext = {},
) {
  const result = validateParameters(create, raw, context);
  return result.ok ? [] : result.issues;
}

function endpointMessage(parameter: string, overrides: Record<string, RawValue>) {
  return issuesFor(endpoint, { ...validEndpoint, ...overrides }).find(
    (issue) => issue.parameter === parameter,
  )?.message;
}

function endpointBody(overrides: Record<string, RawValue> = {}) {
  const result = validateParameters(endpointCreate, { ...validEndpoint, ...overrides }, {});
  if (!result.ok) {
    throw new Error(JSON.stringify(result.issues));
  }
  return endpointCreate.buildCreateBody(result.parameters as EndpointParameters, resolved, {});
}

function stageBody(overrides: Record<string, RawValue> = {}) {
  const result = validateParameters(endpointStageCreate, { ...validStage, ...overrides }, {});
  if (!result.ok) {
    throw new Error(JSON.stringify(result.issues));
  }
  return endpointStageCreate.buildCreateBody(
    result.parameters as EndpointStageParameters,
    resolved,
    {},
  );
}

describe('endpoint parameters', () => {
  it('accepts an endpoint with one model', () => {
    expect(issuesFor(endpoint, validEndpoint)).toEqual([]);
  });

  describe('when a value sits at a published range edge', () => {
    const cases: Array<[string, string, string | undefined]> = [
      ['endpoint_name', 'a'.repeat(50), undefined],
      ['endpoint_name', 'a'.repeat(51), 'must be at most 50 characters'],
      ['description', 'd'.repeat(255), undefined],
      ['description', 'd'.repeat(256), 'must be at most 255 characters'],
      ['instance_count', '1', undefined],
      ['instance_count', '10', undefined],
      ['instance_count', '0', 'must be a whole number from 1 to 10'],
      ['instance_count', '11', 'must be a whole number from 1 to 10'],
      ['autoscaler_min_node_count', '1', undefined],
      ['autoscaler_min_node_count', '0', 'must be a whole number from 1 to 10'],
      ['autoscaler_max_node_count', '10', undefined],
      ['autoscaler_max_node_count', '11', 'must be a whole number from 1 to 10'],
      ['autoscaler_scale_down_util_threshold', '1', undefined],
      ['autoscaler_scale_down_util_threshold', '100', undefined],
      ['autoscaler_scale_down_util_threshold', '0', 'must be a whole number from 1 to 100 %'],
      ['autoscaler_scale_down_util_threshold', '101', 'must be a whole number from 1 to 100 %'],
      ['autoscaler_scale_down_unneeded_time', '1', undefined],
      ['autoscaler_scale_down_unneeded_time', '1440', undefined],
      ['autoscaler_scale_down_unneeded_time', '0', 'must be a whole number from 1 to 1440 minutes'],
      [
        'autoscaler_scale_down_delay_after_add',
        '1441',
        'must be a whole number from 1 to 1440 minutes',
      ],
      ['autoscaler_scale_down_delay_after_add', '1440', undefined],
    ];
    it.each(cases)('%s = %s gives %j', (parameter, value, expected) => {
      expect(endpointMessage(parameter, { [parameter]: value })).toBe(expected);
    });
  });

  it('requires at least one model', () => {
    expect(
      endpointMessage('endpoint_model_resource_list', { endpoint_model_resource_list: '' }),
    ).toBe('is required: add a line model=<id> cpu=<cores> memory=<quantity>');
  });

  it('requires the instance type', () => {
    expect(endpointMessage('instance_type_name', { instance_type_name: undefined })).toBe(
      'is required',
    );
  });

  it('rejects autoscaler bounds with the minimum above the maximum', () => {
    expect(
      endpointMessage('autoscaler_min_node_count', {
        autoscaler_min_node_count: '5',
        autoscaler_max_node_count: '4',
      }),
    ).toBe('must not be above autoscaler_max_node_count (got 5 > 4)');
    expect(
      endpointMessage('autoscaler_min_node_count', {
        autoscaler_min_node_count: '4',
        autoscaler_max_node_count: '4',
      }),
    ).toBeUndefined();
  });

  it('rejects models larger than one node', () => {
    const message = (line: string, flavor = 'm2.c4m8') =>
      issuesFor(
        endpoint,
        { ...validEndpoint, instance_type_name: flavor, endpoint_model_resource_list: line },
        flavorContext,
      )[0]?.message;
    expect(message('model=a cpu=4 memory=1Gi')).toBeUndefined();
    expect(message('model=a cpu=4.5 memory=1Gi')).toBe(
      'model a: cpu 4.5 is more than the 4 vCPUs of m2.c4m8',
    );
    expect(message('model=a cpu=1 memory=1Gi gpu=1')).toBe(
      'model a: gpu 1 is more than the 0 GPUs of m2.c4m8',
    );
    expect(message('model=a cpu=1 memory=1Gi gpu=1', 'g2.t4.c4m32')).toBeUndefined();
  });

  it('sends every autoscaler field with the SDK defaults', () => {
    const body = endpointBody();
    expect(body).toMatchObject({
      endpointName: 'mnist-serving',
      flavorId: 'flavor-1',
      nodeCount: 1,
      caEnable: false,
      caMinNodeCount: 1,
      caMaxNodeCount: 10,
      caScaleDownEnable: true,
      caScaleDownUtilThresh: 50,
      caScaleDownUnneededTime: 10,
      caScaleDownDelayAfterAdd: 10,
      useLog: false,
    });
    expect(endpointCreate.bodySchema?.safeParse(body).success).toBe(true);
    expect(endpointCreateBodySchema.safeParse(body).success).toBe(true);
  });

  it('turns scale-down off and the autoscaler on from text', () => {
    const body = endpointBody({
      autoscaler_enable: 'yes',
      autoscaler_scale_down_enable: 'off',
      instance_count: '3',
    });
    expect(body.caEnable).toBe(true);
    expect(body.caScaleDownEnable).toBe(false);
    expect(body.nodeCount).toBe(3);
  });

  it('sends each model with its resources and pod autoscaling', () => {
    const body = endpointBody({
      endpoint_model_resource_list:
        'model=a cpu=1.5 memory=2Gi gpu=1 autoscale=CPU_UTILIZATION:80\nmodel=b cpu=0.5 memory=512Mi',
    });
    expect(body.endpointModelResourceList).toEqual([
      {
        modelId: 'a',
        resourceOptionDetail: { cpu: '1.5', memory: '2Gi', gpu: '1' },
        podAutoScaleEnable: true,
        scaleMetricCode: 'CPU_UTILIZATION',
        scaleMetricTarget: 80,
      },
      {
        modelId: 'b',
        resourceOptionDetail: { cpu: '0.5', memory: '512Mi' },
        podAutoScaleEnable: false,
      },
    ]);
    expect(endpointCreateBodySchema.safeParse(body).success).toBe(true);
  });

  it('sends product metrics that the SDK schema lacks and still checks the rest', () => {
    const body = endpointBody({
      endpoint_model_resource_list:
        'model=a cpu=1 memory=1Gi autoscale=CONCURRENCY:10\nmodel=b cpu=1 memory=1Gi autoscale=REQUESTS_PER_SECOND:5',
    });
    expect(endpointCreateBodySchema.safeParse(body).success).toBe(false);
    expect(endpointCreate.bodySchema?.safeParse(body).success).toBe(true);
    const broken = { ...body, nodeCount: 11 };
    const check = endpointCreate.bodySchema?.safeParse(broken);
    expect(check?.success).toBe(false);
    expect(check?.error?.issues[0]?.path).toEqual(['nodeCount']);
  });

  it('passes the API schema at every range edge', () => {
    const lines = Array.from(
      { length: 10 },
      (_, index) => `model=${String(index).padEnd(36, 'm')} cpu=0 memory=1Mi`,
    ).join('\n');
    const body = endpointBody({
      endpoint_name: 'a'.repeat(50),
      description: 'd'.repeat(255),
      instance_count: '10',
      endpoint_model_resource_list: lines,
      autoscaler_min_node_count: '10',
      autoscaler_max_node_count: '10',
      autoscaler_scale_down_util_threshold: '100',
      autoscaler_scale_down_unneeded_time: '1440',
      autoscaler_scale_down_delay_after_add: '1',
    });
    expect(endpointCreate.bodySchema?.safeParse(body).success).toBe(true);
  });
});

describe('endpoint stage parameters', () => {
  function stageMessage(parameter: string, overrides: Record<string, RawValue>) {
    return issuesFor(stage, { ...validStage, ...overrides }).find(
      (issue) => issue.parameter === parameter,
    )?.message;
  }

  it('accepts a stage with one model', () => {
    expect(issuesFor(stage, validStage)).toEqual([]);
  });

  describe('when a value sits at a range edge', () => {
    const cases: Array<[string, string | undefined, string | undefined]> = [
      ['stage_name', 'a'.repeat(30), undefined],
      ['stage_name', 'a'.repeat(31), 'must be at most 30 characters'],
      ['stage_name', 'canary2', undefined],
      ['stage_name', 'Canary', 'must contain only lowercase letters and digits'],
      ['stage_name', 'can-ary', 'must contain only lowercase letters and digits'],
      ['stage_name', undefined, 'is required'],
      ['endpoint_id', 'e'.repeat(36), undefined],
      ['endpoint_id', 'e'.repeat(37), 'must be at most 36 characters'],
      ['endpoint_id', undefined, 'is required'],
      ['instance_count', '10', undefined],
      ['instance_count', '11', 'must be a whole number from 1 to 10'],
    ];
    it.each(cases)('%s = %s gives %j', (parameter, value, expected) => {
      expect(stageMessage(parameter, { [parameter]: value })).toBe(expected);
    });
  });

  it('sends the stage name as apigwStageName with the endpoint', () => {
    const body = stageBody({ autoscaler_scale_down_enable: 'off' });
    expect(body).toMatchObject({
      endpointId: 'ep1',
      apigwStageName: 'canary',
      flavorId: 'flavor-1',
      caScaleDownEnable: false,
      caMinNodeCount: 1,
      caMaxNodeCount: 10,
    });
    expect(endpointStageCreateBodySchema.safeParse(body).success).toBe(true);
  });

  it('accepts every scale metric', () => {
    const body = stageBody({
      endpoint_model_resource_list: [
        'model=a cpu=1 memory=1Gi autoscale=CONCURRENCY:1',
        'model=b cpu=1 memory=1Gi autoscale=REQUESTS_PER_SECOND:1',
        'model=c cpu=1 memory=1Gi autoscale=CPU_UTILIZATION:1',
        'model=d cpu=1 memory=1Gi autoscale=MEMORY_UTILIZATION:1',
      ].join('\n'),
    });
    expect(endpointStageCreate.bodySchema?.safeParse(body).success).toBe(true);
  });

  it('resolves the endpoint and the instance type through lookups', () => {
    expect(endpointStageCreate.references.map((reference) => reference.lookup)).toEqual([
      'endpoint',
      'flavor',
    ]);
    expect(endpointStageCreate.verb).toBe('add');
  });
});
