import type { ViewStateValue, ViewStateValues } from '../types.js';

/**
 * Stored block normalisation and `state.values` construction. Slack gives every block a
 * `block_id` and every interactive element an `action_id` when the app leaves them out, and
 * builds `state.values[block_id][action_id]` from each stateful element's initial value.
 */

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Elements without state: they only send `block_actions`. */
const statelessTypes = new Set(['button', 'overflow', 'workflow_button', 'image']);

/** Returns the interactive elements of a block: actions elements, input element, accessory. */
export function elementsOf(block: unknown): JsonObject[] {
  if (!isObject(block)) {
    return [];
  }
  if (block.type === 'actions' && Array.isArray(block.elements)) {
    return block.elements.filter(isObject);
  }
  if (block.type === 'input' && isObject(block.element)) {
    return [block.element];
  }
  if (block.type === 'section' && isObject(block.accessory) && block.accessory.type !== 'image') {
    return [block.accessory];
  }
  return [];
}

/** Returns a deep copy of the blocks with a `block_id` and `action_id` everywhere. */
export function normalizeBlocks(blocks: readonly unknown[], newId: () => string): unknown[] {
  const copy = structuredClone([...blocks]);
  for (const block of copy) {
    if (!isObject(block)) {
      continue;
    }
    block.block_id ??= newId();
    for (const element of elementsOf(block)) {
      element.action_id ??= newId();
    }
  }
  return copy;
}

/** Returns the state value an element starts with, or undefined for stateless elements. */
export function initialStateOf(element: JsonObject): ViewStateValue | undefined {
  const type = String(element.type);
  if (statelessTypes.has(type)) {
    return undefined;
  }
  switch (type) {
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
      return { type, value: element.initial_value ?? null };
    case 'rich_text_input':
      return { type, rich_text_value: element.initial_value ?? null };
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
      return { type, selected_option: element.initial_option ?? null };
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return { type, selected_options: element.initial_options ?? [] };
    case 'datepicker':
      return { type, selected_date: element.initial_date ?? null };
    case 'timepicker':
      return { type, selected_time: element.initial_time ?? null };
    case 'datetimepicker':
      return { type, selected_date_time: element.initial_date_time ?? null };
    case 'users_select':
      return { type, selected_user: element.initial_user ?? null };
    case 'multi_users_select':
      return { type, selected_users: element.initial_users ?? [] };
    case 'conversations_select':
      return { type, selected_conversation: element.initial_conversation ?? null };
    case 'multi_conversations_select':
      return { type, selected_conversations: element.initial_conversations ?? [] };
    case 'channels_select':
      return { type, selected_channel: element.initial_channel ?? null };
    case 'multi_channels_select':
      return { type, selected_channels: element.initial_channels ?? [] };
    case 'file_input':
      return { type, files: [] };
    default:
      return undefined;
  }
}

/** Builds `state.values` from normalised blocks. */
export function initialState(blocks: readonly unknown[]): ViewStateValues {
  const values: ViewStateValues = {};
  for (const block of blocks) {
    if (!isObject(block) || typeof block.block_id !== 'string') {
      continue;
    }
    for (const element of elementsOf(block)) {
      const state = initialStateOf(element);
      if (state !== undefined && typeof element.action_id === 'string') {
        const blockValues = values[block.block_id] ?? {};
        blockValues[element.action_id] = state;
        values[block.block_id] = blockValues;
      }
    }
  }
  return values;
}
