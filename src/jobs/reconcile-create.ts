import type { AnyDescription } from '../resources/index.js';
import type { OperationRecord } from '../state/operation-store.js';
import type { JobDependencies } from './job-dependencies.js';

// Clocks of the bot and of EasyMaker may disagree; a resource created this long before the
// request was sent still counts as a match.
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Looks for the resource that an unanswered create request may have made: same name, created
 * after the request was sent, and not already tracked by another operation.
 */
export async function findCreatedResource(
  operation: OperationRecord,
  description: AnyDescription,
  dependencies: JobDependencies,
): Promise<unknown> {
  const resources = await dependencies.easymaker.list(
    description.api.collectionPath,
    description.api.listKey,
    description.api.objectSchema,
    requiredFilterOf(operation, description),
  );
  const sentAt = operation.createSentAt ?? operation.startedAt;
  for (const resource of resources) {
    if (description.nameOf(resource) !== operation.name) {
      continue;
    }
    const created = createdAtOf(resource);
    if (created !== undefined && created < sentAt - CLOCK_SKEW_MS) {
      continue;
    }
    const owner = await dependencies.operations.findByResource(
      description.kind,
      description.idOf(resource),
    );
    if (owner !== undefined && owner !== operation.operationId) {
      continue;
    }
    return resource;
  }
  return undefined;
}

/** The query a list needs (a stage list needs its endpoint), read from the request's parameters. */
function requiredFilterOf(
  operation: OperationRecord,
  description: AnyDescription,
): Record<string, string> | undefined {
  const filter = description.list.requiredFilter;
  if (filter === undefined) {
    return undefined;
  }
  const raw = (operation.parameters as Record<string, unknown>)[filter.parameter];
  const value = typeof raw === 'object' && raw !== null && 'id' in raw ? raw.id : raw;
  return typeof value === 'string' ? { [filter.query]: value.trim() } : undefined;
}

function createdAtOf(resource: unknown): number | undefined {
  if (typeof resource !== 'object' || resource === null || !('createdDatetime' in resource)) {
    return undefined;
  }
  const value = (resource as { createdDatetime?: unknown }).createdDatetime;
  if (typeof value !== 'string') {
    return undefined;
  }
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}
