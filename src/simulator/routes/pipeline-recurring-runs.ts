import { SimulatorFailure } from '../envelope.js';
import type { Router } from '../router.js';
import type { SimulatorState } from '../simulator-state.js';
import { isGoingStatus, redirectProgression } from '../status-progression.js';
import { renderPipelineRecurringRun } from '../views/pipeline-views.js';
import { easyMakerPrefix, guardEasyMakerRoute } from './guards.js';
import { pagedListEnvelope } from './paging.js';
import { assertSettled, assertUnused, findOrFail, newestFirst, ok } from './resource-rules.js';

const label = 'pipeline recurring run';

/**
 * Registers the recurring run list, get, delete, stop (ENABLED -> DISABLED) and start
 * (DISABLED -> ENABLED) routes. Recurring runs are created through `POST /pipeline-runs`.
 */
export function registerPipelineRecurringRunRoutes(router: Router, state: SimulatorState): void {
  const collection = `${easyMakerPrefix}/pipeline-recurring-runs`;
  const item = `${collection}/:recurringRunId`;
  const { store } = state;
  const find = (id: string | undefined) => findOrFail(store.pipelineRecurringRuns, id ?? '', label);
  const render = (id: string | undefined) => renderPipelineRecurringRun(state, find(id));

  router.add(
    'GET',
    collection,
    guardEasyMakerRoute(state, (request) => {
      const recurringRuns = newestFirst(store.pipelineRecurringRuns).map((recurringRun) =>
        renderPipelineRecurringRun(state, recurringRun),
      );
      return {
        status: 200,
        body: pagedListEnvelope('pipelineRecurringRunList', recurringRuns, request.query),
      };
    }),
  );

  router.add(
    'GET',
    item,
    guardEasyMakerRoute(state, (request) =>
      ok('pipelineRecurringRun', render(request.params.recurringRunId)),
    ),
  );

  router.add(
    'DELETE',
    item,
    guardEasyMakerRoute(state, (request) => {
      const recurringRun = find(request.params.recurringRunId);
      const id = recurringRun.pipelineRecurringRunId;
      assertSettled(label, id, recurringRun.progression.status);
      const busyRun = [...store.pipelineRuns.values()].find(
        (run) =>
          run.recurringRun?.pipelineRecurringRunId === id && isGoingStatus(run.progression.status),
      );
      assertUnused(label, id, busyRun && `has pipeline run ${busyRun.pipelineRunId} in progress`);
      store.pipelineRecurringRuns.delete(id);
      state.logger.info({ pipelineRecurringRunId: id }, 'simulated pipeline recurring run deleted');
      return ok();
    }),
  );

  const toggle = (from: string, to: string, verb: string) =>
    guardEasyMakerRoute(state, (request) => {
      const recurringRun = find(request.params.recurringRunId);
      const id = recurringRun.pipelineRecurringRunId;
      const status = recurringRun.progression.status;
      if (status !== from) {
        throw new SimulatorFailure(
          'conflict',
          `${label} ${id} is ${status} and cannot be ${verb}; it must be ${from}`,
        );
      }
      const nowMs = state.clock.nowMs();
      redirectProgression(recurringRun.progression, [to], nowMs);
      const minutes = recurringRun.schedule.periodicMinutes;
      if (to === 'ENABLED' && minutes !== null) {
        // A restarted schedule runs on from now; the time it was disabled is not caught up.
        recurringRun.nextRunAtMs = nowMs + minutes * 60_000;
      }
      state.logger.info({ pipelineRecurringRunId: id, status: to }, `simulated schedule ${verb}`);
      return ok();
    });

  router.add('PUT', `${item}/stop`, toggle('ENABLED', 'DISABLED', 'stopped'));
  router.add('PUT', `${item}/start`, toggle('DISABLED', 'ENABLED', 'started'));
}
