import type { ResolvedFakeOptions } from '../defaults.js';
import type { FakeCall, FakeEphemeral, FakeFile, FakeMessage } from '../types.js';
import { IdGenerator } from './ids.js';
import { MessageStore } from './message-store.js';
import { RateLimiter } from './rate-limits.js';
import { ResponseUrlStore } from './response-url-store.js';
import { TriggerStore } from './trigger-store.js';
import { ViewStore } from './view-store.js';
import { Workspace } from './workspace.js';

/** Everything the fake remembers between calls; `reset()` replaces it with a fresh one. */
export class FakeState {
  readonly ids: IdGenerator;
  readonly workspace: Workspace;
  readonly messages = new MessageStore();
  readonly views: ViewStore;
  readonly triggers: TriggerStore;
  readonly responseUrls: ResponseUrlStore;
  readonly limiter: RateLimiter;
  readonly ephemerals: FakeEphemeral[] = [];
  readonly files = new Map<string, FakeFile>();
  readonly calls: FakeCall[] = [];

  constructor(readonly options: ResolvedFakeOptions) {
    this.ids = new IdGenerator(options.now);
    this.workspace = new Workspace(options);
    this.triggers = new TriggerStore(this.ids, options.now);
    this.views = new ViewStore(this.ids, {
      teamId: options.teamId,
      appId: options.appId,
      botId: options.botId,
    });
    this.responseUrls = new ResponseUrlStore(this.ids, options.now);
    this.limiter = new RateLimiter(
      options.now,
      options.enforceRateLimits,
      options.postMessageBurst,
    );
  }

  now(): number {
    return this.options.now();
  }

  /** Builds a message authored by the bot, with the fields Slack adds to bot messages. */
  botMessage(
    fields: Omit<FakeMessage, 'type' | 'user' | 'team' | 'bot_id' | 'app_id'>,
  ): FakeMessage {
    return {
      type: 'message',
      user: this.options.botUserId,
      bot_id: this.options.botId,
      app_id: this.options.appId,
      team: this.options.teamId,
      ...fields,
    };
  }

  isBotMessage(message: FakeMessage): boolean {
    return message.bot_id === this.options.botId;
  }
}
