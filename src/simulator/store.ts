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
  logRecords: LogRecord[] = [];

  /** Drops every resource and restores the seed lookups. */
  reset(): void {
    this.flavors = seedFlavors();
    this.images = seedImages();
    this.algorithms = seedAlgorithms();
    this.experiments.clear();
    this.trainings.clear();
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
