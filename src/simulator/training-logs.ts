import type { StatusTransition } from './status-progression.js';
import type { LogRecord, TrainingRecord } from './store.js';

/** Identity of the records the simulated service writes to Log & Crash. */
export interface LogIdentity {
  easymakerAppKey: string;
  logAndCrashAppKey: string;
}

type LogLine = Pick<LogRecord, 'logLevel' | 'body'> & { atMs: number };

/**
 * Builds the Log & Crash records a training writes on one status transition, with the fields
 * of EasyMaker service logs (`category: easymaker.training`, `logType: NHNCloud-AIEasyMaker`).
 * While RUNNING it reports metrics as `name=value`, the format EasyMaker's metric regex reads.
 */
export function buildTrainingLogRecords(
  training: TrainingRecord,
  transition: StatusTransition,
  identity: LogIdentity,
): LogRecord[] {
  return describeTransition(training, transition).map((line) => ({
    projectName: identity.logAndCrashAppKey,
    easymakerAppKey: identity.easymakerAppKey,
    category: 'easymaker.training',
    logLevel: line.logLevel,
    body: line.body,
    logType: 'NHNCloud-AIEasyMaker',
    time: new Date(line.atMs).toISOString(),
    logTime: line.atMs,
    trainingId: training.trainingId,
  }));
}

function describeTransition(training: TrainingRecord, transition: StatusTransition): LogLine[] {
  const { atMs } = transition;
  const info = (body: string, at = atMs): LogLine => ({ logLevel: 'INFO', body, atMs: at });
  const error = (body: string): LogLine => ({ logLevel: 'ERROR', body, atMs });
  const nodes = training.body.instanceCount ?? 1;
  switch (transition.to) {
    case 'CREATE_IN_PROGRESS':
      return [
        info(
          `Creating ${nodes} ${training.flavor.name} node(s) with image ${training.image.imageName}`,
        ),
      ];
    case 'RUNNING': {
      const program = training.algorithm
        ? `algorithm ${training.algorithm.algorithmName}`
        : `entry point ${training.body.entryPoint ?? ''} from ${training.body.sourceDirUri ?? ''}`;
      return [info(`Training started: ${program}`)];
    }
    case 'COMPLETE_IN_PROGRESS':
      return [
        ...epochLines(training, atMs, 3),
        info(`Training finished; uploading the model to ${training.body.modelUploadUri}`),
      ];
    case 'FAIL_TRAIN_IN_PROGRESS':
      return [
        ...epochLines(training, atMs, 1),
        error('Training process exited with code 1: RuntimeError: simulated training failure'),
      ];
    case 'COMPLETE':
      return [info('Training complete')];
    case 'FAIL_TRAIN':
      return [error('Training failed; resources released')];
    case 'CREATE_FAILED':
      return [error('Training resources could not be created: simulated creation failure')];
    case 'STOP_IN_PROGRESS':
      return [{ logLevel: 'WARNING', body: 'Stop requested; terminating the training', atMs }];
    case 'STOPPED':
      return [info('Training stopped')];
    default:
      return [];
  }
}

/** Metric lines spread evenly over the time the training spent RUNNING. */
function epochLines(training: TrainingRecord, endedAtMs: number, epochs: number): LogLine[] {
  const startedAtMs = training.runningStartedAtMs ?? endedAtMs;
  const intervalMs = (endedAtMs - startedAtMs) / (epochs + 1);
  const lines: LogLine[] = [];
  for (let epoch = 1; epoch <= epochs; epoch += 1) {
    const loss = (1 / (epoch + 1)).toFixed(4);
    const accuracy = (0.5 + epoch * 0.12).toFixed(4);
    lines.push({
      logLevel: 'INFO',
      body: `epoch=${epoch} loss=${loss} accuracy=${accuracy}`,
      atMs: Math.round(startedAtMs + intervalMs * epoch),
    });
  }
  return lines;
}
