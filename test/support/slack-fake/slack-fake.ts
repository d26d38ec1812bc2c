import type { Server } from 'node:http';
import { type ResolvedFakeOptions, resolveOptions } from './defaults.js';
import { ModalControls } from './modal-controls.js';
import { FakeState } from './state/fake-state.js';
import type { ResponseUrlOrigin } from './state/response-url-store.js';
import { copyFile, storeUserFile } from './state/user-files.js';
import type {
  FakeCall,
  FakeChannel,
  FakeEphemeral,
  FakeFile,
  FakeMessage,
  FakeUser,
  FakeView,
  ResponseUrlPost,
  SlackFakeOptions,
  UserFileInput,
} from './types.js';
import { routeRequest } from './wire/http-routes.js';
import { closeServer, listenOnLoopback } from './wire/loopback-server.js';
import { sendJson } from './wire/request-body.js';

/**
 * A strict local fake of the Slack Web API on `127.0.0.1`. Point a `WebClient` (or Bolt's
 * `clientOptions.slackApiUrl`) at `apiUrl`. It responds as Slack does, rejects what Slack rejects,
 * and records everything for tests to inspect.
 */
export class SlackFake {
  private readonly options: ResolvedFakeOptions;
  private state: FakeState;
  private server: Server | undefined;
  private baseUrl = '';

  /** Moves views through the user's modal stack the way Slack does after an acknowledgement. */
  readonly modals = new ModalControls(
    () => this.state,
    () => this.baseUrl,
  );

  constructor(options: SlackFakeOptions = {}) {
    this.options = resolveOptions(options);
    this.state = new FakeState(this.options);
  }

  async start(): Promise<void> {
    const { server, baseUrl } = await listenOnLoopback((request, response) => {
      routeRequest(this.state, this.baseUrl, request, response).catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        sendJson(response, 200, { ok: false, error: 'internal_error', detail: message });
      });
    });
    this.server = server;
    this.baseUrl = baseUrl;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server !== undefined) {
      await closeServer(server);
    }
  }

  /** Web API base URL, e.g. `http://127.0.0.1:PORT/api/`. */
  get apiUrl(): string {
    if (this.baseUrl === '') {
      throw new Error('SlackFake is not started: call start() before reading apiUrl');
    }
    return `${this.baseUrl}api/`;
  }

  get botToken(): string {
    return this.options.botToken;
  }
  get teamId(): string {
    return this.options.teamId;
  }
  get teamDomain(): string {
    return this.options.teamDomain;
  }
  get botUserId(): string {
    return this.options.botUserId;
  }
  get botId(): string {
    return this.options.botId;
  }
  get appId(): string {
    return this.options.appId;
  }

  // Inspection.

  /** Top-level messages of a channel in posting order, with their current content. */
  messages(channel: string): FakeMessage[] {
    return structuredClone(this.state.messages.channelMessages(channel));
  }

  /** Replies of a thread in posting order, without the parent. */
  replies(channel: string, threadTs: string): FakeMessage[] {
    return structuredClone(this.state.messages.thread(channel, threadTs).slice(1));
  }

  /** Returns one message (top-level or reply) by channel and ts. */
  message(channel: string, ts: string): FakeMessage | undefined {
    const message = this.state.messages.get(channel, ts);
    return message === undefined ? undefined : structuredClone(message);
  }

  /** Ephemeral messages from `chat.postEphemeral` and ephemeral `response_url` posts. */
  ephemerals(channel?: string): FakeEphemeral[] {
    const all = this.state.ephemerals.filter(
      (entry) => channel === undefined || entry.channel === channel,
    );
    return structuredClone(all);
  }

  responseUrlPosts(): ResponseUrlPost[] {
    return structuredClone(this.state.responseUrls.posts);
  }

  views(): FakeView[] {
    return structuredClone(this.state.views.all());
  }

  view(viewId: string): FakeView | undefined {
    const view = this.state.views.get(viewId);
    return view === undefined ? undefined : structuredClone(view);
  }

  /** Returns the top view of the user's open modal stack. */
  openViewFor(userId: string): FakeView | undefined {
    const view = this.state.views.topOf(userId);
    return view === undefined ? undefined : structuredClone(view);
  }

  /** Every Web API call, or those of one method, in order. */
  calls(method?: string): FakeCall[] {
    return structuredClone(
      this.state.calls.filter((call) => method === undefined || call.method === method),
    );
  }

  /** Returns how many `chat.update` calls changed that message. */
  updatesOf(channel: string, ts: string): number {
    return this.state.messages.updatesOf(channel, ts);
  }

  /** Returns every stored file: the bot's uploads and the files added with `addUserFile`. */
  uploadedFiles(): FakeFile[] {
    return [...this.state.files.values()].map(copyFile);
  }

  channel(id: string): FakeChannel | undefined {
    const channel = this.state.workspace.channels.get(id);
    return channel === undefined ? undefined : structuredClone(channel);
  }

  user(id: string): FakeUser | undefined {
    const user = this.state.workspace.users.get(id);
    return user === undefined ? undefined : structuredClone(user);
  }

  // Controls.

  /** Issues a trigger id for a user, valid for 3 s and for one `views.open`/`views.push`. */
  issueTriggerId(userId: string): string {
    return this.state.triggers.issue(userId);
  }

  /** Issues an absolute `response_url` on the fake: 5 posts within 30 minutes. */
  newResponseUrl(channel: string, user: string, origin: ResponseUrlOrigin = {}): string {
    return this.state.responseUrls.issue(this.baseUrl, channel, user, origin);
  }

  /** Rate-limits the next `count` calls of the method: HTTP 429 with `Retry-After`. */
  rateLimitNext(method: string, count: number, retryAfterSeconds: number): void {
    this.state.limiter.forceRateLimit(method, count, retryAfterSeconds);
  }

  /** Fails the next `count` calls of the method with `{ ok: false, error }`. */
  failNext(method: string, error: string, count = 1): void {
    this.state.limiter.forceError(method, error, count);
  }

  /** Adds a message written by a human user, e.g. to test `cant_update_message`. */
  addUserMessage(channel: string, userId: string, text: string, threadTs?: string): FakeMessage {
    const message: FakeMessage = {
      type: 'message',
      ts: this.state.ids.nextTs(),
      user: userId,
      text,
      team: this.options.teamId,
      ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
    };
    this.state.messages.add(channel, message);
    return structuredClone(message);
  }

  /**
   * Adds a file uploaded by a human user. Shared in `channels`, it appears there in a message of
   * the user; without channels it stays private until the user attaches it in a `file_input`.
   */
  addUserFile(input: UserFileInput): FakeFile {
    return copyFile(storeUserFile(this.state, input));
  }

  /** Closes every open view of the user, e.g. between tests. */
  clearViews(userId: string): void {
    this.modals.clear(userId);
  }

  /** Polls the predicate every 10 ms until it returns a value other than undefined or false. */
  async waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 2000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value !== undefined && value !== false) {
        return value;
      }
      if (Date.now() > deadline) {
        throw new Error(`SlackFake.waitFor timed out after ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Forgets every message, view, call and queued failure, and restores the channels. */
  reset(): void {
    this.state = new FakeState(this.options);
  }
}
