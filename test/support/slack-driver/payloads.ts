import type { SlackFake } from '../slack-fake/slack-fake.js';
import type { FakeMessage, FakeView, ViewStateValues } from '../slack-fake/types.js';
import type { JsonObject } from './element-lookup.js';

/** Builders for the bodies Slack sends to the bot (section 2 and 3 shapes of Slack's docs). */

/** Legacy verification token: deprecated and ignored by Bolt, but still sent by Slack. */
export const verificationToken = 'legacy-verification-token';

export interface PayloadContext {
  fake: SlackFake;
  teamId: string;
  apiAppId: string;
}

export function userObject(context: PayloadContext, userId: string): JsonObject {
  const name = context.fake.user(userId)?.name ?? userId.toLowerCase();
  return { id: userId, username: name, name, team_id: context.teamId };
}

export function teamObject(context: PayloadContext): JsonObject {
  return { id: context.teamId, domain: context.fake.teamDomain };
}

/** Channel name as commands report it: `directmessage` in DMs. */
export function channelName(context: PayloadContext, channelId: string): string {
  const channel = context.fake.channel(channelId);
  if (channel === undefined) {
    return channelId.startsWith('D') ? 'directmessage' : channelId.toLowerCase();
  }
  return channel.isIm ? 'directmessage' : channel.name;
}

export interface CommandFields {
  command: string;
  text: string;
  userId: string;
  channelId: string;
  responseUrl: string;
  triggerId: string;
}

/** Builds the form body of a slash command, with the fields in the order Slack sends them. */
export function commandForm(context: PayloadContext, fields: CommandFields): string {
  const user = context.fake.user(fields.userId);
  return new URLSearchParams({
    token: verificationToken,
    team_id: context.teamId,
    team_domain: context.fake.teamDomain,
    channel_id: fields.channelId,
    channel_name: channelName(context, fields.channelId),
    user_id: fields.userId,
    user_name: user?.name ?? fields.userId.toLowerCase(),
    command: fields.command,
    text: fields.text,
    api_app_id: context.apiAppId,
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId,
  }).toString();
}

/** Fields every interactivity payload carries. */
export function interactionBase(context: PayloadContext, type: string, userId: string): JsonObject {
  return {
    type,
    user: userObject(context, userId),
    api_app_id: context.apiAppId,
    token: verificationToken,
    team: teamObject(context),
    enterprise: null,
    is_enterprise_install: false,
  };
}

/** Returns the view as interaction payloads carry it: Slack's fields with the current state. */
export function payloadView(
  view: FakeView,
  values: ViewStateValues = view.state.values,
): JsonObject {
  const { userId: _userId, isOpen: _isOpen, ...rest } = structuredClone(view);
  return { ...rest, state: { values: structuredClone(values) } };
}

/**
 * Returns the message as `block_actions` carries it, without `metadata`.
 * NOTE: Slack's docs do not list `metadata` among the message fields of interaction payloads.
 * The driver leaves it out so that a bot that depends on it fails here rather than on Slack.
 */
export function payloadMessage(message: FakeMessage): JsonObject {
  const { metadata: _metadata, ...rest } = structuredClone(message);
  return rest;
}

export function actionTs(): string {
  const micros = Math.floor(Date.now() * 1000);
  return `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
}

/** Builds the `response_urls` of a submission: one per input with `response_url_enabled` and a choice. */
export function responseUrlsFor(
  fake: SlackFake,
  view: FakeView,
  values: ViewStateValues,
  userId: string,
): JsonObject[] {
  const urls: JsonObject[] = [];
  for (const block of view.blocks as JsonObject[]) {
    const element = block.element as JsonObject | undefined;
    if (block.type !== 'input' || element?.response_url_enabled !== true) {
      continue;
    }
    const state = values[String(block.block_id)]?.[String(element.action_id)];
    const channelId = state?.selected_conversation ?? state?.selected_channel;
    if (typeof channelId === 'string') {
      urls.push({
        block_id: block.block_id,
        action_id: element.action_id,
        channel_id: channelId,
        response_url: fake.newResponseUrl(channelId, userId),
      });
    }
  }
  return urls;
}

/** Builds the `actions[0]` entry of a button click. The value defaults to the stored button's. */
export function buttonAction(
  element: JsonObject,
  blockId: string,
  value: string | undefined,
): JsonObject {
  if (element.type !== 'button') {
    throw new Error(
      `action_id ${String(element.action_id)} is a ${String(element.type)}, not a button`,
    );
  }
  const buttonValue = value ?? element.value;
  return {
    type: 'button',
    action_id: element.action_id,
    block_id: blockId,
    text: element.text,
    action_ts: actionTs(),
    ...(buttonValue === undefined ? {} : { value: buttonValue }),
    ...(element.style === undefined ? {} : { style: element.style }),
  };
}
