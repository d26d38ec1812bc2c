import { createLogger } from '../../src/logger.js';
import {
  createSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../../src/simulator/simulator-server.js';

export const testAppKey = 'test-appkey';
export const testStaticToken = 'test-static-token';

export interface JsonAnswer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON responses.
  body: any;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  token?: string | null;
  signal?: AbortSignal;
}

/** A simulator on a free loopback port with helpers that call it through `fetch`. */
export interface SimulatorHarness {
  simulator: Simulator;
  url: string;
  /** Calls `{url}/v1.0/appkeys/{testAppKey}{path}` with the static bearer token by default. */
  api(method: string, path: string, options?: RequestOptions): Promise<JsonAnswer>;
  /** Calls any path on the simulator, without a token unless one is given. */
  raw(method: string, path: string, options?: RequestOptions): Promise<JsonAnswer>;
  /** Calls `/_simulator/{path}`. */
  control(method: string, path: string, body?: unknown): Promise<JsonAnswer>;
  /** Creates an experiment and moves the clock until it is ACTIVE; returns its id. */
  activeExperiment(name?: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startSimulatorHarness(
  options: SimulatorOptions = {},
): Promise<SimulatorHarness> {
  const simulator = createSimulator({
    host: '127.0.0.1',
    port: 0,
    appKey: testAppKey,
    staticAccessTokens: [testStaticToken],
    logger: createLogger('silent'),
    ...options,
  });
  await simulator.start();
  const url = simulator.url;

  const raw = async (method: string, path: string, options: RequestOptions = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) {
      headers['x-nhn-authorization'] = `Bearer ${options.token}`;
    }
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${url}${path}`, {
      method,
      headers,
      body,
      signal: options.signal,
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text === '' ? undefined : JSON.parse(text),
    };
  };

  const api = (method: string, path: string, options: RequestOptions = {}) =>
    raw(method, `/v1.0/appkeys/${testAppKey}${path}`, {
      ...options,
      token: options.token === undefined ? testStaticToken : options.token,
    });

  const control = (method: string, path: string, body?: unknown) =>
    raw(method, `/_simulator/${path}`, { body });

  let experimentCount = 0;
  const activeExperiment = async (name?: string) => {
    experimentCount += 1;
    const experimentName = name ?? `experiment-${experimentCount}`;
    const created = await api('POST', '/experiments', { body: { experimentName } });
    if (created.status !== 200) {
      throw new Error(`experiment create failed: ${JSON.stringify(created.body)}`);
    }
    await control('POST', 'clock', { advanceSeconds: 60 });
    return created.body.experiment.experimentId as string;
  };

  return { simulator, url, api, raw, control, activeExperiment, stop: () => simulator.stop() };
}

/** Builds a valid `POST /trainings` body for user code on a CPU flavor, with overrides. */
export function trainingBody(
  experimentId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    trainingName: 'mnist-train',
    experimentId,
    imageId: 'imgtfcpu2150',
    flavorId: '5f0a7c52-1b7e-4a8e-9f31-0c1d2e3f4a01',
    instanceCount: 1,
    dataStorageSize: 300,
    sourceDirUri: 'obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_t/c/src',
    entryPoint: 'train.py',
    modelUploadUri: 'obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_t/c/model',
    timeoutMinutes: 600,
    hyperparameterList: [{ parameterName: 'epochs', parameterValue: '3' }],
    datasetList: [
      {
        datasetName: 'train',
        dataUri: 'obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_t/c/data',
      },
    ],
    useLog: true,
    trainingTypeCode: 'NORMAL',
    ...overrides,
  };
}

export const flavorIds = {
  cpu4: '5f0a7c52-1b7e-4a8e-9f31-0c1d2e3f4a01',
  gpuT4: '5f0a7c52-1b7e-4a8e-9f31-0c1d2e3f4a04',
  gpuV100x2: '5f0a7c52-1b7e-4a8e-9f31-0c1d2e3f4a05',
};
