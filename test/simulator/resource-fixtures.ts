import { flavorIds, type SimulatorHarness } from './simulator-harness.js';

/*
 * Valid create bodies for the resources beside trainings, each with overrides, and helpers that
 * bring a resource to its ready status by moving the simulated clock.
 */

type Overrides = Record<string, unknown>;

const obs = 'obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_t/c';

export const simulatedTenant = 'simulator-tenant';

/** Builds a valid `POST /hyperparameter-tunings` body for user code on a CPU flavor. */
export function tuningBody(experimentId: string, overrides: Overrides = {}): Overrides {
  return {
    hyperparameterTuningName: 'mnist-tune',
    experimentId,
    imageId: 'imgtfcpu2150',
    flavorId: flavorIds.cpu4,
    instanceCount: 2,
    parallelTrialCount: 2,
    dataStorageSize: 300,
    sourceDirUri: `${obs}/src`,
    entryPoint: 'train.py',
    modelUploadUri: `${obs}/model`,
    timeoutMinutes: 600,
    datasetList: [{ datasetName: 'train', dataUri: `${obs}/data` }],
    hyperparameterSpecList: [
      {
        hyperparameterName: 'learning_rate',
        hyperparameterTypeCode: 'double',
        hyperparameterMinValue: '0.001',
        hyperparameterMaxValue: '0.1',
      },
      {
        hyperparameterName: 'optimizer',
        hyperparameterTypeCode: 'categorical',
        hyperparameterSpecifiedValues: 'adam,sgd',
      },
    ],
    metricList: [{ name: 'accuracy' }, { name: 'loss' }],
    objectiveMetric: { name: 'accuracy' },
    objectiveTypeCode: 'MAXIMIZE',
    maxTrialCount: 8,
    tuningStrategyName: 'RANDOM',
    earlyStoppingAlgorithm: 'MEDIAN',
    useLog: false,
    ...overrides,
  };
}

/** Builds a valid `POST /models` body with artifacts on Object Storage. */
export function modelBody(overrides: Overrides = {}): Overrides {
  return {
    modelName: 'iris-model',
    modelTypeCode: 'SCIKIT_LEARN',
    modelUploadUri: `${obs}/models/iris`,
    ...overrides,
  };
}

/** Builds one valid `endpointModelResourceList` item. */
export function resourceItem(modelId: string, overrides: Overrides = {}): Overrides {
  return { modelId, resourceOptionDetail: { cpu: '1.5', memory: '2Gi' }, ...overrides };
}

/** Builds a valid `POST /endpoints` body for one model, with the SDK's autoscaler defaults. */
export function endpointBody(modelId: string, overrides: Overrides = {}): Overrides {
  return {
    endpointName: 'iris-endpoint',
    flavorId: flavorIds.cpu4,
    nodeCount: 1,
    endpointModelResourceList: [resourceItem(modelId)],
    caEnable: false,
    caMinNodeCount: 1,
    caMaxNodeCount: 10,
    caScaleDownEnable: true,
    caScaleDownUtilThresh: 50,
    caScaleDownUnneededTime: 10,
    caScaleDownDelayAfterAdd: 10,
    useLog: false,
    ...overrides,
  };
}

/** Builds a valid `POST /endpoint-stages` body. */
export function stageBody(endpointId: string, modelId: string, overrides: Overrides = {}) {
  const { endpointName: _endpointName, ...fields } = endpointBody(modelId);
  return { ...fields, endpointId, apigwStageName: 'canary', ...overrides };
}

/** Builds a valid `POST /batch-inferences` body reading the seed batch inputs. */
export function batchBody(modelId: string, overrides: Overrides = {}): Overrides {
  return {
    batchInferenceName: 'iris-batch',
    instanceCount: 1,
    timeoutMinutes: 60,
    flavorId: flavorIds.cpu4,
    modelId,
    podCount: 1,
    maxBatchSize: 32,
    inferenceTimeoutSeconds: 120,
    inputDataUri: `obs://127.0.0.1/v1/AUTH_${simulatedTenant}/ml-bucket/batch-input`,
    inputDataTypeCode: 'JSONL',
    outputUploadUri: `obs://127.0.0.1/v1/AUTH_${simulatedTenant}/ml-bucket/batch-output/run-1`,
    dataStorageSize: 300,
    ...overrides,
  };
}

/** A compiled pipeline file with two root parameters: `epochs` (default 3) and `dataset`. */
export const pipelineYaml = `# PIPELINE DEFINITION
# Name: train-pipeline
components:
  comp-train:
    inputDefinitions:
      parameters:
        inner:
          parameterType: STRING
pipelineInfo:
  name: train-pipeline
root:
  dag:
    tasks: {}
  inputDefinitions:
    parameters:
      epochs:
        defaultValue: 3.0
        isOptional: true
        parameterType: NUMBER_INTEGER
      dataset:
        parameterType: STRING
schemaVersion: 2.1.0
`;

/** Builds a valid `POST /pipelines/upload` body. */
export function pipelineUploadBody(yaml = pipelineYaml, overrides: Overrides = {}): Overrides {
  return {
    pipelineName: 'train-pipeline',
    base64PipelineSpecManifest: Buffer.from(yaml, 'utf8').toString('base64'),
    ...overrides,
  };
}

/** Builds a valid `POST /pipeline-runs` body for `pipelineYaml`. */
export function runBody(pipelineId: string, experimentId: string, overrides: Overrides = {}) {
  return {
    pipelineRunOrRecurringRunName: 'nightly',
    pipelineId,
    experimentId,
    flavorId: flavorIds.cpu4,
    instanceCount: 1,
    bootStorageSize: 50,
    parameterList: [{ parameterName: 'dataset', parameterValue: 'iris' }],
    ...overrides,
  };
}

/** Moves the simulated clock forward. */
export async function advance(harness: SimulatorHarness, seconds: number): Promise<void> {
  await harness.control('POST', 'clock', { advanceSeconds: seconds });
}

/** Creates a model from `modelBody` and waits until it is ACTIVE; returns its id. */
export async function activeModel(harness: SimulatorHarness, overrides: Overrides = {}) {
  const created = await harness.api('POST', '/models', { body: modelBody(overrides) });
  if (created.status !== 200) {
    throw new Error(`model create failed: ${JSON.stringify(created.body)}`);
  }
  await advance(harness, 10);
  return created.body.model.modelId as string;
}

/** Creates an endpoint and waits until it and its default stage are ACTIVE; returns it. */
export async function activeEndpoint(
  harness: SimulatorHarness,
  modelId: string,
  overrides: Overrides = {},
) {
  const created = await harness.api('POST', '/endpoints', {
    body: endpointBody(modelId, overrides),
  });
  if (created.status !== 200) {
    throw new Error(`endpoint create failed: ${JSON.stringify(created.body)}`);
  }
  await advance(harness, 15);
  const fetched = await harness.api('GET', `/endpoints/${created.body.endpoint.endpointId}`);
  return fetched.body.endpoint;
}

/** Uploads `pipelineYaml` and waits until the pipeline is ACTIVE; returns its id. */
export async function activePipeline(harness: SimulatorHarness, overrides: Overrides = {}) {
  const created = await harness.api('POST', '/pipelines/upload', {
    body: pipelineUploadBody(pipelineYaml, overrides),
  });
  if (created.status !== 200) {
    throw new Error(`pipeline upload failed: ${JSON.stringify(created.body)}`);
  }
  await advance(harness, 10);
  return created.body.pipeline.pipelineId as string;
}

/** Gets an Object Storage token with the default simulator credentials. */
export async function objectStorageToken(harness: SimulatorHarness): Promise<string> {
  const answer = await harness.raw('POST', '/v2.0/tokens', {
    body: {
      auth: {
        tenantId: simulatedTenant,
        passwordCredentials: { username: 'simulator-user', password: 'simulator-password' },
      },
    },
  });
  return answer.body.access.token.id as string;
}

export const successHeader = { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' };
