import type { Logger } from '../logger.js';
import { type AuthSettings, TokenRegistry } from './auth.js';
import { SimulatedClock } from './clock.js';
import { FaultQueue } from './faults.js';
import {
  IdentityTokenRegistry,
  type ObjectStorageSettings,
} from './object-storage/identity-tokens.js';
import { RequestLog } from './request-log.js';
import { refreshAddedResources } from './resource-refresh.js';
import { advanceProgression, type StatusTransition } from './status-progression.js';
import { SimulatorStore, type TrainingRecord } from './store.js';
import { StatusTiming } from './timing.js';
import { buildTrainingLogRecords } from './training-logs.js';

export interface SimulatorIdentity {
  /** The one EasyMaker app key served. */
  appKey: string;
  /** The Log & Crash app key reported as `logAndCrashAppKey` and served by log search. */
  logAndCrashAppKey: string;
}

/**
 * Everything the routes share: resources, clock, step timing, faults, request log and tokens.
 * `refresh` brings every resource's status up to the simulated now before a route reads it.
 */
export class SimulatorState {
  readonly clock = new SimulatedClock();
  readonly store = new SimulatorStore(this.clock.nowMs());
  readonly faults = new FaultQueue();
  readonly requestLog = new RequestLog();
  readonly timing: StatusTiming;
  readonly tokens: TokenRegistry;
  readonly identityTokens: IdentityTokenRegistry;
  /** Base URL the server listens on; set once it is bound. */
  baseUrl = '';

  constructor(
    readonly identity: SimulatorIdentity,
    auth: AuthSettings,
    speed: number,
    readonly logger: Logger,
    readonly objectStorage: ObjectStorageSettings,
  ) {
    this.timing = new StatusTiming(speed);
    this.tokens = new TokenRegistry(auth, this.clock);
    this.identityTokens = new IdentityTokenRegistry(objectStorage, this.clock);
  }

  /** Host and port of the simulator, the host part of its `obs://` URIs and inference URLs. */
  get hostAndPort(): string {
    return this.baseUrl === '' ? '' : new URL(this.baseUrl).host;
  }

  /** Advances every resource to the simulated now. */
  refresh(): void {
    const nowMs = this.clock.nowMs();
    for (const experiment of this.store.experiments.values()) {
      advanceProgression(experiment.progression, nowMs, (status) =>
        this.timing.stepMsOf('experiment', status),
      );
    }
    for (const training of this.store.trainings.values()) {
      const transitions = advanceProgression(training.progression, nowMs, (status) =>
        this.timing.stepMsOf('training', status),
      );
      for (const transition of transitions) {
        this.applyTrainingTransition(training, transition);
      }
    }
    refreshAddedResources(this, nowMs);
  }

  /** Records the side effects of a training status change: running time and log records. */
  applyTrainingTransition(training: TrainingRecord, transition: StatusTransition): void {
    if (transition.to === 'RUNNING') {
      training.runningStartedAtMs = transition.atMs;
    }
    if (transition.from === 'RUNNING') {
      training.runningEndedAtMs = transition.atMs;
    }
    if (training.body.useLog === true) {
      const records = buildTrainingLogRecords(training, transition, {
        easymakerAppKey: this.identity.appKey,
        logAndCrashAppKey: this.identity.logAndCrashAppKey,
      });
      this.store.logRecords.push(...records);
    }
    this.logger.debug(
      { trainingId: training.trainingId, from: transition.from, to: transition.to },
      'training status changed',
    );
  }

  /**
   * Drops resources, faults, the request log, step overrides and the clock offset, and
   * restores the seed objects. Issued tokens (access and identity) stay valid, so connected
   * clients need not request a new one.
   */
  reset(): void {
    this.faults.clear();
    this.requestLog.clear();
    this.timing.reset();
    this.clock.reset();
    this.store.reset(this.clock.nowMs());
  }
}
