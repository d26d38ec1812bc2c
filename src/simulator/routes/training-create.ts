import { SimulatorFailure } from '../envelope.js';
import { generateResourceId } from '../ids.js';
import type { SimulatorState } from '../simulator-state.js';
import { startProgression, type TrainingOutcome, trainingPaths } from '../status-progression.js';
import type { TrainingRecord } from '../store.js';
import { type TrainingCreateBody, trainingCreateBodySchema } from '../training-create-body.js';
import { parseOrFail } from '../validation.js';

/**
 * Picks how a new training ends. A queued `fail-resource` fault wins; otherwise the name
 * decides: `createfail-...` ends in CREATE_FAILED, `fail-...` in FAIL_TRAIN, anything else in
 * COMPLETE.
 */
function chooseOutcome(state: SimulatorState, trainingName: string): TrainingOutcome {
  const injected = state.faults.takeFailureStatus('training', trainingName);
  if (injected !== undefined) {
    return injected;
  }
  if (trainingName.startsWith('createfail-')) {
    return 'CREATE_FAILED';
  }
  if (trainingName.startsWith('fail-')) {
    return 'FAIL_TRAIN';
  }
  return 'COMPLETE';
}

/**
 * Validates a `POST /trainings` body, including the references to other resources, and stores
 * the new training at CREATE_REQUESTED.
 * NOTE: the status for a reference to a missing resource is not published. The simulator
 * returns 400 because the body is invalid, and 409 for an experiment that is not ACTIVE yet.
 */
export function createTraining(state: SimulatorState, input: unknown): TrainingRecord {
  const body: TrainingCreateBody = parseOrFail(trainingCreateBodySchema, input);
  const { store } = state;

  const experiment = store.experiments.get(body.experimentId);
  if (experiment === undefined) {
    throw new SimulatorFailure('invalidRequest', `experimentId ${body.experimentId} not found`);
  }
  if (experiment.progression.status !== 'ACTIVE') {
    throw new SimulatorFailure(
      'conflict',
      `experiment ${body.experimentId} is ${experiment.progression.status}, not ACTIVE`,
    );
  }
  const image = store.findImage(body.imageId);
  if (image === undefined) {
    throw new SimulatorFailure('invalidRequest', `imageId ${body.imageId} not found`);
  }
  const flavor = store.findFlavor(body.flavorId);
  if (flavor === undefined) {
    throw new SimulatorFailure('invalidRequest', `flavorId ${body.flavorId} not found`);
  }
  const algorithm = body.algorithmId == null ? null : store.findAlgorithm(body.algorithmId);
  if (algorithm === undefined) {
    throw new SimulatorFailure('invalidRequest', `algorithmId ${body.algorithmId} not found`);
  }
  const maxProcesses = flavor.gpuFlavor ? flavor.gpuCount : flavor.vcpus;
  if (body.nprocPerNode != null && body.nprocPerNode > maxProcesses) {
    const unit = flavor.gpuFlavor ? 'GPU count' : 'vCPU count';
    throw new SimulatorFailure(
      'invalidRequest',
      `nprocPerNode must be between 1 and ${maxProcesses} (the ${unit} of ${flavor.name})`,
    );
  }

  const outcome = chooseOutcome(state, body.trainingName);
  const nowMs = state.clock.nowMs();
  const training: TrainingRecord = {
    trainingId: generateResourceId(),
    body,
    experiment: {
      experimentId: experiment.experimentId,
      experimentName: experiment.experimentName,
    },
    flavor: { ...flavor },
    image: { ...image },
    algorithm: algorithm === null ? null : structuredClone(algorithm),
    outcome,
    createdAtMs: nowMs,
    progression: startProgression(trainingPaths[outcome], nowMs),
    runningStartedAtMs: null,
    runningEndedAtMs: null,
  };
  store.trainings.set(training.trainingId, training);
  state.logger.info({ trainingId: training.trainingId, outcome }, 'simulated training created');
  return training;
}
