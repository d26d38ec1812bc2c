/*
 * Control API of the simulator, for demos and tests. It is not part of EasyMaker, needs no
 * token, is left out of the request log and never gets faults injected. Every response uses the
 * EasyMaker envelope.
 *
 *   POST   /_simulator/faults    queue one fault or a JSON array of faults (see `faultSchema`):
 *            {kind: 'fail-resource', resource, namePattern?, status, count?}
 *              the next matching create ends in `status`. resource and its statuses:
 *              training FAIL_TRAIN | CREATE_FAILED, experiment CREATE_FAILED,
 *              hyperparameterTuning FAIL_HYPERPARAMETER_TUNING | CREATE_FAILED,
 *              model CREATE_FAILED, endpoint UPDATE_FAILED | CREATE_FAILED (UPDATE_FAILED: the
 *              default stage fails to deploy), endpointStage DEPLOY_FAILED | CREATE_FAILED
 *              (namePattern matches apigwStageName), batchInference FAIL_BATCH_INFERENCE |
 *              CREATE_FAILED, pipeline CREATE_FAILED, pipelineRun FAIL_PIPELINE_RUN |
 *              CREATE_FAILED (also runs a schedule starts), pipelineRecurringRun CREATE_FAILED.
 *              Without a fault, a name starting `createfail-` ends in CREATE_FAILED and one
 *              starting `fail-` in the first status listed for its kind (not for experiments;
 *              stage names take `createfail` and `fail` without the hyphen).
 *            {kind: 'slow-response', method, pathPattern, delayMs, count?}
 *              the request is processed at once and its response held back delayMs
 *            {kind: 'http-error', method, pathPattern, status: 500 | 503 | 429, count?,
 *             retryAfterSeconds?}
 *              the request gets that status and is not processed
 *   GET    /_simulator/faults    faults still queued -> faultList
 *   DELETE /_simulator/faults    drop every queued fault
 *   GET    /_simulator/requests  requests received, oldest first -> requestList; optional
 *                                query `method` (exact) and `pathPattern` (glob)
 *   DELETE /_simulator/requests  clear the request log
 *   POST   /_simulator/reset     back to the start state, seed objects included (issued tokens
 *                                stay valid)
 *   POST   /_simulator/seed      add flavors, images, algorithms, experiments, models,
 *                                endpoints and pipelines in bulk, ACTIVE at once
 *                                (see `seedBodySchema`)
 *   GET    /_simulator/clock     simulated now -> clock
 *   POST   /_simulator/clock     {advanceSeconds} moves the simulated clock forward
 *   GET    /_simulator/timing    step length of every timed status per kind -> timing
 *   PUT    /_simulator/timing    {defaultStepMs?, <kind>?: {STATUS: ms}} with kind one of
 *                                training, experiment, hyperparameterTuning, model, endpoint,
 *                                endpointStage, endpointModel, batchInference, pipeline,
 *                                pipelineRun, pipelineRecurringRun
 */
import { z } from 'zod';
import { formatSeoulDatetime } from '../clock.js';
import { SimulatorFailure, successEnvelope } from '../envelope.js';
import { faultSchema } from '../faults.js';
import type { Router } from '../router.js';
import type { SimulatorState } from '../simulator-state.js';
import { timingBodySchema } from '../timing.js';
import { formatIssues } from '../validation.js';
import { applySeed, seedBodySchema } from './control-seed.js';

const clockBodySchema = z.object({
  advanceSeconds: z
    .number({ error: 'must be a number' })
    .min(0, { error: 'must be 0 or more' })
    .max(10 * 365 * 24 * 60 * 60, { error: 'must be at most ten years' }),
});

function parseControlBody<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new SimulatorFailure('invalidRequest', formatIssues(result.error.issues));
  }
  return result.data;
}

function describeClock(state: SimulatorState) {
  const nowMs = state.clock.nowMs();
  return { nowEpochMs: nowMs, nowDatetime: formatSeoulDatetime(nowMs) };
}

/** Registers the `/_simulator/` control routes described at the top of this file. */
export function registerControlRoutes(router: Router, state: SimulatorState): void {
  const ok = (key?: string, payload?: unknown) => ({
    status: 200,
    body: successEnvelope(key, payload),
  });

  router.add('POST', '/_simulator/faults', (request) => {
    const input = request.readJson();
    const faults = parseControlBody(z.array(faultSchema), Array.isArray(input) ? input : [input]);
    const queued = faults.map((fault) => state.faults.add(fault));
    state.logger.info({ faults: queued }, 'simulator faults queued');
    return ok('faultList', queued);
  });
  router.add('GET', '/_simulator/faults', () => ok('faultList', state.faults.list()));
  router.add('DELETE', '/_simulator/faults', () => {
    state.faults.clear();
    return ok();
  });

  router.add('GET', '/_simulator/requests', (request) => {
    const method = request.query.get('method') ?? undefined;
    const pathPattern = request.query.get('pathPattern') ?? undefined;
    return ok('requestList', state.requestLog.list({ method, pathPattern }));
  });
  router.add('DELETE', '/_simulator/requests', () => {
    state.requestLog.clear();
    return ok();
  });

  router.add('POST', '/_simulator/reset', () => {
    state.reset();
    state.logger.info('simulator reset');
    return ok();
  });

  router.add('POST', '/_simulator/seed', (request) => {
    const body = parseControlBody(seedBodySchema, request.readJson());
    return ok('seeded', applySeed(state, body));
  });

  router.add('GET', '/_simulator/clock', () => ok('clock', describeClock(state)));
  router.add('POST', '/_simulator/clock', (request) => {
    const body = parseControlBody(clockBodySchema, request.readJson());
    state.clock.advance(body.advanceSeconds);
    state.refresh();
    return ok('clock', describeClock(state));
  });

  router.add('GET', '/_simulator/timing', () => ok('timing', state.timing.describe()));
  router.add('PUT', '/_simulator/timing', (request) => {
    const body = parseControlBody(timingBodySchema, request.readJson());
    // Bring statuses up to date under the old timing, so the change applies from now on.
    state.refresh();
    state.timing.replace(body);
    return ok('timing', state.timing.describe());
  });
}
