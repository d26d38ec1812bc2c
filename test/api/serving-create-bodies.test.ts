import { describe, expect, it } from 'vitest';
import { batchInferenceCreateBodySchema } from '../../src/api/schemas/batch-inference-create-body.js';
import { endpointCreateBodySchema } from '../../src/api/schemas/endpoint-create-body.js';
import { endpointStageCreateBodySchema } from '../../src/api/schemas/endpoint-stage-create-body.js';
import { modelCreateBodySchema } from '../../src/api/schemas/model-create-body.js';
import { copies, expectLimitEdge, issuePaths, type LimitEdge, text } from './schema-cases.js';

const modelBody = { modelName: 'mnist', modelTypeCode: 'TENSORFLOW', trainingId: 'cskni154xcny' };

describe('modelCreateBodySchema', () => {
  const parameter = { parameterName: 'model_id', parameterValue: 'bert-base-uncased' };
  const edges: LimitEdge[] = [
    {
      name: 'name length',
      lastValid: { modelName: text(50) },
      firstInvalid: { modelName: text(51) },
    },
    {
      name: 'parameter count',
      lastValid: { parameterList: copies(10, parameter) },
      firstInvalid: { parameterList: copies(11, parameter) },
    },
    {
      name: 'parameter name length',
      lastValid: { parameterList: [{ parameterName: text(64), parameterValue: 'v' }] },
      firstInvalid: { parameterList: [{ parameterName: text(65), parameterValue: 'v' }] },
      path: 'parameterList.0.parameterName',
    },
    {
      name: 'parameter value length',
      lastValid: { parameterList: [{ parameterName: 'n', parameterValue: text(255) }] },
      firstInvalid: { parameterList: [{ parameterName: 'n', parameterValue: text(256) }] },
      path: 'parameterList.0.parameterValue',
    },
    {
      name: 'upload URI length',
      lastValid: { trainingId: undefined, modelUploadUri: text(255) },
      firstInvalid: { modelUploadUri: text(256), trainingId: undefined },
    },
  ];

  it.each(edges)('accepts the last valid and rejects the first invalid $name', (edge) => {
    expectLimitEdge(modelCreateBodySchema, modelBody, edge);
  });

  it('accepts each single source', () => {
    const { trainingId: _training, ...withoutSource } = modelBody;
    const sources = [
      { trainingId: 'cskni154xcny' },
      { hyperparameterTuningId: 'tuning000001' },
      { modelUploadUri: 'obs://host/v1/AUTH_t/bucket/model' },
    ];
    for (const source of sources) {
      expect(issuePaths(modelCreateBodySchema, { ...withoutSource, ...source })).toEqual([]);
    }
  });

  it('rejects no source and two sources', () => {
    const { trainingId: _training, ...withoutSource } = modelBody;

    expect(issuePaths(modelCreateBodySchema, withoutSource)).toEqual(['trainingId']);
    const twoSources = { ...modelBody, hyperparameterTuningId: 'tuning000001' };
    expect(issuePaths(modelCreateBodySchema, twoSources)).toEqual(['trainingId']);
  });

  it('requires model_id and no other source for Hugging Face', () => {
    const huggingFace = { modelName: 'bert', modelTypeCode: 'HUGGING_FACE' };

    expect(
      issuePaths(modelCreateBodySchema, { ...huggingFace, parameterList: [parameter] }),
    ).toEqual([]);
    expect(issuePaths(modelCreateBodySchema, huggingFace)).toEqual(['parameterList']);
    const withTraining = { ...huggingFace, parameterList: [parameter], trainingId: 'abc' };
    expect(issuePaths(modelCreateBodySchema, withTraining)).toEqual(['modelTypeCode']);
  });

  it('rejects the guide-only format names', () => {
    expect(issuePaths(modelCreateBodySchema, { ...modelBody, modelTypeCode: 'SKLEARN' })).toEqual([
      'modelTypeCode',
    ]);
  });
});

const resource = {
  modelId: 'model0000001',
  resourceOptionDetail: { cpu: '1.55', memory: '3730Mi' },
  podAutoScaleEnable: true,
  scaleMetricCode: 'CPU_UTILIZATION',
  scaleMetricTarget: 80,
};
const deployment = {
  flavorId: '8a9d4b6e-1f1c-4b7e-9a57-0c7d1f8e2a11',
  nodeCount: 1,
  endpointModelResourceList: [resource],
  caEnable: false,
  caMinNodeCount: 1,
  caMaxNodeCount: 10,
  caScaleDownEnable: true,
  caScaleDownUtilThresh: 50,
  caScaleDownUnneededTime: 10,
  caScaleDownDelayAfterAdd: 10,
  useLog: false,
};
const withResource = (change: Record<string, unknown>) => ({
  endpointModelResourceList: [{ ...resource, ...change }],
});
const withOptions = (options: Record<string, unknown>) =>
  withResource({ resourceOptionDetail: options });

const deploymentEdges: LimitEdge[] = [
  { name: 'node count maximum', lastValid: { nodeCount: 10 }, firstInvalid: { nodeCount: 11 } },
  { name: 'node count minimum', lastValid: { nodeCount: 1 }, firstInvalid: { nodeCount: 0 } },
  {
    name: 'stage resource count',
    lastValid: { endpointModelResourceList: copies(10, resource) },
    firstInvalid: { endpointModelResourceList: copies(11, resource) },
  },
  {
    name: 'stage resource minimum',
    lastValid: { endpointModelResourceList: [resource] },
    firstInvalid: { endpointModelResourceList: [] },
  },
  {
    name: 'memory minimum',
    lastValid: withOptions({ cpu: '1', memory: '1Mi' }),
    firstInvalid: withOptions({ cpu: '1', memory: '0.5Mi' }),
    path: 'endpointModelResourceList.0.resourceOptionDetail.memory',
  },
  {
    name: 'cpu minimum',
    lastValid: withOptions({ cpu: '0.0', memory: '15Gi' }),
    firstInvalid: withOptions({ cpu: '-0.1', memory: '15Gi' }),
    path: 'endpointModelResourceList.0.resourceOptionDetail.cpu',
  },
  {
    name: 'scale metric target',
    lastValid: withResource({ scaleMetricTarget: 1 }),
    firstInvalid: withResource({ scaleMetricTarget: 0 }),
    path: 'endpointModelResourceList.0.scaleMetricTarget',
  },
  {
    name: 'resource description length',
    lastValid: withResource({ description: text(255) }),
    firstInvalid: withResource({ description: text(256) }),
    path: 'endpointModelResourceList.0.description',
  },
  {
    name: 'autoscaler node bounds',
    lastValid: { caMinNodeCount: 10, caMaxNodeCount: 10 },
    firstInvalid: { caMinNodeCount: 10, caMaxNodeCount: 9 },
  },
  {
    name: 'autoscaler threshold',
    lastValid: { caScaleDownUtilThresh: 100 },
    firstInvalid: { caScaleDownUtilThresh: 101 },
  },
  {
    name: 'description length',
    lastValid: { description: text(255) },
    firstInvalid: { description: text(256) },
  },
];

describe('endpointCreateBodySchema', () => {
  const endpointBody = { endpointName: 'mnist-endpoint', ...deployment };

  it.each([
    ...deploymentEdges,
    {
      name: 'name length',
      lastValid: { endpointName: text(50) },
      firstInvalid: { endpointName: text(51) },
    },
  ])('accepts the last valid and rejects the first invalid $name', (edge) => {
    expectLimitEdge(endpointCreateBodySchema, endpointBody, edge);
  });

  it('rejects resource options in the wrong form', () => {
    const cases = [
      { cpu: '1.5 cores', memory: '1Gi' },
      { cpu: '1', memory: '1GB' },
      { cpu: '1', memory: '1Gi', gpu: '0.5' },
      { cpu: 1, memory: '1Gi' },
    ];
    for (const options of cases) {
      const paths = issuePaths(endpointCreateBodySchema, {
        ...endpointBody,
        ...withOptions(options),
      });
      expect(paths, JSON.stringify(options)).toHaveLength(1);
    }
    const withGpu = withOptions({ cpu: '4', memory: '15Gi', gpu: '1' });
    expect(issuePaths(endpointCreateBodySchema, { ...endpointBody, ...withGpu })).toEqual([]);
  });

  it('rejects an unknown scale metric and unknown fields', () => {
    const metric = withResource({ scaleMetricCode: 'GPU_UTILIZATION' });
    expect(issuePaths(endpointCreateBodySchema, { ...endpointBody, ...metric })).toEqual([
      'endpointModelResourceList.0.scaleMetricCode',
    ]);
    expect(issuePaths(endpointCreateBodySchema, { ...endpointBody, podCount: 2 })).toEqual(['']);
  });
});

describe('endpointStageCreateBodySchema', () => {
  const stageBody = { endpointId: 'endpoint0001', apigwStageName: 'canary', ...deployment };

  it.each([
    ...deploymentEdges,
    {
      name: 'stage name length',
      lastValid: { apigwStageName: text(50) },
      firstInvalid: { apigwStageName: text(51) },
    },
    {
      name: 'endpoint id length',
      lastValid: { endpointId: text(36) },
      firstInvalid: { endpointId: text(37) },
    },
  ])('accepts the last valid and rejects the first invalid $name', (edge) => {
    expectLimitEdge(endpointStageCreateBodySchema, stageBody, edge);
  });

  it('rejects an endpoint name', () => {
    expect(issuePaths(endpointStageCreateBodySchema, { ...stageBody, endpointName: 'x' })).toEqual([
      '',
    ]);
  });
});

describe('batchInferenceCreateBodySchema', () => {
  const batchBody = {
    batchInferenceName: 'mnist-batch',
    instanceCount: 1,
    timeoutMinutes: 60,
    flavorId: '8a9d4b6e-1f1c-4b7e-9a57-0c7d1f8e2a11',
    modelId: 'model0000001',
    podCount: 1,
    maxBatchSize: 32,
    inferenceTimeoutSeconds: 120,
    inputDataUri: 'obs://host/v1/AUTH_t/bucket/input',
    inputDataTypeCode: 'JSONL',
    includeGlobPattern: '**/*.jsonl',
    outputUploadUri: 'obs://host/v1/AUTH_t/bucket/output',
    dataStorageSize: 300,
  };
  const edges: LimitEdge[] = [
    {
      name: 'name length',
      lastValid: { batchInferenceName: text(50) },
      firstInvalid: { batchInferenceName: text(51) },
    },
    { name: 'instances', lastValid: { instanceCount: 10 }, firstInvalid: { instanceCount: 11 } },
    { name: 'pods maximum', lastValid: { podCount: 100 }, firstInvalid: { podCount: 101 } },
    { name: 'pods minimum', lastValid: { podCount: 1 }, firstInvalid: { podCount: 0 } },
    { name: 'batch size', lastValid: { maxBatchSize: 1000 }, firstInvalid: { maxBatchSize: 1001 } },
    {
      name: 'inference timeout maximum',
      lastValid: { inferenceTimeoutSeconds: 1200 },
      firstInvalid: { inferenceTimeoutSeconds: 1201 },
    },
    {
      name: 'inference timeout minimum',
      lastValid: { inferenceTimeoutSeconds: 1 },
      firstInvalid: { inferenceTimeoutSeconds: 0 },
    },
    {
      name: 'timeout maximum',
      lastValid: { timeoutMinutes: 43_200 },
      firstInvalid: { timeoutMinutes: 43_201 },
    },
    {
      name: 'data storage minimum',
      lastValid: { dataStorageSize: 300 },
      firstInvalid: { dataStorageSize: 299 },
    },
    {
      name: 'glob length',
      lastValid: { excludeGlobPattern: text(255) },
      firstInvalid: { excludeGlobPattern: text(256) },
    },
    {
      name: 'input type',
      lastValid: { inputDataTypeCode: 'JSON' },
      firstInvalid: { inputDataTypeCode: 'CSV' },
    },
  ];

  it.each(edges)('accepts the last valid and rejects the first invalid $name', (edge) => {
    expectLimitEdge(batchInferenceCreateBodySchema, batchBody, edge);
  });

  it('requires the published required fields', () => {
    const { podCount: _pods, dataStorageSize: _storage, ...partial } = batchBody;

    expect(issuePaths(batchInferenceCreateBodySchema, partial).sort()).toEqual([
      'dataStorageSize',
      'podCount',
    ]);
  });
});
