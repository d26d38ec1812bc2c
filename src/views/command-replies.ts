import type { KnownBlock } from '@slack/types';
import { type AnyDescription, type CreatableDescription, isCreatable } from '../resources/index.js';
import type { FieldIssue } from '../resources/resource-description.js';
import { codeSpan, escapeMrkdwn, truncate } from './mrkdwn.js';

/** Ephemeral response to a slash command, shown only to the invoking user. */
export interface EphemeralReply {
  response_type: 'ephemeral';
  text: string;
  blocks?: KnownBlock[];
}

// Slack allows 3000 characters in one section. Longer replies are split on line breaks into
// several sections, at most 45 of the 50 blocks a message may hold.
const SECTION_LIMIT = 3000;
const MAX_SECTIONS = 45;

function ephemeral(text: string): EphemeralReply {
  if (text.length <= SECTION_LIMIT) {
    return { response_type: 'ephemeral', text };
  }
  const sections: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const piece = truncate(line, SECTION_LIMIT);
    if (current !== '' && current.length + 1 + piece.length > SECTION_LIMIT) {
      sections.push(current);
      current = '';
    }
    current = current === '' ? piece : `${current}\n${piece}`;
  }
  sections.push(current);
  return {
    response_type: 'ephemeral',
    text: truncate(text, SECTION_LIMIT),
    blocks: sections.slice(0, MAX_SECTIONS).map((section) => ({
      type: 'section',
      text: { type: 'mrkdwn', text: section },
    })),
  };
}

/** Lists invalid inline arguments, each with the published range. */
export function buildArgumentErrorsReply(
  description: AnyDescription,
  issues: FieldIssue[],
): EphemeralReply {
  const lines = issues
    .slice(0, 20)
    .map((issue) => `• ${codeSpan(issue.parameter)} ${escapeMrkdwn(issue.message)}`);
  if (issues.length > 20) {
    lines.push(`• …and ${issues.length - 20} more`);
  }
  return ephemeral(
    `:warning: The ${description.noun} was not created: fix these arguments and try again.\n${lines.join('\n')}`,
  );
}

/** Names an argument the resource does not take and lists the ones it does. */
export function buildUnknownArgumentReply(
  description: CreatableDescription,
  unknownNames: string[],
): EphemeralReply {
  const known = description.create.parameters.map((parameter) => parameter.name).join(', ');
  const names = unknownNames.map((name) => codeSpan(name)).join(', ');
  return ephemeral(
    `:warning: Unknown argument ${names} for \`${createUsage(description)}\`. Known arguments: ${known}.`,
  );
}

/** Returns the command that creates the resource, such as `/easymaker training run`. */
export function createUsage(description: CreatableDescription): string {
  return `/easymaker ${description.words[0]} ${description.create.verb}`;
}

/** Explains a malformed command line (unclosed quote, repeated argument, stray word). */
export function buildSyntaxErrorReply(message: string): EphemeralReply {
  return ephemeral(`:warning: ${escapeMrkdwn(message)}`);
}

/** Confirms that a create request was queued. */
export function buildCreateQueuedReply(description: AnyDescription, name: string): EphemeralReply {
  return ephemeral(
    `:inbox_tray: Creating ${description.noun} ${codeSpan(name)}. Progress is posted in a thread in this channel.`,
  );
}

/** Tells the user that a create request was not confirmed, with a reference id for support. */
export function buildQueueUnavailableReply(reference: string): EphemeralReply {
  return ephemeral(
    `:warning: The request could not be confirmed because the bot's Redis did not answer in time. If a thread for it appears in this channel within a minute, it went through; otherwise try again. (reference \`${reference}\`)`,
  );
}

/** Tells the user that the resource was rejected before anything was created. */
export function buildCreateRejectedReply(
  description: AnyDescription,
  name: string,
  reason: string,
): EphemeralReply {
  return ephemeral(
    `:warning: ${description.title} ${codeSpan(name)} was not created: ${escapeMrkdwn(reason)}`,
  );
}

/** Lists the resources and the operations of each. */
export function buildHelpReply(descriptions: readonly AnyDescription[]): EphemeralReply {
  const lines = descriptions.map((description) => {
    const operations = operationsOf(description).join(', ');
    return `• \`${description.words[0]}\`: ${operations}`;
  });
  return ephemeral(
    [
      '*EasyMaker from Slack*: `/easymaker <resource> <operation> [key=value …]`',
      ...lines,
      '• `instances`, `images`, `algorithms`: list the choices EasyMaker offers',
      '• `watch <resource> <id>` follows a resource created elsewhere in a thread here',
      '• `train …` is short for `training run …`',
      '• `storage list|upload|get obs://…` browses, uploads to and fetches from Object Storage (`/easymaker help storage`)',
      '`/easymaker help <resource>` lists the parameters of a resource.',
    ].join('\n'),
  );
}

/** Lists a resource's operations and the create parameters with their ranges. */
export function buildResourceHelpReply(description: AnyDescription): EphemeralReply {
  const lines = [
    `*${description.title}*: ${operationsOf(description).join(', ')}`,
    `\`/easymaker ${description.words[0]} list\`${
      description.list.requiredFilter ? ` ${description.list.requiredFilter.parameter}=…` : ''
    } · \`show <id>\` · \`watch <id>\``,
  ];
  if (isCreatable(description)) {
    lines.push(
      `\`${createUsage(description)}\` opens the form; with key=value arguments it creates at once:`,
    );
    for (const parameter of description.create.parameters) {
      lines.push(
        `• \`${parameter.name}\`${parameter.optional ? '' : ' (required)'}: ${parameter.hint}`,
      );
    }
  }
  return ephemeral(lines.join('\n'));
}

function operationsOf(description: AnyDescription): string[] {
  const operations = [];
  if (description.create) operations.push(description.create.verb);
  operations.push('list', 'show', 'watch');
  if (description.operations.stop) operations.push('stop');
  if (description.operations.start) operations.push('start');
  if (description.operations.delete) operations.push('delete');
  return operations;
}

/** Builds the reply to an unknown resource or subcommand, listing the known ones. */
export function buildUnknownSubcommandReply(
  word: string,
  descriptions: readonly AnyDescription[],
): EphemeralReply {
  const known = descriptions.map((description) => `\`${description.words[0]}\``).join(', ');
  return ephemeral(
    `:warning: Unknown subcommand ${codeSpan(word)}. Try ${known}, \`train\`, \`storage\` or \`help\`.`,
  );
}

/** Reports a failed EasyMaker call: EasyMaker's own message when it sent one, else a reference. */
export function buildOperationFailedReply(
  action: string,
  error: unknown,
  reference: string,
): EphemeralReply {
  const detail =
    typeof error === 'object' && error !== null && 'resultMessage' in error
      ? `EasyMaker answered: ${escapeMrkdwn(String(error.resultMessage))}`
      : 'EasyMaker did not answer in time or could not be reached. Try again in a minute.';
  return ephemeral(`:warning: Could not ${action}. ${detail} (reference \`${reference}\`)`);
}
