import {
  isRecurringRunBody,
  type PipelineRunCreateBody,
  pipelineRunCreateBodySchema,
} from '../bodies/pipeline-run-create-body.js';
import { SimulatorFailure } from '../envelope.js';
import { generateResourceId } from '../ids.js';
import { firstRunAtMs } from '../recurring-schedule.js';
import { chooseOutcome } from '../resource-outcomes.js';
import { pipelineRunPaths, recurringRunPaths } from '../resource-paths.js';
import type {
  ExperimentReference,
  PipelineRecord,
  PipelineRecurringRunRecord,
  PipelineRunRecord,
  PipelineRunSettings,
} from '../resource-records.js';
import type { SimulatorState } from '../simulator-state.js';
import { startProgression } from '../status-progression.js';
import { parseOrFail } from '../validation.js';
import { insertExperiment } from './experiments.js';

export type CreatedRun =
  | { kind: 'pipelineRun'; run: PipelineRunRecord }
  | { kind: 'pipelineRecurringRun'; recurringRun: PipelineRecurringRunRecord };

/**
 * Checks the parameters against the pipeline's parameter list.
 * NOTE: the service's rule is not published; like Kubeflow Pipelines, the simulator rejects
 * unknown names and missing required parameters (not optional and without a default).
 */
function checkParameters(pipeline: PipelineRecord, body: PipelineRunCreateBody): void {
  const given = (body.parameterList ?? []).map((parameter) => parameter.parameterName);
  const known = pipeline.parameterSpecs.map((spec) => spec.parameterName);
  const unknown = given.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new SimulatorFailure(
      'invalidRequest',
      `parameterList names parameters pipeline ${pipeline.pipelineId} does not have: ` +
        `${unknown.join(', ')}; known: ${known.join(', ') || 'none'}`,
    );
  }
  const missing = pipeline.parameterSpecs
    .filter((spec) => !spec.isOptional && spec.defaultValue === null)
    .map((spec) => spec.parameterName)
    .filter((name) => !given.includes(name));
  if (missing.length > 0) {
    throw new SimulatorFailure(
      'invalidRequest',
      `parameterList is missing required parameters: ${missing.join(', ')}`,
    );
  }
}

/**
 * Finds the experiment of a run: `experimentId` when given (it must exist and be ACTIVE),
 * otherwise the experiment called `experimentName`, created when there is none.
 * NOTE: the service's handling of `experimentName` is not published; the simulator creates
 * the experiment ACTIVE at once so that the run can start.
 */
function resolveExperiment(
  state: SimulatorState,
  body: PipelineRunCreateBody,
): ExperimentReference {
  const { experiments } = state.store;
  if (body.experimentId) {
    const experiment = experiments.get(body.experimentId);
    if (experiment === undefined) {
      throw new SimulatorFailure('invalidRequest', `experimentId ${body.experimentId} not found`);
    }
    if (experiment.progression.status !== 'ACTIVE') {
      throw new SimulatorFailure(
        'conflict',
        `experiment ${body.experimentId} is ${experiment.progression.status}, not ACTIVE`,
      );
    }
    return { experimentId: experiment.experimentId, experimentName: experiment.experimentName };
  }
  const name = body.experimentName ?? '';
  const existing = [...experiments.values()].find((candidate) => candidate.experimentName === name);
  if (existing !== undefined && existing.progression.status !== 'ACTIVE') {
    throw new SimulatorFailure(
      'conflict',
      `experiment ${existing.experimentId} (${name}) is ${existing.progression.status}, not ACTIVE`,
    );
  }
  const experiment =
    existing ??
    insertExperiment(
      state,
      { experimentName: name, description: body.experimentDescription },
      'ACTIVE',
      true,
    );
  return { experimentId: experiment.experimentId, experimentName: experiment.experimentName };
}

function resolveSettings(state: SimulatorState, body: PipelineRunCreateBody): PipelineRunSettings {
  const pipeline = state.store.pipelines.get(body.pipelineId);
  if (pipeline === undefined) {
    throw new SimulatorFailure('invalidRequest', `pipelineId ${body.pipelineId} not found`);
  }
  if (pipeline.progression.status !== 'ACTIVE') {
    throw new SimulatorFailure(
      'conflict',
      `pipeline ${pipeline.pipelineId} is ${pipeline.progression.status}, not ACTIVE`,
    );
  }
  const flavor = state.store.findFlavor(body.flavorId);
  if (flavor === undefined) {
    throw new SimulatorFailure('invalidRequest', `flavorId ${body.flavorId} not found`);
  }
  checkParameters(pipeline, body);
  return {
    pipeline: { pipelineId: pipeline.pipelineId, pipelineName: pipeline.pipelineName },
    experiment: resolveExperiment(state, body),
    flavor: { ...flavor },
    instanceCount: body.instanceCount ?? 1,
    bootStorageSize: body.bootStorageSize,
    parameterList: (body.parameterList ?? []).map((parameter) => ({ ...parameter })),
    nasList: (body.nasList ?? []).map((nas) => ({ ...nas })),
    description: body.description ?? null,
  };
}

/** Validates a `POST /pipeline-runs` body and stores a pipeline run or a recurring run. */
export function createPipelineRunOrSchedule(state: SimulatorState, input: unknown): CreatedRun {
  const body = parseOrFail(pipelineRunCreateBodySchema, input);
  const nowMs = state.clock.nowMs();
  const endMs = Date.parse(body.scheduleEndDatetime ?? '');
  if (!body.scheduleStartDatetime && !Number.isNaN(endMs) && endMs <= nowMs) {
    throw new SimulatorFailure('invalidRequest', 'scheduleEndDatetime must be in the future');
  }
  const settings = resolveSettings(state, body);
  const name = body.pipelineRunOrRecurringRunName;

  if (isRecurringRunBody(body)) {
    const outcome = chooseOutcome(state.faults, 'pipelineRecurringRun', name, 'ENABLED');
    const recurringRun: PipelineRecurringRunRecord = {
      pipelineRecurringRunId: generateResourceId(),
      pipelineRecurringRunName: name,
      settings,
      schedule: {
        cronExpression: body.scheduleCronExpression || null,
        periodicMinutes: body.schedulePeriodicMinutes ?? null,
        maxConcurrencyCount: body.maxConcurrencyCount ?? 1,
        startDatetime: body.scheduleStartDatetime ?? null,
        endDatetime: body.scheduleEndDatetime ?? null,
        useCatchup: body.useCatchup ?? true,
      },
      outcome,
      nextRunAtMs: null,
      startedRunCount: 0,
      createdAtMs: nowMs,
      progression: startProgression(recurringRunPaths[outcome], nowMs),
    };
    recurringRun.nextRunAtMs = firstRunAtMs(recurringRun);
    state.store.pipelineRecurringRuns.set(recurringRun.pipelineRecurringRunId, recurringRun);
    state.logger.info(
      { pipelineRecurringRunId: recurringRun.pipelineRecurringRunId, outcome },
      'simulated pipeline recurring run created',
    );
    return { kind: 'pipelineRecurringRun', recurringRun };
  }

  const outcome = chooseOutcome(state.faults, 'pipelineRun', name, 'COMPLETE');
  const run: PipelineRunRecord = {
    pipelineRunId: generateResourceId(),
    pipelineRunName: name,
    settings,
    recurringRun: null,
    outcome,
    finishedAtMs: null,
    runningStartedAtMs: null,
    runningEndedAtMs: null,
    createdAtMs: nowMs,
    progression: startProgression(pipelineRunPaths[outcome], nowMs),
  };
  state.store.pipelineRuns.set(run.pipelineRunId, run);
  state.logger.info(
    { pipelineRunId: run.pipelineRunId, outcome },
    'simulated pipeline run created',
  );
  return { kind: 'pipelineRun', run };
}
