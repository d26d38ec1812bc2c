import { randomUUID } from 'node:crypto';
import { enqueueCreateResource } from '../jobs/create-resource.js';
import type { RawValue } from '../resources/field-schemas.js';
import type { AnyDescription, CreatableDescription } from '../resources/index.js';
import type { CommandDependencies } from './command-dependencies.js';

export interface OperationRequest {
  /** Stable id for requests Slack may deliver twice (a modal's view id); random otherwise. */
  operationId?: string;
  description: CreatableDescription;
  name: string;
  raw: Record<string, RawValue>;
  teamId: string | undefined;
  requesterId: string;
  channelId: string;
  responseUrl?: string;
}

// The ack must leave within Slack's 3 s, so a Redis that does not respond fails the request fast.
const QUEUE_TIMEOUT_MS = 1500;

/**
 * Stores the operation and queues its creation. Returns false when the same operation was
 * already queued (a double submission).
 *
 * @throws Error when Redis does not respond within 1.5 s; nothing was queued then.
 */
export async function queueOperation(
  request: OperationRequest,
  dependencies: CommandDependencies,
): Promise<boolean> {
  const operationId = request.operationId ?? randomUUID();
  const work = async () => {
    const stored = await dependencies.operations.createIfAbsent({
      operationId,
      kind: request.description.kind,
      teamId: request.teamId,
      requesterId: request.requesterId,
      channelId: request.channelId,
      ...(request.responseUrl ? { responseUrl: request.responseUrl } : {}),
      name: request.name,
      parameters: request.raw,
      createStage: 'queued',
      reconcileAttempts: 0,
      summary: [],
      resultSummary: [],
      progress: [],
      status: 'QUEUED',
      statusClass: 'going',
      startedAt: Date.now(),
      version: 0,
      renderedVersion: -1,
    });
    if (stored) {
      await enqueueCreateResource(dependencies.queues.create, { operationId });
    }
    return stored;
  };
  return withTimeout(work(), QUEUE_TIMEOUT_MS);
}

export interface WatchRequest {
  description: AnyDescription;
  resourceId: string;
  teamId: string | undefined;
  requesterId: string;
  channelId: string;
  responseUrl?: string;
}

/**
 * Starts tracking a resource created outside Slack. Returns true when the resource is already
 * tracked, in which case nothing new is queued.
 */
export async function queueWatch(
  request: WatchRequest,
  dependencies: CommandDependencies,
): Promise<boolean> {
  const { description, resourceId } = request;
  const work = async () => {
    if (
      (await dependencies.operations.findByResource(description.kind, resourceId)) !== undefined
    ) {
      return true;
    }
    const operationId = randomUUID();
    await dependencies.operations.createIfAbsent({
      operationId,
      kind: description.kind,
      teamId: request.teamId,
      requesterId: request.requesterId,
      channelId: request.channelId,
      ...(request.responseUrl ? { responseUrl: request.responseUrl } : {}),
      name: resourceId,
      parameters: {},
      createStage: 'created',
      resourceId,
      reconcileAttempts: 0,
      summary: [],
      resultSummary: [],
      progress: [],
      status: 'WATCHING',
      statusClass: 'going',
      startedAt: Date.now(),
      version: 0,
      renderedVersion: -1,
    });
    const owner = await dependencies.operations.linkResource(
      description.kind,
      resourceId,
      operationId,
    );
    if (owner !== operationId) {
      return true;
    }
    await enqueueCreateResource(dependencies.queues.create, { operationId });
    return false;
  };
  return withTimeout(work(), QUEUE_TIMEOUT_MS);
}

async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('Redis did not respond within the timeout')),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
