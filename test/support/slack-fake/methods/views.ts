import { z } from 'zod';
import { validateModalView } from '../block-kit/validate.js';
import { type ModalView, maxViewBytes, modalView } from '../block-kit/view-schema.js';
import { elementsOf } from '../block-kit/view-state.js';
import type { FakeState } from '../state/fake-state.js';
import type { FakeView } from '../types.js';
import { detailedError, formString, jsonArg, parseArgs, SlackApiError } from '../wire/api-error.js';
import type { MethodContext, MethodResult } from './method-context.js';

/** `views.open`, `views.push` and `views.update` on modal views. */

/** The view as Slack returns it, without the fake's bookkeeping fields. */
export function publicView(view: FakeView): Omit<FakeView, 'userId' | 'isOpen'> {
  const { userId: _userId, isOpen: _isOpen, ...rest } = structuredClone(view);
  return rest;
}

/** Checks a view for size and schema; returns the parsed view or throws Slack's error. */
export function readView(value: unknown): ModalView {
  if (value === undefined) {
    throw detailedError('invalid_arguments', ['missing required field: view [json-pointer:/view]']);
  }
  if (Buffer.byteLength(JSON.stringify(value)) > maxViewBytes) {
    throw new SlackApiError('view_too_large');
  }
  const problems = validateModalView(value);
  if (problems.length > 0) {
    throw detailedError('invalid_arguments', problems);
  }
  return modalView.parse(value);
}

/**
 * Rejects a view with a `file_input` when the token lacks `files:read`, which Slack requires
 * for the element.
 * NOTE: Slack documents the requirement but not the error; `missing_scope` is assumed.
 */
export function checkFileInputScope(state: FakeState, view: ModalView): void {
  const hasFileInput = view.blocks.some((block) =>
    elementsOf(block).some((element) => element.type === 'file_input'),
  );
  if (hasFileInput) {
    state.workspace.requireScope('files:read');
  }
}

const triggerArgs = z.object({
  trigger_id: formString.optional(),
  interactivity_pointer: formString.optional(),
});

function openOrPush({ state, args }: MethodContext, mode: 'open' | 'push'): MethodResult {
  const scalars = parseArgs(triggerArgs, args);
  const input = readView(jsonArg(args, 'view', 'invalid_arguments'));
  checkFileInputScope(state, input);
  const triggerId = scalars.trigger_id ?? scalars.interactivity_pointer;
  const userId = state.triggers.check(triggerId);
  state.views.checkExternalId(input.external_id);
  const view = mode === 'open' ? state.views.open(userId, input) : state.views.push(userId, input);
  if (triggerId !== undefined) {
    state.triggers.consume(triggerId);
  }
  return { view: publicView(view) };
}

export function openView(context: MethodContext): MethodResult {
  return openOrPush(context, 'open');
}

export function pushView(context: MethodContext): MethodResult {
  return openOrPush(context, 'push');
}

const updateArgs = z.object({
  view_id: formString.optional(),
  external_id: formString.optional(),
  hash: formString.optional(),
});

export function updateView({ state, args }: MethodContext): MethodResult {
  const scalars = parseArgs(updateArgs, args);
  const input = readView(jsonArg(args, 'view', 'invalid_arguments'));
  checkFileInputScope(state, input);
  const current = state.views.findOpen(scalars.view_id, scalars.external_id);
  if (current === undefined) {
    throw new SlackApiError('not_found');
  }
  state.views.checkExternalId(input.external_id, current.id);
  const view = state.views.update(current, input, scalars.hash);
  return { view: publicView(view) };
}
