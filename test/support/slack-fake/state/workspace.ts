import type { ResolvedFakeOptions } from '../defaults.js';
import type { FakeChannel, FakeUser, FakeUserGroup } from '../types.js';
import { SlackApiError } from '../wire/api-error.js';

export interface StoredChannel {
  id: string;
  name: string;
  isPrivate: boolean;
  isIm: boolean;
  isArchived: boolean;
  botIsMember: boolean;
  members: string[];
}

function toStoredChannel(channel: FakeChannel): StoredChannel {
  return {
    id: channel.id,
    name: channel.name,
    isPrivate: channel.isPrivate ?? false,
    isIm: channel.isIm ?? false,
    isArchived: channel.isArchived ?? false,
    botIsMember: channel.botIsMember ?? false,
    members: [...(channel.members ?? [])],
  };
}

/** Channels, users, user groups and token scopes, with Slack's visibility rules. */
export class Workspace {
  readonly channels = new Map<string, StoredChannel>();
  readonly users = new Map<string, FakeUser>();
  readonly userGroups = new Map<string, FakeUserGroup>();

  constructor(private readonly options: ResolvedFakeOptions) {
    for (const channel of options.channels) {
      this.channels.set(channel.id, toStoredChannel(channel));
    }
    for (const user of options.users) {
      this.users.set(user.id, user);
    }
    this.users.set(options.botUserId, {
      id: options.botUserId,
      name: 'easymaker-bot',
      realName: 'EasyMaker Bot',
      isBot: true,
    });
    for (const group of options.userGroups) {
      this.userGroups.set(group.id, group);
    }
  }

  hasScope(scope: string): boolean {
    return this.options.scopes.includes(scope);
  }

  /** Throws `missing_scope` with `needed` and `provided`, as Slack does. */
  requireScope(scope: string): void {
    if (!this.hasScope(scope)) {
      throw new SlackApiError('missing_scope', {
        needed: scope,
        provided: this.options.scopes.join(','),
      });
    }
  }

  /**
   * Returns a channel the bot can see. Private channels and DMs the bot is not in are
   * invisible, so Slack returns `channel_not_found` for them.
   */
  visibleChannel(id: string | undefined): StoredChannel {
    const channel = id === undefined ? undefined : this.channels.get(id);
    if (channel === undefined || ((channel.isPrivate || channel.isIm) && !channel.botIsMember)) {
      throw new SlackApiError('channel_not_found');
    }
    return channel;
  }

  /**
   * Returns the channel a message may be posted to. A user id means the bot's DM with that
   * user. Public channels without the bot need `chat:write.public`.
   */
  postableChannel(id: string | undefined): StoredChannel {
    const channel = this.isUserId(id) ? this.dmChannelFor(id) : this.visibleChannel(id);
    if (channel.isArchived) {
      throw new SlackApiError('is_archived');
    }
    if (!channel.botIsMember && !this.hasScope('chat:write.public')) {
      throw new SlackApiError('not_in_channel');
    }
    return channel;
  }

  /** Returns a channel the bot is a member of, as reading history needs. */
  memberChannel(id: string | undefined): StoredChannel {
    const channel = this.visibleChannel(id);
    if (!channel.botIsMember) {
      throw new SlackApiError('not_in_channel');
    }
    return channel;
  }

  isUserId(id: string | undefined): id is string {
    return id !== undefined && /^[UW]/.test(id) && this.users.has(id);
  }

  /** Returns (creating on first use) the bot's direct message conversation with a user. */
  dmChannelFor(userId: string): StoredChannel {
    const id = `D${userId.slice(1)}`;
    const existing = this.channels.get(id);
    if (existing !== undefined) {
      return existing;
    }
    const channel = toStoredChannel({
      id,
      name: userId,
      isIm: true,
      botIsMember: true,
      members: [userId],
    });
    this.channels.set(id, channel);
    return channel;
  }

  isMember(channel: StoredChannel, userId: string): boolean {
    return (
      channel.members.includes(userId) || (channel.botIsMember && userId === this.options.botUserId)
    );
  }
}
