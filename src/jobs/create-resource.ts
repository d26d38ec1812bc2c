import { DelayedError, type Job, type Queue, UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { EasyMakerApiError } from '../api/easymaker-api-error.js';
import { BotError } from '../errors.js';
import type { RawValue } from '../resources/field-schemas.js';
import {
  type AnyDescription,
  type CreatableDescription,
  findDescriptionByKind,
  isCreatable,
} from '../resources/index.js';
import type { LookupSnapshot } from '../resources/resource-description.js';
import { classifyStatus } from '../resources/status-class.js';
import { validateParameters } from '../resources/validate-parameters.js';
import { resolveReferences } from '../services/resolve-references.js';
import { postMessageOnce } from '../slack/post-message-once.js';
import type { OperationRecord } from '../state/operation-store.js';
import { buildCreateRejectedReply } from '../views/command-replies.js';
import { buildParentMessage } from '../views/parent-message.js';
import { buildCreatedReply, buildFinalReply } from '../views/thread-replies.js';
import type { JobDependencies } from './job-dependencies.js';
import {
  notifyRequester,
  postFailureAlertOnce,
  postThreadReplyOnce,
  recordVisibleChange,
} from './operation-messages.js';
import { toViewModel } from './operation-view-model.js';
import { findCreatedResource } from './reconcile-create.js';
import { enqueueTrackResource } from './track-resource.js';

/** Client errors that mean the create request was not sent at all. */
const NOT_SENT_CODES = new Set(['ERR_EASYMAKER_AUTH', 'ERR_EASYMAKER_HTTP']);

export const CREATE_QUEUE = 'easymaker-create';
export const CREATE_RESOURCE_JOB = 'resource:create';

export const createResourcePayloadSchema = z.object({ operationId: z.string().min(1) });
export type CreateResourcePayload = z.infer<typeof createResourcePayloadSchema>;

/**
 * Queues the creation of a stored operation. The job id is the operation id, so a second
 * submission of the same form adds nothing.
 */
export async function enqueueCreateResource(
  queue: Queue,
  payload: CreateResourcePayload,
): Promise<void> {
  const data = createResourcePayloadSchema.parse(payload);
  await queue.add(CREATE_RESOURCE_JOB, data, {
    jobId: data.operationId,
    attempts: 5,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: 1000,
    removeOnFail: 1000,
  });
}

/**
 * Creates the resource of an operation and hands it to tracking.
 *
 * Each step records its outcome in the operation before the next runs, so the job can be run
 * again after a crash. The create request itself is sent at most once: the stage `sent` is
 * written before sending, and a job that finds it set looks for the resource by name instead of
 * sending again.
 */
export async function processCreateResource(
  job: Job,
  token: string | undefined,
  dependencies: JobDependencies,
): Promise<void> {
  const { operationId } = createResourcePayloadSchema.parse(job.data);
  const operation = await dependencies.operations.get(operationId);
  if (operation === undefined) {
    throw new UnrecoverableError(`operation ${operationId} not found`);
  }
  const description = findDescriptionByKind(operation.kind);
  if (description === undefined) {
    throw new UnrecoverableError(`unknown resource kind ${operation.kind}`);
  }
  const log = dependencies.logger.child({ operationId, kind: operation.kind, jobId: job.id });
  if (operation.createStage === 'created') {
    if (operation.parentTs === undefined) {
      await postWatchParent(operation, description, dependencies);
    }
    await startTracking(operationId, description, dependencies);
    return;
  }
  if (!isCreatable(description)) {
    throw new UnrecoverableError(`resource kind ${operation.kind} cannot be created`);
  }
  if (operation.createStage === 'queued') {
    await createOnce(operation, description, dependencies, log);
  } else if (operation.createStage === 'sent') {
    await reconcile(job, token, operation, description, dependencies);
  }
}

/** Posts the parent message of a resource created elsewhere and watched from Slack. */
async function postWatchParent(
  operation: OperationRecord,
  description: AnyDescription,
  dependencies: JobDependencies,
): Promise<void> {
  let resource: unknown;
  try {
    resource = await dependencies.easymaker.get(
      `${description.api.collectionPath}/${operation.resourceId}`,
      description.api.objectKey,
      description.api.objectSchema,
    );
  } catch (error) {
    if (error instanceof EasyMakerApiError) {
      await dependencies.operations.update(operation.operationId, { createStage: 'rejected' });
      await notifyRequester(dependencies, operation, {
        response_type: 'ephemeral',
        text: `:warning: Could not watch ${description.noun} \`${operation.resourceId}\`: ${error.resultMessage}`,
      });
      throw new UnrecoverableError(`watched resource ${operation.resourceId} not readable`);
    }
    throw error;
  }
  const status = description.statusOf(resource);
  const watched: OperationRecord = {
    ...operation,
    name: description.nameOf(resource),
    status,
    statusClass: classifyStatus(status, description.statuses),
    summary: description.summarizeResult(resource).slice(0, 6),
  };
  const parent = await postMessageOnce(
    {
      postKey: `${operation.operationId}:parent`,
      channel: operation.channelId,
      ...buildParentMessage(toViewModel(watched, description)),
    },
    {
      client: dependencies.slack,
      redis: dependencies.redis,
      keys: dependencies.keys,
      logger: dependencies.logger,
    },
  );
  await dependencies.operations.update(operation.operationId, {
    name: watched.name,
    status: watched.status,
    statusClass: watched.statusClass,
    summary: watched.summary,
    parentTs: parent.ts,
    channelId: parent.channel,
  });
}

async function createOnce(
  operation: OperationRecord,
  description: CreatableDescription,
  dependencies: JobDependencies,
  log: JobDependencies['logger'],
): Promise<void> {
  const context = { defaultExperimentId: dependencies.config.easymaker.defaultExperimentId };
  const raw = operation.parameters as Record<string, RawValue>;
  const parsed = validateParameters(description.create, raw, context);
  if (!parsed.ok) {
    const reason = parsed.issues.map((issue) => `${issue.parameter} ${issue.message}`).join('; ');
    await reject(operation, description, reason, dependencies);
    return;
  }
  let resolved: Awaited<ReturnType<typeof resolveReferences>>;
  try {
    resolved = await resolveReferences(description, parsed.parameters as Record<string, unknown>, {
      client: dependencies.easymaker,
      lookups: dependencies.lookups,
      logger: log,
    });
  } catch (error) {
    if (error instanceof BotError && error.code === 'ERR_NAME_NOT_FOUND') {
      await reject(operation, description, error.message, dependencies);
      return;
    }
    throw error;
  }
  const checked = validateParameters(description.create, raw, {
    ...context,
    lookups: snapshotOfResolved(description, resolved),
  });
  if (!checked.ok) {
    const reason = checked.issues.map((issue) => `${issue.parameter} ${issue.message}`).join('; ');
    await reject(operation, description, reason, dependencies);
    return;
  }
  const summary = description.create.summarizeParameters(checked.parameters, resolved);
  let body = description.create.buildCreateBody(checked.parameters, resolved, context);
  if (description.create.prepareBody !== undefined) {
    try {
      const prepared = await description.create.prepareBody(checked.parameters, {
        slack: dependencies.slack,
        botToken: dependencies.config.slack.botToken,
        logger: log,
      });
      body = { ...body, ...prepared };
    } catch (error) {
      if (error instanceof BotError && error.code === 'ERR_INPUT_INVALID') {
        await reject(operation, description, error.message, dependencies);
        return;
      }
      throw error;
    }
  }
  const bodyCheck = description.create.bodySchema?.safeParse(body);
  if (bodyCheck !== undefined && !bodyCheck.success) {
    // The form's checks should have caught this; the API's own schema is the last guard.
    log.error({ issues: bodyCheck.error.issues }, 'create body failed the API schema');
    const reason = bodyCheck.error.issues
      .map((issue) => `${issue.path.join('.')} ${issue.message}`)
      .join('; ');
    await reject(operation, description, `the request is invalid: ${reason}`, dependencies);
    return;
  }

  const withSummary = { ...operation, summary, status: 'SUBMITTING' };
  const parent = await postMessageOnce(
    {
      postKey: `${operation.operationId}:parent`,
      channel: operation.channelId,
      ...buildParentMessage(toViewModel(withSummary, description)),
    },
    { client: dependencies.slack, redis: dependencies.redis, keys: dependencies.keys, logger: log },
  );
  await dependencies.operations.update(operation.operationId, {
    summary,
    status: 'SUBMITTING',
    parentTs: parent.ts,
    channelId: parent.channel,
    createStage: 'sent',
    createSentAt: Date.now(),
  });

  try {
    const created = await dependencies.easymaker.create(
      description.create.path ?? description.api.collectionPath,
      body,
      description.create.objectKey ?? description.api.objectKey,
      description.api.objectSchema,
    );
    log.info({ resourceId: description.idOf(created) }, 'resource created');
    await adopt(operation.operationId, description, created, dependencies);
  } catch (error) {
    if (error instanceof EasyMakerApiError) {
      log.warn({ err: error }, 'create request rejected by EasyMaker');
      const latest = (await dependencies.operations.get(operation.operationId)) ?? operation;
      await rejectAfterParent(latest, description, error.resultMessage, dependencies);
      return;
    }
    if (error instanceof BotError && NOT_SENT_CODES.has(error.code)) {
      // The token call failed or no connection opened, so the create request never left: the
      // job's next attempt may send it.
      await dependencies.operations.update(operation.operationId, { createStage: 'queued' });
      throw error;
    }
    log.warn({ err: error }, 'create request outcome unknown; looking for the resource');
    throw new BotError('ERR_CREATE_OUTCOME_UNKNOWN', 'create outcome unknown', { cause: error });
  }
  await startTracking(operation.operationId, description, dependencies);
}

/** The resolved choices as one-item lookup lists, for the checks that need them. */
function snapshotOfResolved(
  description: CreatableDescription,
  resolved: Awaited<ReturnType<typeof resolveReferences>>,
): LookupSnapshot {
  const snapshot: LookupSnapshot = {};
  for (const reference of description.create.references) {
    const item = resolved[reference.parameter];
    if (item !== undefined) {
      snapshot[reference.lookup] = [...(snapshot[reference.lookup] ?? []), item];
    }
  }
  return snapshot;
}

async function reconcile(
  job: Job,
  token: string | undefined,
  operation: OperationRecord,
  description: CreatableDescription,
  dependencies: JobDependencies,
): Promise<void> {
  const found = await findCreatedResource(operation, description, dependencies);
  if (found !== undefined) {
    dependencies.logger.info(
      { operationId: operation.operationId, resourceId: description.idOf(found) },
      'created resource found after an unanswered create request',
    );
    await adopt(operation.operationId, description, found, dependencies);
    await startTracking(operation.operationId, description, dependencies);
    return;
  }
  const attempts = operation.reconcileAttempts + 1;
  const { reconcileAttempts, reconcileDelayMs } = dependencies.config.tracking;
  if (attempts < reconcileAttempts) {
    await dependencies.operations.update(operation.operationId, { reconcileAttempts: attempts });
    await job.moveToDelayed(Date.now() + reconcileDelayMs, token);
    throw new DelayedError();
  }
  const reason =
    `EasyMaker did not confirm the create request, and no ${description.noun} named ` +
    `"${operation.name}" appeared afterwards. The request was not sent again; check the ` +
    'EasyMaker console before trying again.';
  await dependencies.operations.update(operation.operationId, { createStage: 'unknown' });
  await rejectAfterParent(operation, description, reason, dependencies);
}

async function adopt(
  operationId: string,
  description: AnyDescription,
  resource: unknown,
  dependencies: JobDependencies,
): Promise<void> {
  const resourceId = description.idOf(resource);
  await dependencies.operations.linkResource(description.kind, resourceId, operationId);
  const status = description.statusOf(resource);
  await recordVisibleChange(dependencies, operationId, {
    createStage: 'created',
    resourceId,
    status,
    statusClass: classifyStatus(status, description.statuses),
  });
}

async function startTracking(
  operationId: string,
  description: AnyDescription,
  dependencies: JobDependencies,
): Promise<void> {
  const operation = await dependencies.operations.get(operationId);
  if (operation?.resourceId === undefined) {
    return;
  }
  await postThreadReplyOnce(
    dependencies,
    operation,
    'created',
    buildCreatedReply(
      toViewModel(operation, description),
      operation.createSentAt === undefined ? 'watched' : 'created',
    ),
  );
  await enqueueTrackResource(dependencies.queues.track, { operationId }, 0);
}

/** Rejection before anything was posted or created: only the requester hears of it. */
async function reject(
  operation: OperationRecord,
  description: CreatableDescription,
  reason: string,
  dependencies: JobDependencies,
): Promise<void> {
  await dependencies.operations.update(operation.operationId, {
    createStage: 'rejected',
    failureReason: reason,
  });
  dependencies.logger.info(
    { operationId: operation.operationId, kind: operation.kind },
    'create request rejected before sending',
  );
  await notifyRequester(
    dependencies,
    operation,
    buildCreateRejectedReply(description, operation.name, reason),
  );
}

/** Rejection after the parent message exists: the thread, the parent and the alert show it. */
async function rejectAfterParent(
  operation: OperationRecord,
  description: CreatableDescription,
  reason: string,
  dependencies: JobDependencies,
): Promise<void> {
  const finished: OperationRecord = {
    ...operation,
    createStage: operation.createStage === 'unknown' ? 'unknown' : 'rejected',
    status: 'CREATE_REJECTED',
    statusClass: 'failure',
    failureReason: reason,
    finishedAt: Date.now(),
  };
  await recordVisibleChange(dependencies, operation.operationId, {
    createStage: finished.createStage,
    status: finished.status,
    statusClass: finished.statusClass,
    failureReason: reason,
    finishedAt: finished.finishedAt,
  });
  await postThreadReplyOnce(
    dependencies,
    finished,
    'final',
    buildFinalReply(toViewModel(finished, description), []),
  );
  await postFailureAlertOnce(dependencies, finished, description);
}
