import type { FakeChannel, FakeUser, FakeUserGroup, SlackFakeOptions } from './types.js';

/** The bot scopes a chat-ops bot of this kind is installed with. */
export const defaultScopes: readonly string[] = [
  'commands',
  'chat:write',
  'chat:write.public',
  'channels:read',
  'groups:read',
  'channels:history',
  'groups:history',
  'channels:join',
  'im:write',
  'users:read',
  'usergroups:read',
  'reactions:write',
  'files:write',
  'files:read',
];

export const defaultUsers: readonly FakeUser[] = [
  { id: 'U0ALICE', name: 'alice', realName: 'Alice Kim', tz: 'Asia/Seoul', isAdmin: true },
  { id: 'U0BOB', name: 'bob', realName: 'Bob Lee', tz: 'Asia/Seoul' },
  { id: 'U0CAROL', name: 'carol', realName: 'Carol Park', tz: 'Asia/Seoul' },
];

export const defaultChannels: readonly FakeChannel[] = [
  {
    id: 'C0GENERAL',
    name: 'general',
    botIsMember: true,
    members: ['U0ALICE', 'U0BOB', 'U0CAROL'],
  },
  { id: 'C0ALERTS', name: 'alerts', botIsMember: true, members: ['U0ALICE', 'U0BOB'] },
  { id: 'C0RANDOM', name: 'random', botIsMember: false, members: ['U0ALICE', 'U0BOB'] },
  {
    id: 'C0PRIVATE',
    name: 'secret-project',
    isPrivate: true,
    botIsMember: false,
    members: ['U0CAROL'],
  },
];

export const defaultUserGroups: readonly FakeUserGroup[] = [
  { id: 'S0APPROVERS', handle: 'approvers', users: ['U0ALICE', 'U0BOB'] },
];

/** Options with every default filled in. */
export interface ResolvedFakeOptions {
  botToken: string;
  teamId: string;
  teamDomain: string;
  botUserId: string;
  botId: string;
  appId: string;
  channels: FakeChannel[];
  users: FakeUser[];
  userGroups: FakeUserGroup[];
  scopes: string[];
  enforceRateLimits: boolean;
  postMessageBurst: number;
  now: () => number;
}

export function resolveOptions(options: SlackFakeOptions = {}): ResolvedFakeOptions {
  return {
    botToken: options.botToken ?? 'xoxb-test-token',
    teamId: options.teamId ?? 'T0TEST',
    teamDomain: options.teamDomain ?? 'easymaker-test',
    botUserId: options.botUserId ?? 'U0BOT',
    botId: options.botId ?? 'B0BOT',
    appId: options.appId ?? 'A0APP',
    channels: structuredClone([...(options.channels ?? defaultChannels)]),
    users: structuredClone([...(options.users ?? defaultUsers)]),
    userGroups: structuredClone([...(options.userGroups ?? defaultUserGroups)]),
    scopes: [...(options.scopes ?? defaultScopes)],
    enforceRateLimits: options.enforceRateLimits ?? false,
    // NOTE: Slack documents "short bursts tolerated" for chat.postMessage without a number;
    // 3 messages is an assumption.
    postMessageBurst: options.postMessageBurst ?? 3,
    now: options.now ?? Date.now,
  };
}
