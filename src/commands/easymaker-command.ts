import {
  type AnyDescription,
  findDescriptionByShortcut,
  findDescriptionByWord,
  isCreatable,
  resourceDescriptions,
} from '../resources/index.js';
import { findLookupListByWord } from '../resources/lookup-lists.js';
import {
  buildHelpReply,
  buildResourceHelpReply,
  buildSyntaxErrorReply,
  buildUnknownSubcommandReply,
} from '../views/command-replies.js';
import { buildStorageHelpReply } from '../views/storage-replies.js';
import { type CommandArgs, type CommandContext, commandPayloadSchema } from './command-context.js';
import type { CommandDependencies } from './command-dependencies.js';
import { handleCreateCommand } from './create-command.js';
import { handleListCommand } from './list-command.js';
import { parseInlineArguments } from './parse-inline-arguments.js';
import { handlePredictCommand } from './predict-command.js';
import { handleResourceOperation } from './resource-operation-command.js';
import { handleStorageCommand, STORAGE_WORD } from './storage-command.js';

export const EASYMAKER_COMMAND = '/easymaker';

const RESOURCE_OPERATIONS = ['show', 'watch', 'delete', 'stop', 'start'] as const;

/**
 * Routes `/easymaker …` to its handler. Every handler acknowledges within Slack's 3 s before any
 * call to EasyMaker.
 *
 * Forms: `help [resource|storage]`, `storage list|upload|get obs://…`, `train …`,
 * `watch <resource> <id>`, `instances|images|algorithms`,
 * `<resource> [<verb> key=value …|list|show <id>|watch <id>|delete <id>|stop <id>|start <id>]`.
 */
export async function handleEasymakerCommand(
  args: CommandArgs,
  dependencies: CommandDependencies,
): Promise<void> {
  const payload = commandPayloadSchema.safeParse(args.command);
  if (!payload.success) {
    await args.ack(buildSyntaxErrorReply('The command payload was incomplete; try again.'));
    return;
  }
  const context: CommandContext = { args, command: payload.data, dependencies };
  // Slack sends `&`, `<` and `>` of command text as HTML entities.
  const text = payload.data.text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
  const parsed = parseInlineArguments(text);
  if (!parsed.ok) {
    await args.ack(buildSyntaxErrorReply(parsed.message));
    return;
  }
  const { named } = parsed.arguments;
  const [first, second, ...rest] = parsed.arguments.words;
  if (first === undefined || first.toLowerCase() === 'help') {
    if (second?.toLowerCase() === STORAGE_WORD) {
      await args.ack(buildStorageHelpReply());
      return;
    }
    const described = second === undefined ? undefined : findDescriptionByWord(second);
    await args.ack(
      described ? buildResourceHelpReply(described) : buildHelpReply(resourceDescriptions),
    );
    return;
  }
  if (first.toLowerCase() === STORAGE_WORD) {
    await handleStorageCommand(context, parsed.arguments.words.slice(1), named);
    return;
  }
  const shortcut = findDescriptionByShortcut(first);
  if (shortcut !== undefined) {
    await createWithoutStrayWords(context, shortcut, named, [second, ...rest]);
    return;
  }
  if (first.toLowerCase() === 'watch') {
    const watched = second === undefined ? undefined : findDescriptionByWord(second);
    if (watched === undefined) {
      await args.ack(buildUnknownSubcommandReply(second ?? '', resourceDescriptions));
      return;
    }
    await handleResourceOperation(context, watched, 'watch', rest[0] ?? named.get('id'));
    return;
  }
  const lookupList = findLookupListByWord(first);
  if (lookupList !== undefined) {
    await handleListCommand(context, lookupList, undefined);
    return;
  }
  const description = findDescriptionByWord(first);
  if (description === undefined) {
    await args.ack(buildUnknownSubcommandReply(first, resourceDescriptions));
    return;
  }
  await routeResourceCommand(context, description, second?.toLowerCase(), rest, named);
}

async function routeResourceCommand(
  context: CommandContext,
  description: AnyDescription,
  operation: string | undefined,
  rest: string[],
  named: Map<string, string>,
): Promise<void> {
  const { args } = context;
  if (operation === undefined) {
    await args.ack(buildResourceHelpReply(description));
    return;
  }
  if (
    isCreatable(description) &&
    (operation === description.create.verb || operation === 'create')
  ) {
    await createWithoutStrayWords(context, description, named, rest);
    return;
  }
  if (operation === 'predict' && description.kind === 'endpoint') {
    await handlePredictCommand(context, rest, named);
    return;
  }
  if (operation === 'list') {
    const filter = description.list.requiredFilter;
    const filterValue = filter === undefined ? undefined : (named.get(filter.parameter) ?? rest[0]);
    await handleListCommand(context, description, filterValue);
    return;
  }
  const resourceOperation = RESOURCE_OPERATIONS.find((candidate) => candidate === operation);
  if (resourceOperation !== undefined) {
    await handleResourceOperation(
      context,
      description,
      resourceOperation,
      rest[0] ?? named.get('id'),
    );
    return;
  }
  await args.ack(
    buildSyntaxErrorReply(
      `Unknown operation "${operation}" for ${description.noun}. Try /easymaker help ${description.words[0]}.`,
    ),
  );
}

async function createWithoutStrayWords(
  context: CommandContext,
  description: Parameters<typeof handleCreateCommand>[1],
  named: Map<string, string>,
  words: Array<string | undefined>,
): Promise<void> {
  const stray = words.find((word) => word !== undefined);
  if (stray !== undefined) {
    await context.args.ack(
      buildSyntaxErrorReply(
        `Unexpected "${stray}": give arguments as key=value, for example name=my-run.`,
      ),
    );
    return;
  }
  await handleCreateCommand(context, description, named);
}
