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
import { slackRetryAfterMs } from './slack-rate-limit.js';
import { enqueueTrackResource } from './track-resource.js';

/** How long an unanswered create keeps being looked for while EasyMaker's list call fails. */
const RECONCILE_OUTAGE_LIMIT_MS = 60 * 60 * 1000;

/** Slack errors that mean the bot cannot post in the request's channel at all. */
const UNPOSTABLE_CHANNEL_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'restricted_action',
]);

function slackPlatformErrorOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'data' in error) {
    const data = (error as { data?: { error?: unknown } }).data;
    return typeof data?.error === 'string' ? data.error : undefined;
  }
  return undefined;
}

function unpostableChannelReason(slackError: string): string {
  return slackError === 'is_archived'
    ? 'this channel is archived, so its progress cannot be posted here. Run the command in another channel.'
    : 'the bot cannot post in this channel. Invite it (/invite @easymaker) or run the command in a channel it is in.';
}

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
    // About 20 minutes of retries for EasyMaker or Slack outages; the final failure is reported.
    attempts: 9,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: 1000,
    removeOnFail: 1000,
  });
}

/**
 * Creates the resource of an operation and hands it to tracking.
 *
 * Each step records its outcome in the operation before the next runs, so the job can be run
 * again after a crash. The stage `sent` is written before the create request goes out, and a
 * job that finds it set looks for the resource by name instead of sending again. The request is
 * sent again only when it cannot have reached EasyMaker: no connection opened, the token call
 * failed, or EasyMaker answered HTTP 429.
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
  try {
    await runStage(job, token, operation, description, dependencies, log);
  } catch (error) {
    const retryAfterMs = slackRetryAfterMs(error);
    if (retryAfterMs === undefined) {
      throw error;
    }
    // Every step is recorded before the next one runs, so the job resumes where it stopped.
    log.warn({ retryAfterMs }, 'slack rate limit while creating; continuing after the wait');
    await job.moveToDelayed(Date.now() + retryAfterMs, token);
    throw new DelayedError();
  }
}

async function runStage(
  job: Job,
  token: string | undefined,
  operation: OperationRecord,
  description: AnyDescription,
  dependencies: JobDependencies,
  log: JobDependencies['logger'],
): Promise<void> {
  const { operationId } = operation;
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
  let parent: Awaited<ReturnType<typeof postMessageOnce>>;
  try {
    parent = await postMessageOnce(
      {
        postKey: `${operation.operationId}:parent`,
        channel: operation.channelId,
        ...buildParentMessage(toViewModel(withSummary, description)),
      },
      {
        client: dependencies.slack,
        redis: dependencies.redis,
        keys: dependencies.keys,
        logger: log,
      },
    );
  } catch (error) {
    const slackError = slackPlatformErrorOf(error);
    if (slackError !== undefined && UNPOSTABLE_CHANNEL_ERRORS.has(slackError)) {
      // Nothing was sent to EasyMaker yet, so the request can end here without a trace.
      log.warn({ slackError }, 'parent message could not be posted; request rejected');
      await reject(operation, description, unpostableChannelReason(slackError), dependencies);
      return;
    }
    throw error;
  }
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
    if (error instanceof EasyMakerApiError && error.httpStatus === 429) {
      // Rate limited before processing: the request was not handled and may be sent again.
      log.warn({ err: error }, 'create request rate limited by EasyMaker; sending it later');
      await dependencies.operations.update(operation.operationId, { createStage: 'queued' });
      throw error;
    }
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
  let found: unknown;
  try {
    found = await findCreatedResource(operation, description, dependencies);
  } catch (error) {
    // The list call failed, so nothing is known yet. Keep looking for a while without using
    // the job's attempts; a training that exists must not be left untracked after an outage.
    const waitedMs = Date.now() - (operation.createSentAt ?? operation.startedAt);
    if (waitedMs > RECONCILE_OUTAGE_LIMIT_MS) {
      throw error;
    }
    dependencies.logger.warn(
      { err: error, operationId: operation.operationId },
      'list for an unanswered create failed; looking again later',
    );
    await job.moveToDelayed(Date.now() + dependencies.config.tracking.reconcileDelayMs, token);
    throw new DelayedError();
  }
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

/**
 * Tells the requester that a create job gave up after its last attempt, so no request ends in
 * silence. A request already sent to EasyMaker is reported as possibly created.
 */
export async function reportCreateGaveUp(
  job: Job,
  error: Error,
  dependencies: JobDependencies,
): Promise<void> {
  const parsed = createResourcePayloadSchema.safeParse(job.data);
  const operation = parsed.success
    ? await dependencies.operations.get(parsed.data.operationId)
    : undefined;
  const description = operation ? findDescriptionByKind(operation.kind) : undefined;
  if (operation === undefined || description === undefined || !isCreatable(description)) {
    return;
  }
  if (operation.createStage === 'rejected' || operation.createStage === 'unknown') {
    return;
  }
  const sent = operation.createStage === 'sent' || operation.createStage === 'created';
  const reason = sent
    ? `the bot stopped following it after repeated failures (${error.message}). It may exist in EasyMaker; check the console or use /easymaker watch.`
    : `EasyMaker or Slack kept failing, so it was not sent (${error.message}). Try again later.`;
  dependencies.logger.error(
    { err: error, operationId: operation.operationId, stage: operation.createStage },
    'create request given up',
  );
  try {
    if (operation.parentTs === undefined) {
      await reject(operation, description, reason, dependencies);
    } else {
      await rejectAfterParent(operation, description, reason, dependencies);
    }
  } catch (reportError) {
    dependencies.logger.error(
      { err: reportError, operationId: operation.operationId },
      'report of a given-up create request failed',
    );
  }
}
