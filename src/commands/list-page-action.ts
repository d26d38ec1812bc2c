import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { findDescriptionByKind } from '../resources/index.js';
import { findLookupListByKind } from '../resources/lookup-lists.js';
import type { CommandDependencies } from './command-dependencies.js';
import { fetchListPage } from './list-command.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

const pageReferenceSchema = z.object({
  kind: z.string(),
  page: z.number().int().min(0).max(100_000),
  filter: z.string().max(64).optional(),
});

/** Replaces a list message with the page its Previous or Next button names. */
export async function handleListPageButton(
  args: ButtonArgs,
  dependencies: CommandDependencies,
): Promise<void> {
  await args.ack();
  let reference: z.infer<typeof pageReferenceSchema>;
  try {
    reference = pageReferenceSchema.parse(JSON.parse(args.action.value ?? ''));
  } catch {
    return;
  }
  const description = findDescriptionByKind(reference.kind) ?? findLookupListByKind(reference.kind);
  if (description === undefined) {
    return;
  }
  const message = await fetchListPage(
    description,
    reference.page,
    reference.filter,
    dependencies,
    args.body.user.id,
  );
  await args.respond({ replace_original: true, ...message });
}
