import { randomUUID } from 'node:crypto';
import type { ListableDescription } from '../resources/resource-description.js';
import { buildOperationFailedReply, buildSyntaxErrorReply } from '../views/command-replies.js';
import { buildResourceListMessage } from '../views/resource-list-message.js';
import type { CommandContext } from './command-context.js';
import type { CommandDependencies } from './command-dependencies.js';

/**
 * Handles `/easymaker <resource> list`: acknowledges at once, then fetches the list and answers
 * with its first page through the command's response URL.
 */
export async function handleListCommand(
  context: CommandContext,
  description: ListableDescription,
  filterValue: string | undefined,
): Promise<void> {
  const { args, dependencies } = context;
  const filter = description.list.requiredFilter;
  if (filter !== undefined && (filterValue === undefined || filterValue === '')) {
    await args.ack(
      buildSyntaxErrorReply(
        `Listing ${description.noun}s needs ${filter.parameter}: /easymaker ${description.words[0]} list ${filter.parameter}=…`,
      ),
    );
    return;
  }
  await args.ack();
  const message = await fetchListPage(
    description,
    0,
    filterValue,
    dependencies,
    context.command.user_id,
  );
  await args.respond({ response_type: 'ephemeral', ...message });
}

/** Fetches a list and renders one page; a failure renders as an error with a reference. */
export async function fetchListPage(
  description: ListableDescription,
  page: number,
  filterValue: string | undefined,
  dependencies: CommandDependencies,
  userId: string,
) {
  const filter = description.list.requiredFilter;
  try {
    const resources = await dependencies.easymaker.list(
      description.api.collectionPath,
      description.api.listKey,
      description.api.objectSchema,
      filter !== undefined && filterValue !== undefined
        ? { [filter.query]: filterValue }
        : undefined,
    );
    return buildResourceListMessage({
      description,
      resources,
      page,
      ...(filterValue === undefined ? {} : { filter: filterValue }),
    });
  } catch (error) {
    const reference = randomUUID().slice(0, 8);
    dependencies.logger.error(
      { err: error, reference, kind: description.kind, userId },
      'list request failed',
    );
    return buildOperationFailedReply(`list ${description.noun}s`, error, reference);
  }
}
