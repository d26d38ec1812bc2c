import { ObjectStore } from './object-storage/object-store.js';
import { seedObjectStore } from './object-storage/seed-objects.js';
import type {
  BatchInferenceRecord,
  EndpointModelRecord,
  EndpointRecord,
  EndpointStageRecord,
  ModelRecord,
  PipelineRecord,
  PipelineRecurringRunRecord,
  PipelineRunRecord,
  TuningRecord,
} from './resource-records.js';
import {
  type SimulatedAlgorithm,
  type SimulatedFlavor,
  type SimulatedImage,
  seedAlgorithms,
  seedFlavors,
  seedImages,
} from './seed-data.js';
import type { Progression, TrainingOutcome } from './status-progression.js';
import type { TrainingCreateBody } from './training-create-body.js';

export interface ExperimentRecord {
  experimentId: string;
  experimentName: string;
  description: string | null;
  createdAtMs: number;
  progression: Progression;
}

export interface TrainingRecord {
  trainingId: string;
  body: TrainingCreateBody;
  /** Snapshots taken at creation, so later deletes of the referenced objects do not matter. */
  experiment: { experimentId: string; experimentName: string };
  flavor: SimulatedFlavor;
  image: SimulatedImage;
  algorithm: SimulatedAlgorithm | null;
  outcome: TrainingOutcome;
  createdAtMs: number;
  progression: Progression;
  /** Simulated epoch ms at which RUNNING was entered and left; drive `elapsedTimeSeconds`. */
  runningStartedAtMs: number | null;
  runningEndedAtMs: number | null;
}

/** One Log & Crash record written by the simulated service (fields of service logs). */
export interface LogRecord {
  projectName: string;
  easymakerAppKey: string;
  category: string;
  logLevel: 'INFO' | 'WARNING' | 'ERROR';
  body: string;
  logType: string;
  /** Time of the event, ISO 8601 UTC. */
  time: string;
  /** Epoch ms; the field Log & Crash Search sorts and filters on. */
  logTime: number;
  trainingId: string;
}

/** In-memory resources of the simulator. Maps keep insertion order, which lists rely on. */
export class SimulatorStore {
  flavors: SimulatedFlavor[] = seedFlavors();
  images: SimulatedImage[] = seedImages();
  algorithms: SimulatedAlgorithm[] = seedAlgorithms();
  readonly experiments = new Map<string, ExperimentRecord>();
  readonly trainings = new Map<string, TrainingRecord>();
  readonly hyperparameterTunings = new Map<string, TuningRecord>();
  readonly models = new Map<string, ModelRecord>();
  readonly endpoints = new Map<string, EndpointRecord>();
  readonly endpointStages = new Map<string, EndpointStageRecord>();
  readonly endpointModels = new Map<string, EndpointModelRecord>();
  readonly batchInferences = new Map<string, BatchInferenceRecord>();
  readonly pipelines = new Map<string, PipelineRecord>();
  readonly pipelineRuns = new Map<string, PipelineRunRecord>();
  readonly pipelineRecurringRuns = new Map<string, PipelineRecurringRunRecord>();
  /** Objects of the simulated Object Storage account. */
  readonly objects = new ObjectStore();
  logRecords: LogRecord[] = [];

  constructor(nowMs: number) {
    seedObjectStore(this.objects, nowMs);
  }

  /** Drops every resource and restores the seed lookups and objects. */
  reset(nowMs: number): void {
    this.flavors = seedFlavors();
    this.images = seedImages();
    this.algorithms = seedAlgorithms();
    for (const resources of [
      this.experiments,
      this.trainings,
      this.hyperparameterTunings,
      this.models,
      this.endpoints,
      this.endpointStages,
      this.endpointModels,
      this.batchInferences,
      this.pipelines,
      this.pipelineRuns,
      this.pipelineRecurringRuns,
    ]) {
      resources.clear();
    }
    seedObjectStore(this.objects, nowMs);
    this.logRecords = [];
  }

  findFlavor(flavorId: string): SimulatedFlavor | undefined {
    return this.flavors.find((flavor) => flavor.id === flavorId);
  }

  findImage(imageId: string): SimulatedImage | undefined {
    return this.images.find((image) => image.imageId === imageId);
  }

  findAlgorithm(algorithmId: string): SimulatedAlgorithm | undefined {
    return this.algorithms.find((algorithm) => algorithm.algorithmId === algorithmId);
  }
}
