import type { AnyDescription } from '../resources/index.js';
import type { OperationRecord } from '../state/operation-store.js';
import type { TrackedResourceViewModel } from '../views/tracked-resource-view-model.js';

/** Builds what the messages show from an operation record at time `now` (ms). */
export function toViewModel(
  operation: OperationRecord,
  description: AnyDescription,
  now = Date.now(),
): TrackedResourceViewModel {
  const end = operation.finishedAt ?? now;
  const measured = Math.max(0, Math.round((end - operation.startedAt) / 1000));
  return {
    noun: description.noun,
    title: description.title,
    name: operation.name,
    resourceId: operation.resourceId,
    requesterId: operation.requesterId,
    status: operation.status,
    statusClass: operation.statusClass,
    elapsedSeconds: measured,
    runSeconds: operation.elapsedSeconds,
    summary: operation.summary,
    progress: operation.progress,
    ...(operation.failureReason ? { failureReason: operation.failureReason } : {}),
  };
}
