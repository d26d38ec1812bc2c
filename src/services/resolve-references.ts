import { setTimeout as sleep } from 'node:timers/promises';
import { EasyMakerApiError } from '../api/easymaker-api-error.js';
import type { EasyMakerClient } from '../api/easymaker-client.js';
import { type Experiment, experimentSchema } from '../api/schemas/experiment.js';
import { BotError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { CreatableDescription } from '../resources/index.js';
import { lookupDescriptions } from '../resources/lookups.js';
import type {
  LookupItem,
  ReferenceDescription,
  ResolvedReferences,
} from '../resources/resource-description.js';
import type { LookupService } from './lookup-service.js';

export interface ResolveReferencesOptions {
  client: EasyMakerClient;
  lookups: LookupService;
  logger: Logger;
  /** How long to wait for a new experiment to become ACTIVE. */
  experimentReadyTimeoutMs?: number;
}

/**
 * Turns every lookup parameter into the chosen object, by id (modal) or exact name (inline),
 * creating a missing experiment by name as the SDK does.
 *
 * @throws BotError `ERR_NAME_NOT_FOUND` naming the parameter and value when nothing matches.
 */
export async function resolveReferences(
  description: CreatableDescription,
  parameters: Record<string, unknown>,
  options: ResolveReferencesOptions,
): Promise<ResolvedReferences> {
  const resolved: ResolvedReferences = {};
  for (const reference of description.create.references) {
    const value = parameters[reference.parameter];
    if (value === undefined || value === null) {
      continue;
    }
    if (reference.createIfMissing && typeof value === 'string') {
      resolved[reference.parameter] = await findOrCreateExperiment(value, options);
      continue;
    }
    resolved[reference.parameter] = await findChoice(reference, value, options);
  }
  return resolved;
}

async function findChoice(
  reference: ReferenceDescription,
  value: unknown,
  options: ResolveReferencesOptions,
): Promise<LookupItem> {
  const lookup = lookupDescriptions[reference.lookup];
  const requested = value as { id?: string; name?: string };
  const matches = (items: LookupItem[]) =>
    items.find((item) =>
      requested.id !== undefined ? item.id === requested.id : item.name === requested.name,
    );
  let match = matches(await options.lookups.list(reference.lookup));
  if (match === undefined) {
    // The cached list may predate the object; look once more at the live list.
    match = matches(await options.lookups.list(reference.lookup, { fresh: true }));
  }
  if (match !== undefined) {
    return match;
  }
  const requestedLabel =
    requested.id !== undefined ? `id "${requested.id}"` : `"${requested.name}"`;
  throw new BotError(
    'ERR_NAME_NOT_FOUND',
    `${reference.parameter}: no ${lookup.noun} ${requestedLabel} exists`,
    {
      context: { parameter: reference.parameter, lookup: reference.lookup },
    },
  );
}

async function findOrCreateExperiment(
  name: string,
  options: ResolveReferencesOptions,
): Promise<LookupItem> {
  const { client, logger } = options;
  const existing = await findExperiment(name, client);
  if (existing !== undefined) {
    // Another request may have created it a moment ago; a training needs it ACTIVE.
    await waitForActiveExperiment(existing.id, options);
    return existing;
  }
  // NOTE: two requests that name the same new experiment at once can both send a create, as
  // with the SDK. Whether EasyMaker rejects a duplicate name is not published, so a rejected
  // create is followed by one more look-up before the error is raised.
  let created: Experiment;
  try {
    created = await client.create(
      '/experiments',
      { experimentName: name },
      'experiment',
      experimentSchema,
    );
  } catch (error) {
    const raced =
      error instanceof EasyMakerApiError ? await findExperiment(name, client) : undefined;
    if (raced !== undefined) {
      await waitForActiveExperiment(raced.id, options);
      return raced;
    }
    throw error;
  }
  logger.info({ experimentId: created.experimentId }, 'experiment created');
  await options.lookups.forget('experiment');
  await waitForActiveExperiment(created.experimentId, options);
  return { id: created.experimentId, name: created.experimentName };
}

async function findExperiment(
  name: string,
  client: EasyMakerClient,
): Promise<LookupItem | undefined> {
  const found = await client.list('/experiments', 'experimentList', experimentSchema, {
    experimentNameList: [name],
  });
  const existing = found.find((experiment) => experiment.experimentName === name);
  return existing && { id: existing.experimentId, name: existing.experimentName };
}

async function waitForActiveExperiment(
  experimentId: string,
  options: ResolveReferencesOptions,
): Promise<void> {
  const deadline = Date.now() + (options.experimentReadyTimeoutMs ?? 120_000);
  for (;;) {
    const experiment = await options.client.get(
      `/experiments/${encodeURIComponent(experimentId)}`,
      'experiment',
      experimentSchema,
    );
    const status = experiment.experimentStatusCode ?? '';
    if (status === 'ACTIVE') {
      return;
    }
    if (status.includes('FAIL')) {
      throw new BotError(
        'ERR_INPUT_INVALID',
        `experiment_name: the new experiment ended in ${status}`,
        {
          context: { experimentId },
        },
      );
    }
    if (Date.now() > deadline) {
      throw new BotError(
        'ERR_EASYMAKER_TIMEOUT',
        'the new experiment did not become ACTIVE in time',
        {
          context: { experimentId },
        },
      );
    }
    await sleep(500);
  }
}
