import { z } from 'zod';
import type { FakeState } from '../state/fake-state.js';
import type { FakeFile } from '../types.js';
import { formString, parseArgs, SlackApiError } from '../wire/api-error.js';
import type { MethodContext, MethodResult } from './method-context.js';

/**
 * `files.info` and the downloads behind a file's `url_private` and `url_private_download`
 * (`GET /files-pri/{team}-{file}/[download/]{name}` on the fake), which need the bot token as
 * `Authorization: Bearer` and the `files:read` scope.
 */

const PRETTY_TYPES: Record<string, string> = { yaml: 'YAML', text: 'Plain Text' };

/**
 * Tells whether the bot token may read the file: the bot uploaded it, a user shared it in a channel
 * the bot is a member of, or a user submitted it in a `file_input` of the app's modal.
 * NOTE: Slack documents the channel rule for bot tokens. That a file submitted in the app's
 * `file_input` is readable as well is assumed from the element's documented use with
 * `files:read`.
 */
export function botCanRead(state: FakeState, file: FakeFile): boolean {
  if (!file.completed) {
    return false;
  }
  if (file.user === undefined || file.submittedToApp === true) {
    return true;
  }
  return file.channels.some((id) => state.workspace.channels.get(id)?.botIsMember === true);
}

function privateUrl(state: FakeState, baseUrl: string, file: FakeFile, download: boolean): string {
  const name = encodeURIComponent(file.filename);
  const folder = `${baseUrl}files-pri/${state.options.teamId}-${file.id}/`;
  return download ? `${folder}download/${name}` : `${folder}${name}`;
}

/** Builds the file object of `files.info` and of `file_input` state, with Slack's common fields. */
export function fileObject(state: FakeState, baseUrl: string, file: FakeFile): MethodResult {
  const filetype = file.filetype ?? 'text';
  const user = file.user ?? state.options.botUserId;
  const publicChannels = file.channels.filter((id) => {
    const channel = state.workspace.channels.get(id);
    return channel !== undefined && !channel.isPrivate && !channel.isIm;
  });
  return {
    id: file.id,
    created: file.created ?? 0,
    timestamp: file.created ?? 0,
    name: file.filename,
    title: file.title,
    mimetype: file.mimetype ?? 'text/plain',
    filetype,
    pretty_type: PRETTY_TYPES[filetype] ?? filetype.toUpperCase(),
    user,
    user_team: state.options.teamId,
    editable: false,
    size: file.content?.length ?? file.length,
    mode: 'hosted',
    is_external: false,
    external_type: '',
    is_public: publicChannels.length > 0,
    public_url_shared: false,
    display_as_bot: file.user === undefined,
    username: '',
    url_private: privateUrl(state, baseUrl, file, false),
    url_private_download: privateUrl(state, baseUrl, file, true),
    permalink: `https://${state.options.teamDomain}.slack.com/files/${user}/${file.id}/${encodeURIComponent(file.filename)}`,
    channels: publicChannels,
    groups: file.channels.filter((id) => state.workspace.channels.get(id)?.isPrivate === true),
    ims: [],
    comments_count: 0,
    has_rich_preview: false,
    file_access: 'visible',
  };
}

const fileInfoArgs = z.object({ file: formString });

/**
 * `files.info`: returns the file object of a file the bot can read. A file it cannot read fails
 * with `file_not_found`, as an unknown id does.
 * NOTE: Slack does not document which error a file outside the bot's channels gives;
 * `file_not_found` is assumed. Comments are always empty here.
 */
export function fileInfo({ state, args, baseUrl }: MethodContext): MethodResult {
  state.workspace.requireScope('files:read');
  const { file: fileId } = parseArgs(fileInfoArgs, args);
  const file = state.files.get(fileId);
  if (file === undefined || !botCanRead(state, file)) {
    throw new SlackApiError('file_not_found');
  }
  return {
    file: fileObject(state, baseUrl, file),
    comments: [],
    response_metadata: { next_cursor: '' },
  };
}

export interface DownloadAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

// NOTE: Slack does not document the response to a download without a valid token. Clients report
// an HTML sign-in page with status 200, so the fake sends one; a client must check the type.
const SIGN_IN_PAGE = Buffer.from(
  '<!DOCTYPE html><html><head><title>Slack</title></head><body>Sign in to your workspace</body></html>',
);

/**
 * Serves `GET /files-pri/{team}-{file}/...`: the bytes for the bot token with `files:read`,
 * the sign-in page without them, and 404 for a file the bot cannot read.
 * NOTE: the status of a download of a file the bot cannot see is not documented; 404 is assumed.
 */
export function receiveDownload(
  state: FakeState,
  folder: string,
  authorization: string | undefined,
): DownloadAnswer {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (token !== state.options.botToken || !state.workspace.hasScope('files:read')) {
    return {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: SIGN_IN_PAGE,
    };
  }
  const teamPrefix = `${state.options.teamId}-`;
  const fileId = folder.startsWith(teamPrefix) ? folder.slice(teamPrefix.length) : '';
  const file = state.files.get(fileId);
  if (file === undefined || file.content === undefined || !botCanRead(state, file)) {
    return {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: Buffer.from('file_not_found'),
    };
  }
  return {
    status: 200,
    headers: {
      'content-type': file.mimetype ?? 'application/octet-stream',
      'content-length': String(file.content.length),
      'content-disposition': `attachment; filename="${encodeURIComponent(file.filename)}"`,
    },
    body: file.content,
  };
}
