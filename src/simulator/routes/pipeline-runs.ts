import { stoppableJobStatuses } from '../resource-paths.js';
import type { Router } from '../router.js';
import type { SimulatorState } from '../simulator-state.js';
import { renderPipelineRecurringRun, renderPipelineRun } from '../views/pipeline-views.js';
import { easyMakerPrefix, guardEasyMakerRoute } from './guards.js';
import { pagedListEnvelope } from './paging.js';
import { createPipelineRunOrSchedule } from './pipeline-run-create.js';
import { assertSettled, findOrFail, newestFirst, ok, stopJob } from './resource-rules.js';

const label = 'pipeline run';

/**
 * Registers the pipeline run list, create, get, delete and stop routes. A create body with a
 * schedule field makes a recurring run, returned under the key `pipelineRecurringRun`.
 */
export function registerPipelineRunRoutes(router: Router, state: SimulatorState): void {
  const collection = `${easyMakerPrefix}/pipeline-runs`;
  const item = `${collection}/:pipelineRunId`;
  const { store } = state;
  const find = (id: string | undefined) => findOrFail(store.pipelineRuns, id ?? '', label);

  router.add(
    'GET',
    collection,
    guardEasyMakerRoute(state, (request) => {
      const runs = newestFirst(store.pipelineRuns).map((run) => renderPipelineRun(state, run));
      return { status: 200, body: pagedListEnvelope('pipelineRunList', runs, request.query) };
    }),
  );

  router.add(
    'POST',
    collection,
    guardEasyMakerRoute(state, (request) => {
      const created = createPipelineRunOrSchedule(state, request.readJson());
      if (created.kind === 'pipelineRecurringRun') {
        return ok('pipelineRecurringRun', renderPipelineRecurringRun(state, created.recurringRun));
      }
      return ok('pipelineRun', renderPipelineRun(state, created.run));
    }),
  );

  router.add(
    'GET',
    item,
    guardEasyMakerRoute(state, (request) =>
      ok('pipelineRun', renderPipelineRun(state, find(request.params.pipelineRunId))),
    ),
  );

  router.add(
    'DELETE',
    item,
    guardEasyMakerRoute(state, (request) => {
      const run = find(request.params.pipelineRunId);
      assertSettled(label, run.pipelineRunId, run.progression.status, stoppableJobStatuses);
      store.pipelineRuns.delete(run.pipelineRunId);
      state.logger.info({ pipelineRunId: run.pipelineRunId }, 'simulated pipeline run deleted');
      return ok();
    }),
  );

  router.add(
    'PUT',
    `${item}/stop`,
    guardEasyMakerRoute(state, (request) => {
      const run = find(request.params.pipelineRunId);
      stopJob(state, run, label, run.pipelineRunId);
      return ok();
    }),
  );
}
