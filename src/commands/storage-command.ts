import type { ObjectStorageClient } from '../api/object-storage-client.js';
import {
  buildStorageHelpReply,
  buildStorageNotConfiguredReply,
  buildStorageRejectedReply,
} from '../views/storage-replies.js';
import type { CommandContext } from './command-context.js';
import { handleStorageGet } from './storage-get-command.js';
import { handleStorageList } from './storage-list-command.js';
import { handleStorageUpload } from './storage-upload-command.js';
import { readStorageUri } from './storage-uri.js';

/** The word after `/easymaker` that starts the Object Storage commands. */
export const STORAGE_WORD = 'storage';

/** One storage command whose URI and arguments were checked. */
export interface StorageRequest {
  context: CommandContext;
  storage: ObjectStorageClient;
  /** The `obs://` URI as typed, with Slack's escaping undone. */
  uri: string;
  /** Path part of the URI: the prefix, folder or object name inside the container. */
  path: string;
  named: ReadonlyMap<string, string>;
}

const OPERATIONS = {
  list: { arguments: [], usage: '/easymaker storage list obs://…/{prefix}' },
  upload: {
    arguments: ['file'],
    usage: '/easymaker storage upload obs://…/{folder} file=<Slack file id>',
  },
  get: { arguments: ['thread'], usage: '/easymaker storage get obs://…/{object} [thread=<ts>]' },
} as const;

type StorageOperation = keyof typeof OPERATIONS;

function isStorageOperation(word: string): word is StorageOperation {
  return Object.hasOwn(OPERATIONS, word);
}

/**
 * Handles `/easymaker storage <list|upload|get> obs://… [key=value …]`. Bad input is rejected
 * in the acknowledgement, before any call to Object Storage. The handlers acknowledge at once
 * and do the work afterwards.
 */
export async function handleStorageCommand(
  context: CommandContext,
  words: readonly string[],
  named: ReadonlyMap<string, string>,
): Promise<void> {
  const { args, dependencies } = context;
  const [verb, uriText, ...stray] = words;
  if (verb === undefined || verb.toLowerCase() === 'help') {
    await args.ack(buildStorageHelpReply());
    return;
  }

  const operation = verb.toLowerCase();
  if (!isStorageOperation(operation)) {
    await args.ack(
      buildStorageRejectedReply(
        `Unknown storage operation "${verb}": use list, upload or get. /easymaker help storage shows them.`,
      ),
    );
    return;
  }

  const storage = dependencies.storage;
  if (storage === undefined) {
    await args.ack(
      buildStorageNotConfiguredReply(dependencies.config.objectStorage.missingVariables),
    );
    return;
  }

  const problem = findArgumentProblem(operation, uriText, stray, named);
  if (problem !== undefined) {
    await args.ack(buildStorageRejectedReply(problem));
    return;
  }

  const parsed = readStorageUri(uriText ?? '', dependencies.config.objectStorage.identityUrl);
  if (!parsed.ok) {
    await args.ack(buildStorageRejectedReply(parsed.message));
    return;
  }

  const request: StorageRequest = {
    context,
    storage,
    uri: parsed.uri,
    path: parsed.location.path,
    named,
  };
  if (operation === 'list') {
    await handleStorageList(request);
  } else if (operation === 'upload') {
    await handleStorageUpload(request);
  } else {
    await handleStorageGet(request);
  }
}

/** Names a missing URI, a stray word or an argument the operation does not take. */
function findArgumentProblem(
  operation: StorageOperation,
  uriText: string | undefined,
  stray: readonly string[],
  named: ReadonlyMap<string, string>,
): string | undefined {
  const { usage } = OPERATIONS[operation];
  const accepted: readonly string[] = OPERATIONS[operation].arguments;
  for (const key of named.keys()) {
    if (key.includes('://')) {
      // The argument parser splits `key=value` at the first "=", and lowercases the key.
      return `A URI with "=" cannot be typed in a slash command: ${usage}`;
    }
    if (!accepted.includes(key)) {
      return `Unknown argument "${key}" for storage ${operation}: ${usage}`;
    }
  }
  if (uriText === undefined) {
    return `Give an obs:// URI: ${usage}`;
  }
  const [word] = stray;
  if (word !== undefined) {
    return `Unexpected "${word}" after the URI: ${usage}`;
  }
  return undefined;
}
