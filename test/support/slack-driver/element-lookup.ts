import { elementsOf } from '../slack-fake/block-kit/view-state.js';

/** Finds interactive elements in stored blocks; a miss is a bug in the test, so it throws. */

export type JsonObject = Record<string, unknown>;

export interface FoundElement {
  blockId: string;
  block: JsonObject;
  element: JsonObject;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns the one element with this action_id (inside `blockId` when given). */
export function findElement(
  blocks: readonly unknown[],
  actionId: string,
  blockId: string | undefined,
  where: string,
): FoundElement {
  const found: FoundElement[] = [];
  for (const block of blocks) {
    if (!isObject(block) || (blockId !== undefined && block.block_id !== blockId)) {
      continue;
    }
    for (const element of elementsOf(block)) {
      if (element.action_id === actionId) {
        found.push({ blockId: String(block.block_id), block, element });
      }
    }
  }
  const [first] = found;
  if (first === undefined) {
    const scope = blockId === undefined ? '' : ` in block ${blockId}`;
    throw new Error(`no element with action_id ${actionId}${scope} in ${where}`);
  }
  if (found.length > 1) {
    throw new Error(`action_id ${actionId} occurs in several blocks of ${where}; pass blockId`);
  }
  return first;
}

export function findBlock(blocks: readonly unknown[], blockId: string, where: string): JsonObject {
  const block = blocks.find((candidate) => isObject(candidate) && candidate.block_id === blockId);
  if (!isObject(block)) {
    const known = blocks.map((candidate) =>
      isObject(candidate) ? String(candidate.block_id) : '?',
    );
    throw new Error(`no block ${blockId} in ${where}; block_ids: ${known.join(', ')}`);
  }
  return block;
}

/** Every option of a static select, checkboxes or radio element, groups included. */
export function optionsOf(element: JsonObject): JsonObject[] {
  const options = Array.isArray(element.options) ? element.options.filter(isObject) : [];
  const groups = Array.isArray(element.option_groups) ? element.option_groups.filter(isObject) : [];
  const grouped = groups.flatMap((group) =>
    Array.isArray(group.options) ? group.options.filter(isObject) : [],
  );
  return [...options, ...grouped];
}
