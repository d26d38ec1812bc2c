import { type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { CREATE_QUEUE, processCreateResource, reportCreateGaveUp } from './create-resource.js';
import type { BotQueues, JobDependencies } from './job-dependencies.js';
import { processStorageUpload, STORAGE_UPLOAD_QUEUE } from './storage-upload.js';
import { processTrackResource, TRACK_QUEUE } from './track-resource.js';
import { PARENT_UPDATES_QUEUE, processParentUpdate } from './update-parent-message.js';

// NOTE: chat.update is a Tier 3 method (50+ calls a minute per workspace), so the parent-message
// queue stays under that. A 429 still pauses the queue for the Retry-After that Slack sends.
const PARENT_UPDATES_PER_MINUTE = 45;

/** Creates the bot's queues on one Redis connection under the given BullMQ prefix. */
export function createQueues(connection: Redis, prefix: string): BotQueues {
  const options = { connection, prefix };
  return {
    create: new Queue(CREATE_QUEUE, options),
    track: new Queue(TRACK_QUEUE, options),
    parentUpdates: new Queue(PARENT_UPDATES_QUEUE, options),
    storageUploads: new Queue(STORAGE_UPLOAD_QUEUE, options),
  };
}

/**
 * Starts the workers of every queue. Tracking polls are limited to the configured EasyMaker
 * polling budget per second across all resources of this process.
 */
export function startWorkers(
  connection: Redis,
  prefix: string,
  dependencies: JobDependencies,
): Worker[] {
  const { tracking } = dependencies.config;
  const logFailure = (queue: string) => (job: Job | undefined, error: Error) => {
    dependencies.logger.error(
      { err: error, queue, jobId: job?.id, attemptsMade: job?.attemptsMade },
      'job failed',
    );
  };
  const create = new Worker(
    CREATE_QUEUE,
    (job, token) => processCreateResource(job, token, dependencies),
    { connection, prefix, concurrency: 10, lockDuration: 15_000, stalledInterval: 10_000 },
  );
  const track = new Worker(
    TRACK_QUEUE,
    (job, token) => processTrackResource(job, token, dependencies),
    {
      connection,
      prefix,
      concurrency: tracking.concurrency,
      limiter: { max: tracking.pollBudgetPerSecond, duration: 1000 },
      // A poll takes well under a second, so a short lock lets another process take over the
      // job of a killed one within about 25 s instead of BullMQ's default of about a minute.
      lockDuration: 15_000,
      stalledInterval: 10_000,
    },
  );
  const parentUpdates: Worker = new Worker(
    PARENT_UPDATES_QUEUE,
    (job) => processParentUpdate(job, dependencies, parentUpdates),
    {
      connection,
      prefix,
      concurrency: 5,
      limiter: { max: PARENT_UPDATES_PER_MINUTE, duration: 60_000 },
    },
  );
  // Each upload keeps its whole file in memory, so few run at once.
  const storageUploads = new Worker(
    STORAGE_UPLOAD_QUEUE,
    (job) => processStorageUpload(job, dependencies),
    { connection, prefix, concurrency: 2 },
  );
  create.on('failed', (job, error) => {
    const attempts = job?.opts.attempts ?? 1;
    if (
      job !== undefined &&
      (job.attemptsMade >= attempts || error.name === 'UnrecoverableError')
    ) {
      void reportCreateGaveUp(job, error, dependencies);
    }
  });
  const workers = [create, track, parentUpdates, storageUploads];
  for (const worker of workers) {
    worker.on('failed', logFailure(worker.name));
    worker.on('error', (error) => {
      dependencies.logger.error({ err: error, queue: worker.name }, 'worker error');
    });
  }
  return workers;
}
