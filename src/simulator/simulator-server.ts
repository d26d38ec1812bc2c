import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, type Logger } from '../logger.js';
import { handleRequest } from './request-handler.js';
import { Router } from './router.js';
import { registerBatchInferenceRoutes } from './routes/batch-inferences.js';
import { registerControlRoutes } from './routes/control.js';
import { registerEndpointModelRoutes } from './routes/endpoint-models.js';
import { registerEndpointStageRoutes } from './routes/endpoint-stages.js';
import { registerEndpointRoutes } from './routes/endpoints.js';
import { registerExperimentRoutes } from './routes/experiments.js';
import { registerTuningRoutes } from './routes/hyperparameter-tunings.js';
import { registerIdentityRoutes } from './routes/identity.js';
import { registerInferenceRoutes } from './routes/inference.js';
import { registerLogSearchRoutes } from './routes/log-search.js';
import { registerLookupRoutes } from './routes/lookups.js';
import { registerModelRoutes } from './routes/models.js';
import { registerOauthRoutes } from './routes/oauth.js';
import { registerObjectStorageRoutes } from './routes/object-storage.js';
import { registerPipelineRecurringRunRoutes } from './routes/pipeline-recurring-runs.js';
import { registerPipelineRunRoutes } from './routes/pipeline-runs.js';
import { registerPipelineRoutes } from './routes/pipelines.js';
import { registerTrainingRoutes } from './routes/trainings.js';
import { SimulatorState } from './simulator-state.js';

export interface SimulatorOptions {
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** Port to bind; default 10090 (the port of the SDK's `local` profile); 0 picks a free port. */
  port?: number;
  /** The one EasyMaker app key served; default `simulator-appkey`. */
  appKey?: string;
  /** Log & Crash app key reported on trainings and served by log search. */
  logAndCrashAppKey?: string;
  /** User Access Key ID accepted by the OAuth call; default `simulator-access-key`. */
  accessKeyId?: string;
  /** Secret of that key; default `simulator-secret-key`. */
  secretAccessKey?: string;
  /** Bearer tokens accepted without the OAuth call. */
  staticAccessTokens?: string[];
  /** `expires_in` of issued tokens in seconds; default 86400. */
  tokenLifetimeSeconds?: number;
  /** Object Storage tenant (account `AUTH_{tenantId}`); default `simulator-tenant`. */
  objectStorageTenantId?: string;
  /** User name accepted by the identity token call; default `simulator-user`. */
  objectStorageUsername?: string;
  /** Object Storage API password accepted by the identity token call; default `simulator-password`. */
  objectStoragePassword?: string;
  /** Status progression speed factor; 1 is about 5 s per step, 10 is ten times faster. */
  speed?: number;
  logger?: Logger;
}

export interface Simulator {
  /** Base URL, e.g. `http://127.0.0.1:10090`; contains the bound port once started. */
  readonly url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export const defaultSimulatorPort = 10090;

function formatUrl(host: string, port: number): string {
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return `http://${hostPart}:${port}`;
}

/**
 * Creates a local EasyMaker simulator on one HTTP server. It serves the EasyMaker REST API, the
 * inference calls of endpoint stages, the NHN Cloud OAuth token call, Object Storage (identity
 * tokens and a Swift-style store), Log & Crash Search v3 and a `/_simulator/` control API.
 */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? defaultSimulatorPort;
  const speed = options.speed ?? 1;
  if (!(speed > 0) || !Number.isFinite(speed)) {
    throw new RangeError(`speed must be a positive number, got ${speed}`);
  }
  const logger = (options.logger ?? createLogger()).child({ component: 'easymaker-simulator' });
  const state = new SimulatorState(
    {
      appKey: options.appKey ?? 'simulator-appkey',
      logAndCrashAppKey: options.logAndCrashAppKey ?? 'simulator-logncrash-appkey',
    },
    {
      accessKeyId: options.accessKeyId ?? 'simulator-access-key',
      secretAccessKey: options.secretAccessKey ?? 'simulator-secret-key',
      staticAccessTokens: options.staticAccessTokens ?? [],
      tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 86400,
    },
    speed,
    logger,
    {
      tenantId: options.objectStorageTenantId ?? 'simulator-tenant',
      username: options.objectStorageUsername ?? 'simulator-user',
      password: options.objectStoragePassword ?? 'simulator-password',
    },
  );
  state.baseUrl = formatUrl(host, port);

  const router = new Router();
  registerOauthRoutes(router, state);
  registerLookupRoutes(router, state);
  registerExperimentRoutes(router, state);
  registerTrainingRoutes(router, state);
  registerTuningRoutes(router, state);
  registerModelRoutes(router, state);
  registerEndpointRoutes(router, state);
  registerEndpointStageRoutes(router, state);
  registerEndpointModelRoutes(router, state);
  registerInferenceRoutes(router, state);
  registerBatchInferenceRoutes(router, state);
  registerPipelineRoutes(router, state);
  registerPipelineRunRoutes(router, state);
  registerPipelineRecurringRunRoutes(router, state);
  registerIdentityRoutes(router, state);
  registerObjectStorageRoutes(router, state);
  registerLogSearchRoutes(router, state);
  registerControlRoutes(router, state);

  let server: Server | undefined;
  let shutdown = new AbortController();

  return {
    get url() {
      return state.baseUrl;
    },

    async start() {
      if (server !== undefined) {
        throw new Error(`simulator is already running at ${state.baseUrl}`);
      }
      shutdown = new AbortController();
      const signal = shutdown.signal;
      const created = createServer((request, response) => {
        void handleRequest(request, response, router, state, signal);
      });
      await new Promise<void>((resolve, reject) => {
        created.once('error', reject);
        created.listen(port, host, () => {
          created.off('error', reject);
          resolve();
        });
      });
      server = created;
      const address = created.address() as AddressInfo;
      state.baseUrl = formatUrl(host, address.port);
      logger.info(
        { url: state.baseUrl, appKey: state.identity.appKey, speed },
        'simulator started',
      );
    },

    async stop() {
      const running = server;
      if (running === undefined) {
        return;
      }
      server = undefined;
      shutdown.abort();
      await new Promise<void>((resolve, reject) => {
        running.close((error) => (error ? reject(error) : resolve()));
        running.closeAllConnections();
      });
      logger.info({ url: state.baseUrl }, 'simulator stopped');
    },
  };
}
