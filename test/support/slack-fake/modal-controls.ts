import type { ModalView } from './block-kit/view-schema.js';
import { readView } from './methods/views.js';
import type { FakeState } from './state/fake-state.js';
import type { FakeView, ViewStateValues } from './types.js';
import { SlackApiError } from './wire/api-error.js';

/**
 * Changes to a user's modal stack that Slack makes on its own side: after a `view_submission`
 * or `view_closed`, depending on the app's acknowledgement. The driver calls these.
 */
export class ModalControls {
  constructor(private readonly state: () => FakeState) {}

  /** Stores the input values a user typed into an open view. */
  setState(viewId: string, values: ViewStateValues): void {
    this.state().views.setState(viewId, values);
  }

  /** Closes a view and every view above it, as a submission acked with an empty body does. */
  close(viewId: string): void {
    this.state().views.close(viewId);
  }

  /** Closes the user's whole modal stack (`response_action: "clear"`, `clear_on_close`). */
  clear(userId: string): void {
    this.state().views.clear(userId);
  }

  /** Replaces an open view (`response_action: "update"`); throws on an invalid view. */
  replace(viewId: string, view: unknown): FakeView {
    const views = this.state().views;
    const current = views.findOpen(viewId, undefined);
    if (current === undefined) {
      throw new Error(`view ${viewId} is not open, so it cannot be replaced`);
    }
    return structuredClone(views.update(current, checkedView(view), undefined));
  }

  /** Pushes a view onto the user's stack (`response_action: "push"`); throws when invalid. */
  push(userId: string, view: unknown): FakeView {
    return structuredClone(this.state().views.push(userId, checkedView(view)));
  }
}

/** Validates a view returned in an acknowledgement; Slack would show the user an error. */
function checkedView(view: unknown): ModalView {
  try {
    return readView(view);
  } catch (error) {
    if (error instanceof SlackApiError) {
      const details = Array.isArray(error.extra.errors) ? error.extra.errors.join('; ') : '';
      throw new Error(`invalid view in acknowledgement (${error.error}): ${details}`, {
        cause: error,
      });
    }
    throw error;
  }
}
