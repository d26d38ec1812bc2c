import { initialState } from '../slack-fake/block-kit/view-state.js';
import type { SlackFake } from '../slack-fake/slack-fake.js';
import type { FakeView } from '../slack-fake/types.js';
import { applyViewSubmissionAck, type OptionsAck, parseOptionsAck } from './ack-checks.js';
import { findElement, type JsonObject } from './element-lookup.js';
import {
  buttonAction,
  commandForm,
  interactionBase,
  type PayloadContext,
  payloadMessage,
  payloadView,
  responseUrlsFor,
} from './payloads.js';
import { type AckResult, ackDeadlineMs, payloadForm, postSigned } from './signed-post.js';
import { type SubmittedValues, submittedState } from './view-submission.js';

export interface SlackDriverOptions {
  /** The bot's events endpoint, e.g. `http://127.0.0.1:PORT/slack/events`. */
  botUrl: string;
  signingSecret: string;
  fake: SlackFake;
  teamId?: string;
  apiAppId?: string;
  /** Time the bot has to acknowledge a request; default 3000 ms, as on Slack. */
  ackDeadlineMs?: number;
}

/** Acknowledgement of an interaction that handed the bot a trigger id (and response URL). */
export interface InteractionAck extends AckResult {
  triggerId: string;
  responseUrl?: string;
}

export type MessageButtonClick = {
  channelId: string;
  messageTs: string;
  actionId: string;
  userId: string;
  value?: string;
  blockId?: string;
};

export type ViewButtonClick = {
  viewId: string;
  actionId: string;
  userId: string;
  value?: string;
  blockId?: string;
};

/**
 * Plays Slack toward the bot's HTTP endpoint: signed slash commands and interactivity
 * payloads built from what the fake stores, each timed against the 3-second deadline.
 */
export class SlackDriver {
  private readonly context: PayloadContext;
  private readonly deadlineMs: number;

  constructor(private readonly options: SlackDriverOptions) {
    this.context = {
      fake: options.fake,
      teamId: options.teamId ?? options.fake.teamId,
      apiAppId: options.apiAppId ?? options.fake.appId,
    };
    this.deadlineMs = options.ackDeadlineMs ?? ackDeadlineMs;
  }

  /** Sends any body, signed unless `signature` is given; for signature and parser tests. */
  sendRaw(args: {
    body: string;
    contentType: string;
    timestamp?: number;
    signature?: string;
  }): Promise<AckResult> {
    return postSigned({
      url: this.options.botUrl,
      signingSecret: this.options.signingSecret,
      deadlineMs: this.deadlineMs,
      ...args,
    });
  }

  private sendPayload(payload: JsonObject): Promise<AckResult> {
    return this.sendRaw({
      body: payloadForm(payload),
      contentType: 'application/x-www-form-urlencoded',
    });
  }

  async sendCommand(args: {
    command: string;
    text: string;
    userId: string;
    channelId: string;
  }): Promise<InteractionAck> {
    const { fake } = this.options;
    const responseUrl = fake.newResponseUrl(args.channelId, args.userId);
    const triggerId = fake.issueTriggerId(args.userId);
    const body = commandForm(this.context, { ...args, responseUrl, triggerId });
    const ack = await this.sendRaw({ body, contentType: 'application/x-www-form-urlencoded' });
    return { ...ack, responseUrl, triggerId };
  }

  private openView(viewId: string, userId: string): FakeView {
    const view = this.options.fake.view(viewId);
    if (view === undefined || !view.isOpen) {
      throw new Error(`view ${viewId} is not open, so the user cannot interact with it`);
    }
    if (view.userId !== userId) {
      throw new Error(`view ${viewId} belongs to ${view.userId}, not ${userId}`);
    }
    return view;
  }

  /**
   * Submits an open view with the given input values (block_id -> action_id -> value) on top
   * of its current state, then applies the bot's `response_action` to the fake. A `file_input`
   * takes a list of ids of files the user added with `fake.addUserFile`; the submission makes
   * them readable by the app.
   */
  async submitView(args: {
    viewId: string;
    userId: string;
    values: SubmittedValues;
  }): Promise<InteractionAck> {
    const view = this.openView(args.viewId, args.userId);
    const values = submittedState(view, args.values, (fileIds) =>
      this.options.fake.modals.filesForInput(args.userId, fileIds),
    );
    this.options.fake.modals.setState(view.id, values);
    const triggerId = this.options.fake.issueTriggerId(args.userId);
    const payload = {
      ...interactionBase(this.context, 'view_submission', args.userId),
      trigger_id: triggerId,
      view: payloadView(view, values),
      response_urls: responseUrlsFor(this.options.fake, view, values, args.userId),
    };
    const ack = await this.sendPayload(payload);
    applyViewSubmissionAck(this.options.fake, { ...view, state: { values } }, ack);
    return { ...ack, triggerId };
  }

  /** Clicks a button on a stored message (`channelId` + `messageTs`) or in an open view. */
  async clickButton(args: MessageButtonClick | ViewButtonClick): Promise<InteractionAck> {
    const { fake } = this.options;
    const triggerId = fake.issueTriggerId(args.userId);
    const base = {
      ...interactionBase(this.context, 'block_actions', args.userId),
      trigger_id: triggerId,
    };
    if ('viewId' in args) {
      const view = this.openView(args.viewId, args.userId);
      const found = findElement(view.blocks, args.actionId, args.blockId, `view ${view.id}`);
      const payload = {
        ...base,
        container: { type: 'view', view_id: view.id },
        view: payloadView(view),
        actions: [buttonAction(found.element, found.blockId, args.value)],
      };
      return { ...(await this.sendPayload(payload)), triggerId };
    }
    const message = fake.message(args.channelId, args.messageTs);
    if (message === undefined) {
      throw new Error(`no message ${args.messageTs} in ${args.channelId}`);
    }
    const where = `message ${message.ts} in ${args.channelId}`;
    const found = findElement(message.blocks ?? [], args.actionId, args.blockId, where);
    const responseUrl = fake.newResponseUrl(args.channelId, args.userId, { messageTs: message.ts });
    const payload = {
      ...base,
      container: {
        type: 'message',
        message_ts: message.ts,
        channel_id: args.channelId,
        is_ephemeral: false,
      },
      channel: { id: args.channelId, name: fake.channel(args.channelId)?.name ?? args.channelId },
      message: payloadMessage(message),
      state: { values: initialState(message.blocks ?? []) },
      response_url: responseUrl,
      actions: [buttonAction(found.element, found.blockId, args.value)],
    };
    return { ...(await this.sendPayload(payload)), triggerId, responseUrl };
  }

  /** Sends a `block_suggestion` for an external select in an open view and checks the returned options. */
  async suggestOptions(args: {
    viewId: string;
    actionId: string;
    blockId: string;
    value: string;
    userId: string;
  }): Promise<AckResult & { options: OptionsAck }> {
    const view = this.openView(args.viewId, args.userId);
    const { element } = findElement(view.blocks, args.actionId, args.blockId, `view ${view.id}`);
    if (element.type !== 'external_select' && element.type !== 'multi_external_select') {
      throw new Error(
        `action_id ${args.actionId} is a ${String(element.type)}, not an external select`,
      );
    }
    const minQueryLength =
      typeof element.min_query_length === 'number' ? element.min_query_length : 3;
    if (args.value.length < minQueryLength) {
      throw new Error(`Slack sends no block_suggestion below ${minQueryLength} typed characters`);
    }
    const payload = {
      ...interactionBase(this.context, 'block_suggestion', args.userId),
      container: { type: 'view', view_id: view.id },
      action_id: args.actionId,
      block_id: args.blockId,
      value: args.value,
      view: payloadView(view),
    };
    const ack = await this.sendPayload(payload);
    return { ...ack, options: parseOptionsAck(ack) };
  }

  /**
   * Closes an open view as the user's Close button does. Slack sends `view_closed` only when the
   * view has `notify_on_close`; otherwise nothing is sent and the result is undefined.
   */
  async closeView(args: { viewId: string; userId: string }): Promise<AckResult | undefined> {
    const view = this.openView(args.viewId, args.userId);
    const isCleared = view.clear_on_close;
    if (isCleared) {
      this.options.fake.modals.clear(args.userId);
    } else {
      this.options.fake.modals.close(view.id);
    }
    if (!view.notify_on_close) {
      return undefined;
    }
    const payload = {
      ...interactionBase(this.context, 'view_closed', args.userId),
      view: payloadView(view),
      is_cleared: isCleared,
    };
    return this.sendPayload(payload);
  }
}
