import type { ModalView } from '../block-kit/view-schema.js';
import { initialState, normalizeBlocks } from '../block-kit/view-state.js';
import type { FakeView, ViewStateValues } from '../types.js';
import { SlackApiError } from '../wire/api-error.js';
import type { IdGenerator } from './ids.js';

/** A modal stack contains the root view plus at most two pushed views. */
export const maxStackDepth = 3;

export interface ViewIdentity {
  teamId: string;
  appId: string;
  botId: string;
}

/** Keeps the values of inputs whose block_id, action_id and type did not change. */
function carryOverState(previous: ViewStateValues, next: ViewStateValues): ViewStateValues {
  const merged: ViewStateValues = structuredClone(next);
  for (const [blockId, actions] of Object.entries(merged)) {
    for (const [actionId, value] of Object.entries(actions)) {
      const old = previous[blockId]?.[actionId];
      if (old !== undefined && old.type === value.type) {
        actions[actionId] = old;
      }
    }
  }
  return merged;
}

/** Modal views and each user's view stack (root view plus pushed views). */
export class ViewStore {
  private readonly views = new Map<string, FakeView>();
  private readonly stacks = new Map<string, string[]>();

  constructor(
    private readonly ids: IdGenerator,
    private readonly identity: ViewIdentity,
  ) {}

  /**
   * Throws `duplicate_external_id` when another view already uses the id.
   * NOTE: closed views are assumed to release their external_id.
   */
  checkExternalId(externalId: string | undefined, exceptViewId?: string): void {
    if (externalId === undefined) {
      return;
    }
    for (const view of this.views.values()) {
      if (view.isOpen && view.external_id === externalId && view.id !== exceptViewId) {
        throw new SlackApiError('duplicate_external_id');
      }
    }
  }

  private build(userId: string, input: ModalView, rootId?: string, previousId?: string): FakeView {
    const id = this.ids.nextId('V');
    const blocks = normalizeBlocks(input.blocks, () => this.ids.nextBlockId());
    return {
      id,
      team_id: this.identity.teamId,
      type: 'modal',
      title: input.title,
      blocks,
      close: input.close ?? null,
      submit: input.submit ?? null,
      private_metadata: input.private_metadata ?? '',
      callback_id: input.callback_id ?? '',
      external_id: input.external_id ?? '',
      state: { values: initialState(blocks) },
      hash: this.ids.nextHash(),
      clear_on_close: input.clear_on_close ?? false,
      notify_on_close: input.notify_on_close ?? false,
      submit_disabled: input.submit_disabled ?? false,
      root_view_id: rootId ?? id,
      previous_view_id: previousId ?? null,
      app_id: this.identity.appId,
      app_installed_team_id: this.identity.teamId,
      bot_id: this.identity.botId,
      userId,
      isOpen: true,
    };
  }

  /**
   * Opens a new root view for the user.
   * NOTE: an open stack is assumed to be replaced; Slack's docs do not say what `views.open`
   * does while the user still has a modal open.
   */
  open(userId: string, input: ModalView): FakeView {
    this.clear(userId);
    const view = this.build(userId, input);
    this.views.set(view.id, view);
    this.stacks.set(userId, [view.id]);
    return view;
  }

  push(userId: string, input: ModalView): FakeView {
    const stack = this.stacks.get(userId);
    const top = stack?.at(-1);
    if (stack === undefined || top === undefined) {
      throw new SlackApiError('not_found');
    }
    if (stack.length >= maxStackDepth) {
      throw new SlackApiError('push_limit_reached');
    }
    const view = this.build(userId, input, stack[0], top);
    this.views.set(view.id, view);
    stack.push(view.id);
    return view;
  }

  /** Replaces an open view's content and gives it a new hash; `hash_conflict` on a stale hash. */
  update(view: FakeView, input: ModalView, hash: string | undefined): FakeView {
    if (hash !== undefined && hash !== view.hash) {
      throw new SlackApiError('hash_conflict');
    }
    const rebuilt = this.build(
      view.userId,
      input,
      view.root_view_id,
      view.previous_view_id ?? undefined,
    );
    const updated: FakeView = {
      ...rebuilt,
      id: view.id,
      root_view_id: view.root_view_id,
      previous_view_id: view.previous_view_id,
      state: { values: carryOverState(view.state.values, rebuilt.state.values) },
    };
    this.views.set(view.id, updated);
    return updated;
  }

  /** Returns an open view by `view_id` or `external_id`. */
  findOpen(viewId: string | undefined, externalId: string | undefined): FakeView | undefined {
    if (viewId !== undefined) {
      const view = this.views.get(viewId);
      return view?.isOpen ? view : undefined;
    }
    return [...this.views.values()].find((view) => view.isOpen && view.external_id === externalId);
  }

  get(viewId: string): FakeView | undefined {
    return this.views.get(viewId);
  }

  all(): FakeView[] {
    return [...this.views.values()];
  }

  topOf(userId: string): FakeView | undefined {
    const top = this.stacks.get(userId)?.at(-1);
    return top === undefined ? undefined : this.views.get(top);
  }

  setState(viewId: string, values: ViewStateValues): void {
    const view = this.views.get(viewId);
    if (view !== undefined) {
      view.state = { values: structuredClone(values) };
    }
  }

  /** Closes a view and every view pushed above it; closing the root closes the stack. */
  close(viewId: string): void {
    const view = this.views.get(viewId);
    const stack = view === undefined ? undefined : this.stacks.get(view.userId);
    const index = stack?.indexOf(viewId) ?? -1;
    if (view === undefined || stack === undefined || index < 0) {
      return;
    }
    for (const id of stack.splice(index)) {
      this.markClosed(id);
    }
    if (stack.length === 0) {
      this.stacks.delete(view.userId);
    }
  }

  clear(userId: string): void {
    for (const id of this.stacks.get(userId) ?? []) {
      this.markClosed(id);
    }
    this.stacks.delete(userId);
  }

  private markClosed(viewId: string): void {
    const view = this.views.get(viewId);
    if (view !== undefined) {
      view.isOpen = false;
    }
  }
}
