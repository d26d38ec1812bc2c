import type { FakeState } from '../state/fake-state.js';

/** What a Web API method handler receives: the fake's state and the decoded arguments. */
export interface MethodContext {
  state: FakeState;
  args: Record<string, unknown>;
  /** Base URL of the fake, ending with `/`, for the absolute URLs it hands out. */
  baseUrl: string;
}

/** Fields of a successful answer; the dispatcher adds `ok: true`. */
export type MethodResult = Record<string, unknown>;

export type MethodHandler = (context: MethodContext) => MethodResult;
