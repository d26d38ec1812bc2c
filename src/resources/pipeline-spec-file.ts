import { WebAPIPlatformError } from '@slack/web-api';
import { z } from 'zod';
import { BotError } from '../errors.js';
import type { PrepareBodyContext } from './resource-description.js';

/**
 * Reads a pipeline spec file from Slack: `files.info` for its metadata, then its
 * `url_private_download` with the bot token as bearer. Problems the requester can fix (an
 * unknown file, a file that is too large or not YAML) raise `ERR_INPUT_INVALID`; Slack failures
 * that may pass raise `ERR_SLACK_API`, so the create job tries again.
 */

/** Largest spec file the bot reads, in bytes (5 MB). */
export const MAX_PIPELINE_SPEC_BYTES = 5 * 1024 * 1024;

const DOWNLOAD_TIMEOUT_MS = 30_000;

const slackFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int().min(0),
  filetype: z.string().nullish(),
  url_private_download: z.string().nullish(),
});

type SlackFile = z.infer<typeof slackFileSchema>;

const YAML_NAME = /\.ya?ml$/i;
/** A top-level mapping key, such as `pipelineInfo:` or `root:` in a compiled KFP spec. */
const TOP_LEVEL_KEY = /^[A-Za-z_"'][^:#\n]*:(\s|$)/m;

function invalid(fileId: string, problem: string): BotError {
  return new BotError('ERR_INPUT_INVALID', `pipeline_spec_file ${problem}`, {
    context: { fileId },
  });
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Returns the bytes of the Slack file `fileId` after checking that it is a YAML file of 5 MB or
 * less.
 */
export async function readPipelineSpecFile(
  fileId: string,
  context: PrepareBodyContext,
): Promise<Buffer> {
  const file = await fetchFileInfo(fileId, context);
  if (!YAML_NAME.test(file.name) && file.filetype !== 'yaml') {
    throw invalid(fileId, `"${file.name}" is not a YAML file; upload the compiled .yaml spec`);
  }
  if (file.size > MAX_PIPELINE_SPEC_BYTES) {
    throw invalid(
      fileId,
      `"${file.name}" is ${megabytes(file.size)}; a pipeline spec file may be at most 5 MB`,
    );
  }
  const bytes = await download(file, context);
  checkYamlText(file, bytes);
  context.logger.info({ fileId, bytes: bytes.length }, 'pipeline spec file read from Slack');
  return bytes;
}

async function fetchFileInfo(fileId: string, context: PrepareBodyContext): Promise<SlackFile> {
  let answer: unknown;
  try {
    answer = await context.slack.files.info({ file: fileId });
  } catch (error) {
    if (error instanceof WebAPIPlatformError) {
      const code = error.data.error;
      if (code === 'file_not_found' || code === 'file_deleted') {
        throw invalid(
          fileId,
          `${fileId} was not found: share the file in a channel the bot is in, or attach it in the form`,
        );
      }
      if (code === 'missing_scope') {
        throw invalid(
          fileId,
          'cannot be read because the Slack app lacks the files:read scope; ask an admin to add it',
        );
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

async function download(file: SlackFile, context: PrepareBodyContext): Promise<Buffer> {
  const address = file.url_private_download;
  let url: URL | undefined;
  try {
    url = address ? new URL(address) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined) {
    throw invalid(file.id, `"${file.name}" has no download address; upload it as a file`);
  }
  if (!isSlackHost(url, context.slack.slackApiUrl)) {
    throw invalid(file.id, `"${file.name}" has a download address outside Slack (${url.host})`);
  }
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${context.botToken}` },
      signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
    });
  } catch (error) {
    throw new BotError('ERR_SLACK_API', 'file download failed', {
      cause: error,
      context: { fileId: file.id },
    });
  }
  if (response.status >= 500 || response.status === 429) {
    await response.body?.cancel();
    throw new BotError('ERR_SLACK_API', `file download failed with HTTP ${response.status}`, {
      context: { fileId: file.id },
    });
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw invalid(file.id, `"${file.name}" could not be downloaded (HTTP ${response.status})`);
  }
  if ((response.headers.get('content-type') ?? '').toLowerCase().startsWith('text/html')) {
    // Slack sends its sign-in page instead of the file when the token may not read files.
    await response.body?.cancel();
    throw invalid(
      file.id,
      `"${file.name}" could not be downloaded: Slack sent a sign-in page, so the bot token cannot read files (it needs the files:read scope)`,
    );
  }
  return readLimited(response, file);
}

/**
 * Reads the body and stops as soon as it grows past the limit, whatever size `files.info`
 * reported.
 */
async function readLimited(response: Response, file: SlackFile): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  while (reader !== undefined) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    total += value.length;
    if (total > MAX_PIPELINE_SPEC_BYTES) {
      await reader.cancel();
      throw invalid(file.id, `"${file.name}" is larger than 5 MB, the limit of a spec file`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Checks that the bytes are UTF-8 text with at least one top-level YAML key. */
function checkYamlText(file: SlackFile, bytes: Buffer): void {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalid(file.id, `"${file.name}" is not UTF-8 text, so it is not a YAML file`);
  }
  if (text.includes('\u0000') || !TOP_LEVEL_KEY.test(text)) {
    throw invalid(
      file.id,
      `"${file.name}" does not look like YAML: no top-level key such as "pipelineInfo:" was found`,
    );
  }
}
