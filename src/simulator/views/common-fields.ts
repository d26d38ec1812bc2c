import { formatSeoulDatetime } from '../clock.js';
import type { SimulatedFlavor } from '../seed-data.js';
import type { SimulatorState } from '../simulator-state.js';

/** Fields every resource object carries: `description`, `appKey` and `createdDatetime`. */
export function commonFields(
  state: SimulatorState,
  description: string | null | undefined,
  createdAtMs: number,
): Record<string, unknown> {
  return {
    description: description ?? null,
    appKey: state.identity.appKey,
    createdDatetime: formatSeoulDatetime(createdAtMs),
  };
}

/** Returns the sparse flavor of list items: only `id` and `gpuFlavor`. */
export function flavorListItem(flavor: SimulatedFlavor): Record<string, unknown> {
  return { id: flavor.id, gpuFlavor: flavor.gpuFlavor };
}

/** Formats simulated epoch ms like `createdDatetime`, or null without a time. */
export function optionalDatetime(epochMs: number | null): string | null {
  return epochMs === null ? null : formatSeoulDatetime(epochMs);
}
