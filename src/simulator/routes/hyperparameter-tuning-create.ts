import { type TuningCreateBody, tuningCreateBodySchema } from '../bodies/tuning-create-body.js';
import { SimulatorFailure } from '../envelope.js';
import { generateResourceId } from '../ids.js';
import { chooseOutcome } from '../resource-outcomes.js';
import { tuningPaths } from '../resource-paths.js';
import type { TuningRecord } from '../resource-records.js';
import type { SimulatorState } from '../simulator-state.js';
import { startProgression } from '../status-progression.js';
import { parseOrFail } from '../validation.js';

/**
 * Validates a `POST /hyperparameter-tunings` body, including the references to other
 * resources, and stores the new tuning at CREATE_REQUESTED. References follow the training
 * rules: a missing resource is a 400, an experiment that is not ACTIVE a 409.
 */
export function createTuning(state: SimulatorState, input: unknown): TuningRecord {
  const body: TuningCreateBody = parseOrFail(tuningCreateBodySchema, input);
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

  const name = body.hyperparameterTuningName;
  const outcome = chooseOutcome(state.faults, 'hyperparameterTuning', name, 'COMPLETE');
  const nowMs = state.clock.nowMs();
  const tuning: TuningRecord = {
    hyperparameterTuningId: generateResourceId(),
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
    progression: startProgression(tuningPaths[outcome], nowMs),
    runningStartedAtMs: null,
    runningEndedAtMs: null,
  };
  store.hyperparameterTunings.set(tuning.hyperparameterTuningId, tuning);
  state.logger.info(
    { hyperparameterTuningId: tuning.hyperparameterTuningId, outcome },
    'simulated hyperparameter tuning created',
  );
  return tuning;
}
