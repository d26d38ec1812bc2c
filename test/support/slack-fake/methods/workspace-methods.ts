import { z } from 'zod';
import { tsPattern } from '../state/ids.js';
import type { FakeUser } from '../types.js';
import { formString, parseArgs, SlackApiError } from '../wire/api-error.js';
import type { MethodContext, MethodResult } from './method-context.js';

/** `auth.test`, `users.info`, `usergroups.users.list` and `reactions.add`. */

export function authTest({ state }: MethodContext): MethodResult {
  const { options } = state;
  return {
    url: `https://${options.teamDomain}.slack.com/`,
    team: options.teamDomain,
    user: state.workspace.users.get(options.botUserId)?.name,
    team_id: options.teamId,
    user_id: options.botUserId,
    bot_id: options.botId,
    is_enterprise_install: false,
  };
}

function userObject(user: FakeUser, teamId: string, withEmail: boolean): Record<string, unknown> {
  const realName = user.realName ?? user.name;
  return {
    id: user.id,
    team_id: teamId,
    name: user.name,
    deleted: user.deleted ?? false,
    real_name: realName,
    tz: user.tz ?? 'UTC',
    is_admin: user.isAdmin ?? false,
    is_bot: user.isBot ?? false,
    is_app_user: false,
    profile: {
      display_name: user.name,
      real_name: realName,
      ...(withEmail && user.email !== undefined ? { email: user.email } : {}),
    },
  };
}

export function userInfo({ state, args }: MethodContext): MethodResult {
  state.workspace.requireScope('users:read');
  const { user: id } = parseArgs(z.object({ user: formString.optional() }), args);
  const user = id === undefined ? undefined : state.workspace.users.get(id);
  if (user === undefined) {
    throw new SlackApiError('user_not_found');
  }
  const withEmail = state.workspace.hasScope('users:read.email');
  return { user: userObject(user, state.options.teamId, withEmail) };
}

export function userGroupMembers({ state, args }: MethodContext): MethodResult {
  state.workspace.requireScope('usergroups:read');
  const { usergroup } = parseArgs(z.object({ usergroup: formString.optional() }), args);
  const group = usergroup === undefined ? undefined : state.workspace.userGroups.get(usergroup);
  if (group === undefined) {
    throw new SlackApiError('no_such_subteam');
  }
  return { users: [...group.users] };
}

const reactionArgs = z.object({
  channel: formString.optional(),
  name: formString.optional(),
  timestamp: formString.optional(),
});

/** Emoji names as Slack spells them: lowercase, digits, `_`, `-`, `+`, `'`, no colons. */
const emojiNamePattern = /^[a-z0-9_+'-]+$/;

export function addReaction({ state, args }: MethodContext): MethodResult {
  state.workspace.requireScope('reactions:write');
  const scalars = parseArgs(reactionArgs, args);
  if (scalars.timestamp === undefined) {
    throw new SlackApiError('no_item_specified');
  }
  if (scalars.name === undefined || !emojiNamePattern.test(scalars.name)) {
    throw new SlackApiError('invalid_name');
  }
  const channel = state.workspace.memberChannel(scalars.channel);
  if (!tsPattern.test(scalars.timestamp)) {
    throw new SlackApiError('bad_timestamp');
  }
  const message = state.messages.get(channel.id, scalars.timestamp);
  if (message === undefined) {
    throw new SlackApiError('message_not_found');
  }
  const reactions = message.reactions ?? [];
  const botUserId = state.options.botUserId;
  const existing = reactions.find((reaction) => reaction.name === scalars.name);
  if (existing?.users.includes(botUserId)) {
    throw new SlackApiError('already_reacted');
  }
  if (existing === undefined) {
    reactions.push({ name: scalars.name, users: [botUserId], count: 1 });
  } else {
    existing.users.push(botUserId);
    existing.count += 1;
  }
  message.reactions = reactions;
  return {};
}
