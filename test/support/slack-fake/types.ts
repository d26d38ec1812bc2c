/** Public data types of the Slack Web API fake. Field names follow Slack's wire format. */

export interface FakeChannel {
  id: string;
  name: string;
  isPrivate?: boolean;
  /** Direct message with one user (`D…` ids). */
  isIm?: boolean;
  isArchived?: boolean;
  /** Whether the bot user is a member. */
  botIsMember?: boolean;
  /** User ids of the human members. */
  members?: string[];
}

export interface FakeUser {
  id: string;
  name: string;
  realName?: string;
  email?: string;
  tz?: string;
  isBot?: boolean;
  isAdmin?: boolean;
  deleted?: boolean;
}

export interface FakeUserGroup {
  id: string;
  handle: string;
  users: string[];
}

export interface MessageMetadata {
  event_type: string;
  event_payload: Record<string, unknown>;
}

export interface FakeReaction {
  name: string;
  users: string[];
  count: number;
}

/** A message as Slack returns it from `conversations.history` and in interaction payloads. */
export interface FakeMessage {
  type: 'message';
  ts: string;
  user: string;
  text: string;
  team: string;
  subtype?: string;
  bot_id?: string;
  app_id?: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: MessageMetadata;
  thread_ts?: string;
  parent_user_id?: string;
  reply_count?: number;
  reply_users?: string[];
  reply_users_count?: number;
  latest_reply?: string;
  edited?: { user: string; ts: string };
  reactions?: FakeReaction[];
  files?: { id: string; name: string; title: string }[];
}

export interface FakeEphemeral {
  channel: string;
  user: string;
  messageTs: string;
  text?: string;
  blocks?: unknown[];
  threadTs?: string;
  source: 'chat.postEphemeral' | 'response_url';
}

export interface ResponseUrlPost {
  url: string;
  channel: string;
  user: string;
  /** The JSON body the app posted, or the raw text when it was not JSON. */
  body: unknown;
  responseType: 'ephemeral' | 'in_channel';
  replaceOriginal: boolean;
  deleteOriginal: boolean;
  threadTs?: string;
  /** HTTP status the fake returned for this post. */
  status: number;
  error?: string;
  time: number;
}

export interface ViewStateValue {
  type: string;
  [field: string]: unknown;
}

export type ViewStateValues = Record<string, Record<string, ViewStateValue>>;

/** A modal view as `views.open` returns it, plus the fake's bookkeeping. */
export interface FakeView {
  id: string;
  team_id: string;
  type: 'modal';
  title: unknown;
  blocks: unknown[];
  close: unknown | null;
  submit: unknown | null;
  private_metadata: string;
  callback_id: string;
  external_id: string;
  state: { values: ViewStateValues };
  hash: string;
  clear_on_close: boolean;
  notify_on_close: boolean;
  submit_disabled: boolean;
  root_view_id: string;
  previous_view_id: string | null;
  app_id: string;
  app_installed_team_id: string;
  bot_id: string;
  /** User whose modal stack contains the view. */
  userId: string;
  /** False once the view was closed, submitted away or cleared. */
  isOpen: boolean;
}

export interface FakeCall {
  method: string;
  /** Decoded arguments without `token`; JSON-valued fields are parsed when they were valid. */
  args: Record<string, unknown>;
  ok: boolean;
  error?: string;
  /** HTTP status of the answer: 200, or 429 when rate limited. */
  status: number;
  time: number;
}

export interface FakeFile {
  id: string;
  filename: string;
  title: string;
  length: number;
  content?: Buffer;
  channels: string[];
  completed: boolean;
  /** Uploader; absent for files the bot uploaded. */
  user?: string;
  /** Slack's file type code, such as `yaml` or `text`. */
  filetype?: string;
  mimetype?: string;
  /** Upload time in Unix seconds. */
  created?: number;
  /** Submitted in a `file_input` of one of the app's modals, which lets the app read it. */
  submittedToApp?: boolean;
}

/** A file a human user uploads, for `SlackFake.addUserFile`. */
export interface UserFileInput {
  userId: string;
  /** File name with extension, such as `pipeline.yaml`. */
  name: string;
  content: Buffer | string;
  /** Channels the user shares it in; none keeps it private until attached in a form. */
  channels?: string[];
  title?: string;
  /** Default from the extension: `yaml` for `.yaml` and `.yml`, else `text`. */
  filetype?: string;
  /** Default from the extension. */
  mimetype?: string;
}

export interface SlackFakeOptions {
  /** The only accepted token. Default `xoxb-test-token`. */
  botToken?: string;
  teamId?: string;
  teamDomain?: string;
  botUserId?: string;
  botId?: string;
  appId?: string;
  channels?: FakeChannel[];
  users?: FakeUser[];
  userGroups?: FakeUserGroup[];
  /** Scopes granted to the token. */
  scopes?: string[];
  /** Applies the per-method rate limits of Slack's tiers. Off by default. */
  enforceRateLimits?: boolean;
  /** Messages `chat.postMessage` accepts at once per channel before the 1/s rate applies. */
  postMessageBurst?: number;
  /** Clock in milliseconds; tests pass a controllable one to expire trigger ids. */
  now?: () => number;
}
