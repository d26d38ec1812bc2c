import type { ObjectUploadResult } from '../api/object-upload.js';
import { BotError } from '../errors.js';
import type { EphemeralReply } from './command-replies.js';
import { codeSpan, escapeMrkdwn, truncate } from './mrkdwn.js';
import { cutMiddle, formatByteSize } from './storage-formatting.js';

/** Replies of the `/easymaker storage` commands. */

const TEXT_LIMIT = 3000;
const MAX_URI_LENGTH = 300;
const CREDENTIAL_VARIABLES =
  'OBJECT_STORAGE_TENANT_ID, OBJECT_STORAGE_USERNAME and OBJECT_STORAGE_PASSWORD';

function ephemeral(text: string): EphemeralReply {
  return { response_type: 'ephemeral', text: truncate(text, TEXT_LIMIT) };
}

/** Shows a URI in a code span, cut in the middle when it is long. */
export function uriSpan(uri: string): string {
  return codeSpan(cutMiddle(uri, MAX_URI_LENGTH));
}

/** Lists the storage commands and their arguments. */
export function buildStorageHelpReply(): EphemeralReply {
  return ephemeral(
    [
      '*Object Storage*: `obs://{host}/v1/AUTH_{tenant}/{container}/{path}`',
      '• `/easymaker storage list obs://…/{prefix}` lists the objects whose names start with the prefix, 20 a page, with sizes and last-modified times',
      '• `/easymaker storage upload obs://…/{folder} file=<Slack file id>` uploads a file shared in Slack as `{folder}/{file name}`',
      '• `/easymaker storage get obs://…/{object} [thread=<ts>]` posts a small object into this channel as a file, or into the thread whose parent message has that ts',
    ].join('\n'),
  );
}

/** Tells the user that the storage commands need credentials, and which variables are unset. */
export function buildStorageNotConfiguredReply(
  missingVariables: readonly string[],
): EphemeralReply {
  const missing = missingVariables.map((name) => codeSpan(name)).join(', ');
  return ephemeral(
    `:warning: Object Storage is not configured for this bot. An admin must set ${CREDENTIAL_VARIABLES} (missing: ${missing}); \`OBJECT_STORAGE_IDENTITY_URL\` is optional.`,
  );
}

/** Rejects a storage command before anything is sent: a bad URI, argument or file id. */
export function buildStorageRejectedReply(message: string): EphemeralReply {
  return ephemeral(`:warning: ${escapeMrkdwn(message)}`);
}

/**
 * Reports a failed storage command. Errors the bot raised on purpose are explained with their
 * message; anything else gets a reference to find the log line.
 */
export function buildStorageFailedReply(
  action: string,
  uri: string,
  error: unknown,
  reference: string,
): EphemeralReply {
  const detail = describeStorageError(error);
  const subject = `:warning: Could not ${action} ${uriSpan(uri)}`;
  if (detail === undefined) {
    return ephemeral(
      `${subject}: something failed inside the bot. Try again, and give an admin the reference \`${reference}\` if it fails again.`,
    );
  }
  return ephemeral(`${subject}: ${escapeMrkdwn(detail)} (reference \`${reference}\`)`);
}

/** Returns the user-facing explanation of a storage failure, or undefined for an unknown one. */
export function describeStorageError(error: unknown): string | undefined {
  if (!(error instanceof BotError)) {
    return undefined;
  }
  const httpStatus = error.context.httpStatus;
  switch (error.code) {
    case 'ERR_INPUT_INVALID':
      return error.message;
    case 'ERR_OBJECT_TOO_LARGE':
      return `${error.message} (OBJECT_STORAGE_GET_MAX_MB sets the limit)`;
    case 'ERR_OBJECT_STORAGE_AUTH':
      return typeof httpStatus === 'number' && httpStatus >= 400 && httpStatus < 500
        ? `The identity service rejected the bot's Object Storage credentials (HTTP ${httpStatus}); ask an admin to check ${CREDENTIAL_VARIABLES}`
        : `${error.message}. Try again in a minute.`;
    case 'ERR_OBJECT_STORAGE':
      return typeof httpStatus === 'number' && httpStatus < 500 && httpStatus !== 429
        ? error.message
        : `${error.message}. Try again in a minute.`;
    case 'ERR_SLACK_API':
      return `Slack failed: ${error.message}. Try again in a minute.`;
    default:
      return undefined;
  }
}

/** Confirms that an upload was queued. */
export function buildUploadQueuedReply(fileId: string, uri: string): EphemeralReply {
  return ephemeral(
    `:inbox_tray: Uploading Slack file ${codeSpan(fileId)} to ${uriSpan(uri)}. The result is posted here.`,
  );
}

/** Warns that an upload may not have been queued because Redis did not respond in time. */
export function buildUploadNotQueuedReply(reference: string): EphemeralReply {
  return ephemeral(
    `:warning: The upload could not be confirmed because the bot's Redis did not respond in time. If no result appears here within a few minutes, try again. (reference \`${reference}\`)`,
  );
}

/** Reports a finished upload with the object's URI. */
export function buildUploadDoneReply(fileName: string, result: ObjectUploadResult): EphemeralReply {
  const segments = result.segmentCount > 0 ? ` in ${result.segmentCount} segments` : '';
  return ephemeral(
    `:white_check_mark: Uploaded ${codeSpan(fileName)} (${formatByteSize(result.bytes)})${segments} to ${uriSpan(result.uri)}`,
  );
}

/** Acknowledges a `storage get` while the object is fetched. */
export function buildGetStartedReply(uri: string): EphemeralReply {
  return ephemeral(`:hourglass_flowing_sand: Fetching ${uriSpan(uri)}…`);
}

/** Builds the comment posted with a fetched object. */
export function buildObjectFileComment(uri: string, bytes: number, userId: string): string {
  return truncate(
    `${uriSpan(uri)} (${formatByteSize(bytes)}), fetched for <@${userId}>`,
    TEXT_LIMIT,
  );
}

/** Confirms that a fetched object was posted. */
export function buildGetPostedReply(
  fileName: string,
  bytes: number,
  threadTs: string | undefined,
): EphemeralReply {
  const place = threadTs === undefined ? 'this channel' : `the thread ${codeSpan(threadTs)}`;
  return ephemeral(
    `:white_check_mark: Posted ${codeSpan(fileName)} (${formatByteSize(bytes)}) in ${place}.`,
  );
}

const FILE_POST_PROBLEMS: Record<string, string> = {
  not_in_channel: 'the bot is not in this channel; invite it and try again',
  channel_not_found: 'the bot cannot see this channel; invite it and try again',
  is_archived: 'this channel is archived',
  invalid_thread_ts: 'thread names no message in this channel',
  thread_not_found: 'thread names no message in this channel',
  missing_scope: 'the Slack app lacks the files:write scope; ask an admin to add it',
};

/** Reports that Slack did not take a fetched object, by Slack's error code when it sent one. */
export function buildFilePostFailedReply(
  uri: string,
  slackError: string | undefined,
  reference: string,
): EphemeralReply {
  const known = slackError === undefined ? undefined : FILE_POST_PROBLEMS[slackError];
  const detail =
    known ??
    (slackError === undefined
      ? 'Slack could not be reached; try again in a minute'
      : `Slack returned the error ${slackError}`);
  return ephemeral(
    `:warning: Could not post ${uriSpan(uri)} into Slack: ${escapeMrkdwn(detail)} (reference \`${reference}\`)`,
  );
}
