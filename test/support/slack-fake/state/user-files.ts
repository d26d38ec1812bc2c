import type { FakeFile, UserFileInput } from '../types.js';
import type { FakeState } from './fake-state.js';

/** Files that human users upload: shared in channels, or kept for a modal's `file_input`. */

const YAML_NAME = /\.ya?ml$/i;

// NOTE: Slack's `filetype` code for YAML is `yaml`; the MIME type it reports for YAML files is
// not documented, so `application/x-yaml` is assumed.
function defaultTypes(name: string): { filetype: string; mimetype: string } {
  return YAML_NAME.test(name)
    ? { filetype: 'yaml', mimetype: 'application/x-yaml' }
    : { filetype: 'text', mimetype: 'text/plain' };
}

/**
 * Stores a user's file and, for each channel it is shared in, posts the user's message that
 * carries it, as a share from the Slack client does. Unknown users or channels are test bugs.
 */
export function storeUserFile(state: FakeState, input: UserFileInput): FakeFile {
  if (!state.workspace.users.has(input.userId)) {
    throw new Error(`addUserFile: no user ${input.userId} in the fake workspace`);
  }
  const channels = input.channels ?? [];
  for (const channel of channels) {
    if (!state.workspace.channels.has(channel)) {
      throw new Error(`addUserFile: no channel ${channel} in the fake workspace`);
    }
  }
  const content = Buffer.from(input.content);
  const types = defaultTypes(input.name);
  const file: FakeFile = {
    id: state.ids.nextId('F'),
    filename: input.name,
    title: input.title ?? input.name,
    length: content.length,
    content,
    channels: [...channels],
    completed: true,
    user: input.userId,
    filetype: input.filetype ?? types.filetype,
    mimetype: input.mimetype ?? types.mimetype,
    created: Math.floor(state.now() / 1000),
  };
  state.files.set(file.id, file);
  for (const channel of channels) {
    state.messages.add(channel, {
      type: 'message',
      subtype: 'file_share',
      ts: state.ids.nextTs(),
      user: input.userId,
      text: '',
      team: state.options.teamId,
      files: [{ id: file.id, name: file.filename, title: file.title }],
    });
  }
  return file;
}

/** Returns a copy of a stored file that a test may change freely. */
export function copyFile(file: FakeFile): FakeFile {
  return {
    ...file,
    channels: [...file.channels],
    ...(file.content === undefined ? {} : { content: Buffer.from(file.content) }),
  };
}
