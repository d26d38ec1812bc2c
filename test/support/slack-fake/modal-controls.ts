import type { ModalView } from './block-kit/view-schema.js';
import { fileObject } from './methods/file-info.js';
import { checkFileInputScope, readView } from './methods/views.js';
import type { FakeState } from './state/fake-state.js';
import type { FakeView, ViewStateValues } from './types.js';
import { SlackApiError } from './wire/api-error.js';

/**
 * Changes to a user's modal stack that Slack makes on its own side: after a `view_submission`
 * or `view_closed`, depending on the app's acknowledgement. The driver calls these.
 */
export class ModalControls {
  constructor(
    private readonly state: () => FakeState,
    private readonly baseUrl: () => string,
  ) {}

  /**
   * Stores the input values a user typed into an open view. Files in a `file_input` value become
   * readable by the app, as a submission hands them to it.
   */
  setState(viewId: string, values: ViewStateValues): void {
    const state = this.state();
    state.views.setState(viewId, values);
    for (const actions of Object.values(values)) {
      for (const value of Object.values(actions)) {
        if (value.type !== 'file_input' || !Array.isArray(value.files)) {
          continue;
        }
        for (const entry of value.files as { id?: unknown }[]) {
          const file = typeof entry.id === 'string' ? state.files.get(entry.id) : undefined;
          if (file !== undefined) {
            file.submittedToApp = true;
          }
        }
      }
    }
  }

  /**
   * Returns the file objects Slack puts in a `file_input` state for files the user picked.
   * Throws for a file that does not exist or that another user uploaded: no user could pick it.
   */
  filesForInput(userId: string, fileIds: readonly string[]): Record<string, unknown>[] {
    const state = this.state();
    return fileIds.map((fileId) => {
      const file = state.files.get(fileId);
      if (file === undefined || !file.completed) {
        throw new Error(`no file ${fileId}; add it with addUserFile before attaching it`);
      }
      if (file.user !== userId) {
        throw new Error(`file ${fileId} belongs to ${file.user ?? 'the bot'}, not ${userId}`);
      }
      return fileObject(state, this.baseUrl(), file);
    });
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
    return structuredClone(views.update(current, checkedView(this.state(), view), undefined));
  }

  /** Pushes a view onto the user's stack (`response_action: "push"`); throws when invalid. */
  push(userId: string, view: unknown): FakeView {
    return structuredClone(this.state().views.push(userId, checkedView(this.state(), view)));
  }
}

/** Validates a view returned in an acknowledgement; Slack would show the user an error. */
function checkedView(state: FakeState, view: unknown): ModalView {
  try {
    const checked = readView(view);
    checkFileInputScope(state, checked);
    return checked;
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
