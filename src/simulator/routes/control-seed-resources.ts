import { z } from 'zod';
import { modelTypeCodes } from '../bodies/model-create-body.js';
import { formatObsUri } from '../object-storage/obs-uri.js';
import { seedContainer } from '../object-storage/seed-objects.js';
import type { ModelRecord } from '../resource-records.js';
import type { SimulatorState } from '../simulator-state.js';
import { renderEndpoint } from '../views/endpoint-view.js';
import { renderModel } from '../views/model-view.js';
import { renderPipeline } from '../views/pipeline-views.js';
import { insertEndpoint } from './endpoint-create.js';
import { resolveDeployment } from './endpoint-deploy.js';
import { insertModel } from './model-create.js';
import { insertPipeline } from './pipelines.js';

const maxSeedItems = 10_000;

const modelSeedSchema = z.object({
  modelName: z.string().min(1).max(50),
  modelTypeCode: z.enum(modelTypeCodes).default('TENSORFLOW'),
  modelUploadUri: z.string().min(1).max(255).optional(),
  description: z.string().max(255).nullish(),
});

const endpointSeedSchema = z.object({
  endpointName: z.string().min(1).max(50),
  modelId: z.string().min(1).optional(),
  modelName: z.string().min(1).max(50).optional(),
  flavorId: z.string().min(1).optional(),
  nodeCount: z.int().min(1).max(10).default(1),
});

const pipelineSeedSchema = z.object({
  pipelineName: z.string().min(1).max(50),
  description: z.string().max(255).nullish(),
  parameters: z
    .array(
      z.object({
        parameterName: z.string().min(1),
        parameterType: z.string().default('STRING'),
        isOptional: z.boolean().default(true),
        defaultValue: z.string().nullable().default(null),
      }),
    )
    .default([]),
});

/** Seed fields for models, endpoints and pipelines; `seedBodySchema` spreads them in. */
export const resourceSeedFields = {
  models: z.array(modelSeedSchema).max(maxSeedItems).optional(),
  endpoints: z.array(endpointSeedSchema).max(maxSeedItems).optional(),
  pipelines: z.array(pipelineSeedSchema).max(maxSeedItems).optional(),
};

type ResourceSeed = z.infer<z.ZodObject<typeof resourceSeedFields>>;

/** Finds the model an endpoint seed names by id or name, or seeds one called `{endpoint}-model`. */
function modelForEndpoint(
  state: SimulatorState,
  seed: z.infer<typeof endpointSeedSchema>,
): ModelRecord {
  const models = [...state.store.models.values()];
  const named =
    models.find((model) => model.modelId === seed.modelId) ??
    models.findLast((model) => seed.modelName !== undefined && model.modelName === seed.modelName);
  return (
    named ??
    seedModel(state, { modelName: `${seed.endpointName}-model`, modelTypeCode: 'TENSORFLOW' })
  );
}

function seedModel(
  state: SimulatorState,
  seed: Pick<z.infer<typeof modelSeedSchema>, 'modelName' | 'modelTypeCode'> &
    Partial<z.infer<typeof modelSeedSchema>>,
): ModelRecord {
  const modelUploadUri =
    seed.modelUploadUri ??
    formatObsUri({
      host: state.hostAndPort,
      tenantId: state.objectStorage.tenantId,
      container: seedContainer,
      objectPath: `models/${seed.modelName}`,
    });
  return insertModel(
    state,
    {
      modelName: seed.modelName,
      modelTypeCode: seed.modelTypeCode,
      modelUploadUri,
      description: seed.description ?? null,
      frameworkVersion: null,
      parameterList: [],
      training: null,
      hyperparameterTuning: null,
    },
    'ACTIVE',
    true,
  );
}

/**
 * Adds seeded models, endpoints and pipelines, all ACTIVE at once. An endpoint seed serves
 * one model (named by id or name, else a new one) from its default stage on the first flavor
 * unless `flavorId` is given. Returns the items as the list routes would.
 */
export function applyResourceSeed(state: SimulatorState, body: ResourceSeed) {
  const models = (body.models ?? []).map((seed) => seedModel(state, seed));
  const endpoints = (body.endpoints ?? []).map((seed) => {
    const model = modelForEndpoint(state, seed);
    const { deployment, resources } = resolveDeployment(state, {
      flavorId: seed.flavorId ?? state.store.flavors[0]?.id ?? '',
      nodeCount: seed.nodeCount,
      endpointModelResourceList: [
        { modelId: model.modelId, resourceOptionDetail: { cpu: '1', memory: '2Gi' } },
      ],
    });
    return insertEndpoint(
      state,
      { endpointName: seed.endpointName, deployment, resources },
      'ACTIVE',
      true,
    );
  });
  const pipelines = (body.pipelines ?? []).map((seed) =>
    insertPipeline(
      state,
      {
        pipelineName: seed.pipelineName,
        description: seed.description ?? null,
        parameterSpecs: seed.parameters,
      },
      'ACTIVE',
      true,
    ),
  );
  return {
    modelList: models.map((model) => renderModel(state, model)),
    endpointList: endpoints.map((endpoint) => renderEndpoint(state, endpoint)),
    pipelineList: pipelines.map((pipeline) => renderPipeline(state, pipeline)),
  };
}
