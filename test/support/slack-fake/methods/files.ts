import { z } from 'zod';
import type { FakeState } from '../state/fake-state.js';
import { tsPattern } from '../state/ids.js';
import { formInteger, formString, jsonArg, parseArgs, SlackApiError } from '../wire/api-error.js';
import type { MethodContext, MethodResult } from './method-context.js';

/**
 * The external upload flow: `files.getUploadURLExternal`, a POST of the bytes to the returned
 * absolute `upload_url` (served by the fake), then `files.completeUploadExternal`.
 */

const uploadUrlArgs = z.object({
  filename: z.string().min(1),
  length: formInteger.pipe(z.number().int().min(1)),
  alt_text: formString.optional(),
  snippet_type: formString.optional(),
});

export function getUploadUrl({ state, args, baseUrl }: MethodContext): MethodResult {
  state.workspace.requireScope('files:write');
  const scalars = parseArgs(uploadUrlArgs, args);
  const fileId = state.ids.nextId('F');
  state.files.set(fileId, {
    id: fileId,
    filename: scalars.filename,
    title: scalars.filename,
    length: scalars.length,
    channels: [],
    completed: false,
  });
  return { upload_url: `${baseUrl}upload/${fileId}`, file_id: fileId };
}

/** Stores the bytes posted to an upload URL; returns the HTTP status and body of the response. */
export function receiveUpload(
  state: FakeState,
  fileId: string,
  body: Buffer,
): { status: number; text: string } {
  const file = state.files.get(fileId);
  if (file === undefined || file.completed) {
    return { status: 404, text: 'file_not_found' };
  }
  file.content = body;
  return { status: 200, text: `OK - ${body.length}` };
}

const completeArgs = z.object({
  channel_id: formString.optional(),
  thread_ts: formString.optional(),
  initial_comment: formString.optional(),
});

const filesArg = z.array(z.object({ id: z.string(), title: z.string().optional() })).min(1);

export function completeUpload({ state, args }: MethodContext): MethodResult {
  state.workspace.requireScope('files:write');
  const scalars = parseArgs(completeArgs, args);
  const parsed = filesArg.safeParse(jsonArg(args, 'files', 'invalid_arguments'));
  if (!parsed.success) {
    throw new SlackApiError('invalid_arguments');
  }
  const files = parsed.data.map((entry) => {
    const file = state.files.get(entry.id);
    if (file === undefined || file.content === undefined || file.completed) {
      throw new SlackApiError('file_not_found');
    }
    return { file, title: entry.title ?? file.filename };
  });
  const channel =
    scalars.channel_id === undefined
      ? undefined
      : state.workspace.postableChannel(scalars.channel_id);
  const threadTs = scalars.thread_ts;
  if (channel !== undefined && threadTs !== undefined) {
    const parent = tsPattern.test(threadTs) ? state.messages.get(channel.id, threadTs) : undefined;
    if (parent === undefined) {
      throw new SlackApiError('invalid_thread_ts');
    }
  }

  for (const { file, title } of files) {
    file.title = title;
    file.completed = true;
    if (channel !== undefined) {
      file.channels.push(channel.id);
    }
  }
  const summaries = files.map(({ file }) => ({
    id: file.id,
    name: file.filename,
    title: file.title,
  }));
  if (channel !== undefined) {
    state.messages.add(
      channel.id,
      state.botMessage({
        ts: state.ids.nextTs(),
        text: scalars.initial_comment ?? '',
        files: summaries,
        ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
      }),
    );
  }
  return { files: summaries };
}
