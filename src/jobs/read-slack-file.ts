import { WebAPIPlatformError, type WebClient } from '@slack/web-api';
import { z } from 'zod';
import { BotError } from '../errors.js';
import type { Logger } from '../logger.js';
import { formatByteSize } from '../views/storage-formatting.js';

export interface SlackFileReadOptions {
  slack: WebClient;
  /** Sent as the bearer of the download, and only to Slack's own host. */
  botToken: string;
  /** Largest file read, in bytes. */
  maxBytes: number;
  /** Setting that sets `maxBytes`, named when a file is over it. */
  limitSetting: string;
  logger: Logger;
  /** Timeout of the download; default 600000 ms. */
  timeoutMs?: number;
}

/** A file read from Slack. */
export interface SlackFileContent {
  id: string;
  name: string;
  bytes: Buffer;
}

const slackFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int().min(0),
  mimetype: z.string().nullish(),
  url_private_download: z.string().nullish(),
});

type SlackFile = z.infer<typeof slackFileSchema>;

/**
 * Reads a file shared in Slack: `files.info` for its name and size, then its
 * `url_private_download` with the bot token as bearer. Problems the user can fix (an unknown
 * file, one over `maxBytes`, one the token may not read) raise `ERR_INPUT_INVALID`; Slack
 * failures that may pass raise `ERR_SLACK_API`.
 */
export async function readSlackFile(
  fileId: string,
  options: SlackFileReadOptions,
): Promise<SlackFileContent> {
  const file = await fetchFileInfo(fileId, options.slack);
  if (file.size > options.maxBytes) {
    throw tooLarge(file, `is ${formatByteSize(file.size)}`, options);
  }
  const bytes = await download(file, options);
  options.logger.info({ fileId, bytes: bytes.length }, 'Slack file read');
  return { id: file.id, name: file.name, bytes };
}

function invalid(fileId: string, problem: string): BotError {
  return new BotError('ERR_INPUT_INVALID', `Slack file ${problem}`, { context: { fileId } });
}

function tooLarge(file: SlackFile, size: string, options: SlackFileReadOptions): BotError {
  return invalid(
    file.id,
    `"${file.name}" ${size}, over the upload limit of ${formatByteSize(options.maxBytes)} (${options.limitSetting})`,
  );
}

async function fetchFileInfo(fileId: string, slack: WebClient): Promise<SlackFile> {
  let answer: unknown;
  try {
    answer = await slack.files.info({ file: fileId });
  } catch (error) {
    if (error instanceof WebAPIPlatformError) {
      const code = error.data.error;
      if (code === 'file_not_found' || code === 'file_deleted') {
        throw invalid(fileId, `${fileId} was not found: share the file in a channel the bot is in`);
      }
      if (code === 'missing_scope') {
        throw invalid(fileId, `${fileId} cannot be read: the Slack app lacks the files:read scope`);
      }
    }
    throw new BotError('ERR_SLACK_API', 'files.info failed', { cause: error, context: { fileId } });
  }
  const parsed = z.object({ file: slackFileSchema }).safeParse(answer);
  if (!parsed.success) {
    throw new BotError('ERR_SLACK_API', 'files.info returned an unexpected file object', {
      context: { fileId },
    });
  }
  return parsed.data.file;
}

/**
 * Tells whether the bot token may be sent to `url`: only to the Slack API's own host or its
 * subdomains (`files.slack.com` for `slack.com`), over the same protocol.
 */
function isSlackHost(url: URL, apiUrl: string): boolean {
  const api = new URL(apiUrl);
  return (
    url.protocol === api.protocol &&
    (url.host === api.host || url.hostname.endsWith(`.${api.hostname}`))
  );
}

function parseAddress(address: string | null | undefined): URL | undefined {
  try {
    return address ? new URL(address) : undefined;
  } catch {
    return undefined;
  }
}

async function download(file: SlackFile, options: SlackFileReadOptions): Promise<Buffer> {
  const url = parseAddress(file.url_private_download);
  if (url === undefined) {
    throw invalid(file.id, `"${file.name}" has no download address; share it as a file`);
  }
  if (!isSlackHost(url, options.slack.slackApiUrl)) {
    throw invalid(file.id, `"${file.name}" has a download address outside Slack (${url.host})`);
  }
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${options.botToken}` },
      signal: AbortSignal.timeout(options.timeoutMs ?? 600_000),
    });
  } catch (error) {
    throw new BotError('ERR_SLACK_API', 'Slack file download failed', {
      cause: error,
      context: { fileId: file.id },
    });
  }
  if (response.status >= 500 || response.status === 429) {
    await response.body?.cancel();
    throw new BotError('ERR_SLACK_API', `Slack file download failed with HTTP ${response.status}`, {
      context: { fileId: file.id },
    });
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw invalid(file.id, `"${file.name}" could not be downloaded (HTTP ${response.status})`);
  }
  const isHtml = (type: string | null | undefined) =>
    (type ?? '').toLowerCase().startsWith('text/html');
  if (isHtml(response.headers.get('content-type')) && !isHtml(file.mimetype)) {
    // Slack sends its sign-in page instead of the file when the token may not read files.
    await response.body?.cancel();
    throw invalid(
      file.id,
      `"${file.name}" could not be downloaded: Slack sent a sign-in page, so the bot token cannot read files (it needs the files:read scope)`,
    );
  }
  return readLimited(response, file, options);
}

/** Reads the body and stops as soon as it passes the limit, whatever `files.info` reported. */
async function readLimited(
  response: Response,
  file: SlackFile,
  options: SlackFileReadOptions,
): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  while (reader !== undefined) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    total += value.length;
    if (total > options.maxBytes) {
      await reader.cancel();
      throw tooLarge(file, 'is larger than reported', options);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
