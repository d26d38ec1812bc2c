import {
  decodePipelineManifest,
  pipelineUploadBodySchema,
} from '../bodies/pipeline-upload-body.js';
import { generateResourceId } from '../ids.js';
import { type PipelineParameterSpec, readPipelineParameters } from '../pipeline-spec-reader.js';
import { chooseOutcome } from '../resource-outcomes.js';
import { activeResourcePaths } from '../resource-paths.js';
import type { PipelineRecord } from '../resource-records.js';
import type { Router } from '../router.js';
import type { SimulatorState } from '../simulator-state.js';
import { startProgression } from '../status-progression.js';
import { parseOrFail } from '../validation.js';
import { renderPipeline } from '../views/pipeline-views.js';
import { easyMakerPrefix, guardEasyMakerRoute } from './guards.js';
import { pagedListEnvelope } from './paging.js';
import { assertSettled, assertUnused, findOrFail, newestFirst, ok } from './resource-rules.js';

const label = 'pipeline';

/** Adds a pipeline that starts at CREATE_REQUESTED, or directly at ACTIVE when seeded. */
export function insertPipeline(
  state: SimulatorState,
  fields: {
    pipelineName: string;
    description: string | null;
    parameterSpecs: PipelineParameterSpec[];
  },
  outcome: keyof typeof activeResourcePaths,
  startActive = false,
): PipelineRecord {
  const nowMs = state.clock.nowMs();
  const pipeline: PipelineRecord = {
    ...fields,
    pipelineId: generateResourceId(),
    createdAtMs: nowMs,
    progression: startProgression(startActive ? ['ACTIVE'] : activeResourcePaths[outcome], nowMs),
  };
  state.store.pipelines.set(pipeline.pipelineId, pipeline);
  return pipeline;
}

/** Registers `POST /pipelines/upload` and the pipeline list, get and delete routes. */
export function registerPipelineRoutes(router: Router, state: SimulatorState): void {
  const collection = `${easyMakerPrefix}/pipelines`;
  const item = `${collection}/:pipelineId`;
  const { store } = state;
  const find = (id: string | undefined) => findOrFail(store.pipelines, id ?? '', label);

  router.add(
    'GET',
    collection,
    guardEasyMakerRoute(state, (request) => {
      const pipelines = newestFirst(store.pipelines).map((pipeline) =>
        renderPipeline(state, pipeline),
      );
      return { status: 200, body: pagedListEnvelope('pipelineList', pipelines, request.query) };
    }),
  );

  router.add(
    'POST',
    `${collection}/upload`,
    guardEasyMakerRoute(state, (request) => {
      const body = parseOrFail(pipelineUploadBodySchema, request.readJson());
      const manifest = decodePipelineManifest(body.base64PipelineSpecManifest);
      const outcome = chooseOutcome(state.faults, 'pipeline', body.pipelineName, 'ACTIVE');
      const pipeline = insertPipeline(
        state,
        {
          pipelineName: body.pipelineName,
          description: body.description ?? null,
          parameterSpecs: readPipelineParameters(manifest),
        },
        outcome,
      );
      state.logger.info(
        { pipelineId: pipeline.pipelineId, outcome },
        'simulated pipeline uploaded',
      );
      return ok('pipeline', renderPipeline(state, pipeline));
    }),
  );

  router.add(
    'GET',
    item,
    guardEasyMakerRoute(state, (request) =>
      ok('pipeline', renderPipeline(state, find(request.params.pipelineId))),
    ),
  );

  router.add(
    'DELETE',
    item,
    guardEasyMakerRoute(state, (request) => {
      const pipeline = find(request.params.pipelineId);
      const id = pipeline.pipelineId;
      assertSettled(label, id, pipeline.progression.status);
      const schedule = [...store.pipelineRecurringRuns.values()].find(
        (recurringRun) => recurringRun.settings.pipeline.pipelineId === id,
      );
      assertUnused(
        label,
        id,
        schedule && `is used by recurring run ${schedule.pipelineRecurringRunId}`,
      );
      store.pipelines.delete(id);
      state.logger.info({ pipelineId: id }, 'simulated pipeline deleted');
      return ok();
    }),
  );
}
