import { elementsOf } from '../slack-fake/block-kit/view-state.js';
import type { FakeView, ViewStateValue, ViewStateValues } from '../slack-fake/types.js';
import { findBlock, findElement, type JsonObject, optionsOf } from './element-lookup.js';

/**
 * Turns the values a test "types" into `state.values`, shaped per element type as Slack sends
 * them in `view_submission`. Anything a real user could not submit throws: unknown block or
 * action ids, options the element does not offer, text outside min/max length, empty required
 * inputs.
 */

/** A value for one input: a string (or string list) for most elements, `null` to clear. */
export type InputValue =
  | string
  | number
  | null
  | readonly string[]
  | { text: string; value: string }
  | JsonObject;

export type SubmittedValues = Record<string, Record<string, InputValue>>;

/** Returns the file objects of files the submitting user picked in a `file_input`. */
export type FileLookup = (fileIds: readonly string[]) => JsonObject[];

/** Slack's size limit of a file picked in a `file_input`. */
export const maxInputFileBytes = 10 * 1024 * 1024;

function describe(element: JsonObject): string {
  return `${String(element.type)} ${String(element.action_id)}`;
}

function asString(value: InputValue, element: JsonObject): string | null {
  if (value === null || typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number') {
    return String(value);
  }
  throw new Error(`${describe(element)} takes a string, not ${JSON.stringify(value)}`);
}

function asStrings(value: InputValue, element: JsonObject): string[] {
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) {
    return [...value];
  }
  throw new Error(`${describe(element)} takes a list of strings, not ${JSON.stringify(value)}`);
}

/** Looks a value up among the element's options; returns the option as Slack echoes it. */
function pickOption(element: JsonObject, value: string): JsonObject {
  const option = optionsOf(element).find((candidate) => candidate.value === value);
  if (option === undefined) {
    const offered = optionsOf(element).map((candidate) => String(candidate.value));
    throw new Error(`${describe(element)} has no option ${value}; options: ${offered.join(', ')}`);
  }
  const { text, value: optionValue, description } = option;
  return { text, value: optionValue, ...(description === undefined ? {} : { description }) };
}

/** External selects have no options in the view: the test gives the option itself. */
function externalOption(value: InputValue): JsonObject {
  if (typeof value === 'string') {
    return { text: { type: 'plain_text', text: value, emoji: true }, value };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'value' in value) {
    const text =
      typeof value.text === 'string'
        ? { type: 'plain_text', text: value.text, emoji: true }
        : value.text;
    return { text, value: value.value };
  }
  throw new Error(
    `external select takes a value string or { text, value }, not ${JSON.stringify(value)}`,
  );
}

function checkTextLength(element: JsonObject, text: string | null): void {
  const length = text?.length ?? 0;
  if (typeof element.max_length === 'number' && length > element.max_length) {
    throw new Error(
      `${describe(element)} accepts at most ${element.max_length} characters, got ${length}`,
    );
  }
  if (text !== null && typeof element.min_length === 'number' && length < element.min_length) {
    throw new Error(
      `${describe(element)} needs at least ${element.min_length} characters, got ${length}`,
    );
  }
}

function checkNumber(element: JsonObject, text: string | null): void {
  if (text === null) {
    return;
  }
  const pattern = element.is_decimal_allowed === true ? /^-?\d+(\.\d+)?$/ : /^-?\d+$/;
  const number = Number(text);
  const tooSmall = typeof element.min_value === 'string' && number < Number(element.min_value);
  const tooLarge = typeof element.max_value === 'string' && number > Number(element.max_value);
  if (!pattern.test(text) || tooSmall || tooLarge) {
    throw new Error(`${describe(element)} does not accept ${text}`);
  }
}

function checkPattern(element: JsonObject, text: string | null, pattern: RegExp): string | null {
  if (text !== null && !pattern.test(text)) {
    throw new Error(`${describe(element)} does not accept ${text}`);
  }
  return text;
}

/**
 * Picks files for a `file_input`: the value is a list of file ids (from `addUserFile`). Checks
 * what Slack's client enforces: `max_files` (default 10), the `filetypes` extensions and the
 * 10 MB limit.
 */
function pickFiles(element: JsonObject, value: InputValue, files: FileLookup): JsonObject[] {
  const ids = value === null ? [] : asStrings(value, element);
  const maxFiles = typeof element.max_files === 'number' ? element.max_files : 10;
  if (ids.length > maxFiles) {
    throw new Error(`${describe(element)} takes at most ${maxFiles} files, got ${ids.length}`);
  }
  const picked = files(ids);
  const allowed = Array.isArray(element.filetypes) ? element.filetypes.map(String) : undefined;
  for (const file of picked) {
    const name = String(file.name);
    const extension = name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : '';
    if (allowed !== undefined && !allowed.includes(extension)) {
      throw new Error(`${describe(element)} accepts ${allowed.join(', ')} files, not ${name}`);
    }
    if (Number(file.size) > maxInputFileBytes) {
      throw new Error(`${describe(element)} accepts files up to 10 MB; ${name} is larger`);
    }
  }
  return picked;
}

/**
 * Builds the `state.values[block_id][action_id]` entry for one element. A `file_input` needs
 * `files`, which returns the objects of the picked files.
 */
export function stateValueFor(
  element: JsonObject,
  value: InputValue,
  files?: FileLookup,
): ViewStateValue {
  const type = String(element.type);
  switch (type) {
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input': {
      const text = asString(value, element);
      checkTextLength(element, text);
      return { type, value: text };
    }
    case 'number_input': {
      const text = asString(value, element);
      checkNumber(element, text);
      return { type, value: text };
    }
    case 'static_select':
    case 'radio_buttons': {
      const choice = asString(value, element);
      return { type, selected_option: choice === null ? null : pickOption(element, choice) };
    }
    case 'external_select':
      return { type, selected_option: value === null ? null : externalOption(value) };
    case 'multi_static_select':
    case 'checkboxes':
      return {
        type,
        selected_options: asStrings(value, element).map((choice) => pickOption(element, choice)),
      };
    case 'multi_external_select': {
      const list = Array.isArray(value) ? value : [];
      return { type, selected_options: list.map((entry: InputValue) => externalOption(entry)) };
    }
    case 'datepicker':
      return {
        type,
        selected_date: checkPattern(element, asString(value, element), /^\d{4}-\d{2}-\d{2}$/),
      };
    case 'timepicker':
      return {
        type,
        selected_time: checkPattern(element, asString(value, element), /^\d{2}:\d{2}$/),
      };
    case 'datetimepicker':
      return { type, selected_date_time: value === null ? null : Number(value) };
    case 'users_select':
      return {
        type,
        selected_user: checkPattern(element, asString(value, element), /^[UW][A-Z0-9]+$/),
      };
    case 'multi_users_select':
      return { type, selected_users: asStrings(value, element) };
    case 'conversations_select':
      return { type, selected_conversation: asString(value, element) };
    case 'multi_conversations_select':
      return { type, selected_conversations: asStrings(value, element) };
    case 'channels_select':
      return { type, selected_channel: asString(value, element) };
    case 'multi_channels_select':
      return { type, selected_channels: asStrings(value, element) };
    case 'rich_text_input':
      return { type, rich_text_value: value };
    case 'file_input':
      if (files === undefined) {
        throw new Error(`the driver cannot fill ${describe(element)} without a file lookup`);
      }
      return { type, files: pickFiles(element, value, files) };
    default:
      throw new Error(`the driver cannot fill ${describe(element)}`);
  }
}

function isEmpty(state: ViewStateValue): boolean {
  const [, filled] = Object.entries(state).find(([key]) => key !== 'type') ?? [];
  return (
    filled === null ||
    filled === undefined ||
    filled === '' ||
    (Array.isArray(filled) && filled.length === 0)
  );
}

/**
 * Merges the given values into the view's current state and checks required inputs. `files`
 * resolves the file ids given for a `file_input`.
 */
export function submittedState(
  view: FakeView,
  values: SubmittedValues,
  files?: FileLookup,
): ViewStateValues {
  const where = `view ${view.id}`;
  const state: ViewStateValues = structuredClone(view.state.values);
  for (const [blockId, actions] of Object.entries(values)) {
    findBlock(view.blocks, blockId, where);
    for (const [actionId, value] of Object.entries(actions)) {
      const { element } = findElement(view.blocks, actionId, blockId, where);
      state[blockId] = { ...state[blockId], [actionId]: stateValueFor(element, value, files) };
    }
  }
  for (const block of view.blocks) {
    const input = block as JsonObject;
    if (input.type !== 'input' || input.optional === true) {
      continue;
    }
    for (const element of elementsOf(input)) {
      const entry = state[String(input.block_id)]?.[String(element.action_id)];
      if (entry === undefined || isEmpty(entry)) {
        throw new Error(
          `required input ${String(input.block_id)} is empty; Slack would not submit ${where}`,
        );
      }
    }
  }
  return state;
}
