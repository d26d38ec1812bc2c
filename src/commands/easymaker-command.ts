import { randomUUID } from 'node:crypto';
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import {
  type AnyDescription,
  findDescriptionByCreateCommand,
  resourceDescriptions,
} from '../resources/index.js';
import { validateParameters } from '../resources/validate-parameters.js';
import {
  buildArgumentErrorsReply,
  buildCreateQueuedReply,
  buildHelpReply,
  buildQueueUnavailableReply,
  buildSyntaxErrorReply,
  buildUnknownArgumentReply,
  buildUnknownSubcommandReply,
} from '../views/command-replies.js';
import type { CommandDependencies } from './command-dependencies.js';
import { toInlineParameters } from './inline-parameters.js';
import { openCreateModal } from './open-create-modal.js';
import { parseInlineArguments } from './parse-inline-arguments.js';
import { queueOperation } from './queue-operation.js';

export const EASYMAKER_COMMAND = '/easymaker';

/** The fields of a slash-command payload the bot reads. */
const commandPayloadSchema = z.object({
  text: z.string().default(''),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  channel_name: z.string().optional(),
  team_id: z.string().optional(),
  trigger_id: z.string().min(1),
  response_url: z.string().url(),
});

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** Handles `/easymaker <subcommand> ...`: acknowledges within Slack's 3 s, then works. */
export async function handleEasymakerCommand(
  args: CommandArgs,
  dependencies: CommandDependencies,
): Promise<void> {
  const payload = commandPayloadSchema.safeParse(args.command);
  if (!payload.success) {
    await args.ack(buildSyntaxErrorReply('The command payload was incomplete; try again.'));
    return;
  }
  const command = payload.data;
  const parsed = parseInlineArguments(command.text);
  if (!parsed.ok) {
    await args.ack(buildSyntaxErrorReply(parsed.message));
    return;
  }
  const [subcommand, ...words] = parsed.arguments.words;
  if (subcommand === undefined || subcommand.toLowerCase() === 'help') {
    await args.ack(buildHelpReply(resourceDescriptions));
    return;
  }
  const description = findDescriptionByCreateCommand(subcommand.toLowerCase());
  if (description === undefined) {
    await args.ack(buildUnknownSubcommandReply(subcommand, resourceDescriptions));
    return;
  }
  if (words.length > 0) {
    await args.ack(
      buildSyntaxErrorReply(
        `Unexpected "${words[0]}": give arguments as key=value, for example name=my-run.`,
      ),
    );
    return;
  }
  await handleCreate(args, command, description, parsed.arguments.named, dependencies);
}

async function handleCreate(
  args: CommandArgs,
  command: z.infer<typeof commandPayloadSchema>,
  description: AnyDescription,
  named: Map<string, string>,
  dependencies: CommandDependencies,
): Promise<void> {
  const inline = toInlineParameters(description, named);
  if (!inline.ok) {
    await args.ack(buildUnknownArgumentReply(description, inline.unknownNames));
    return;
  }
  const context = { defaultExperimentId: dependencies.config.easymaker.defaultExperimentId };
  const result = validateParameters(description, inline.raw, context);
  const invalid = result.ok
    ? []
    : result.issues.filter((issue) => !issue.message.startsWith('is required'));
  if (invalid.length > 0) {
    await args.ack(buildArgumentErrorsReply(description, invalid));
    return;
  }
  if (!result.ok) {
    // Only required values are missing: the form opens with what was given.
    await args.ack();
    await openCreateModal(
      {
        client: args.client,
        triggerId: command.trigger_id,
        description,
        teamId: command.team_id,
        userId: command.user_id,
        channelId: command.channel_id,
        ...(command.channel_name ? { channelName: command.channel_name } : {}),
        raw: inline.raw,
      },
      dependencies,
    );
    return;
  }
  const name = description.nameOfParameters(result.parameters);
  try {
    await queueOperation(
      {
        description,
        name,
        raw: inline.raw,
        teamId: command.team_id,
        requesterId: command.user_id,
        channelId: command.channel_id,
        responseUrl: command.response_url,
      },
      dependencies,
    );
  } catch (error) {
    const reference = randomUUID().slice(0, 8);
    dependencies.logger.error(
      { err: error, reference, userId: command.user_id },
      'create request could not be queued',
    );
    await args.ack(buildQueueUnavailableReply(reference));
    return;
  }
  await args.ack(buildCreateQueuedReply(description, name));
}
