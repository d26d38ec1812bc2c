import type { AnyDescription } from '../resources/index.js';
import type { FieldIssue } from '../resources/resource-description.js';
import { codeSpan, escapeMrkdwn, truncate } from './mrkdwn.js';

/** Ephemeral response to a slash command, shown only to the invoking user. */
export interface EphemeralReply {
  response_type: 'ephemeral';
  text: string;
}

function ephemeral(text: string): EphemeralReply {
  return { response_type: 'ephemeral', text: truncate(text, 3000) };
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
  description: AnyDescription,
  unknownNames: string[],
): EphemeralReply {
  const known = description.parameters.map((parameter) => parameter.name).join(', ');
  const names = unknownNames.map((name) => codeSpan(name)).join(', ');
  return ephemeral(
    `:warning: Unknown argument ${names} for \`/easymaker ${description.createCommand}\`. Known arguments: ${known}.`,
  );
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

/** Lists the subcommands. */
export function buildHelpReply(descriptions: readonly AnyDescription[]): EphemeralReply {
  const lines = descriptions.map(
    (description) =>
      `• \`/easymaker ${description.createCommand}\` opens the form to create a ${description.noun}; \`/easymaker ${description.createCommand} key=value …\` creates it from the SDK's parameter names (missing required values open the form).`,
  );
  return ephemeral(
    ['*EasyMaker from Slack*', ...lines, '• `/easymaker help` shows this message.'].join('\n'),
  );
}

/** Builds the response to an unknown subcommand, listing the known ones. */
export function buildUnknownSubcommandReply(
  word: string,
  descriptions: readonly AnyDescription[],
): EphemeralReply {
  const known = descriptions.map((description) => `\`${description.createCommand}\``).join(', ');
  return ephemeral(`:warning: Unknown subcommand ${codeSpan(word)}. Try ${known} or \`help\`.`);
}
