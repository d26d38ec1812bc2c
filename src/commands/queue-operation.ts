import { randomUUID } from 'node:crypto';
import { enqueueCreateResource } from '../jobs/create-resource.js';
import type { RawValue } from '../resources/field-schemas.js';
import type { AnyDescription } from '../resources/index.js';
import type { CommandDependencies } from './command-dependencies.js';

export interface OperationRequest {
  /** Stable id for requests Slack may deliver twice (a modal's view id); random otherwise. */
  operationId?: string;
  description: AnyDescription;
  name: string;
  raw: Record<string, RawValue>;
  teamId: string | undefined;
  requesterId: string;
  channelId: string;
  responseUrl?: string;
}

// The ack must leave within Slack's 3 s, so a Redis that does not answer fails the request fast.
const QUEUE_TIMEOUT_MS = 1500;

/**
 * Stores the operation and queues its creation. Returns false when the same operation was
 * already queued (a double submission).
 *
 * @throws Error when Redis does not answer within 1.5 s; nothing was queued then.
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
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Redis did not answer in time')), QUEUE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
