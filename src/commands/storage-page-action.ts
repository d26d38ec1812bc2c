import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { expandPageMarkers } from '../views/object-list-message.js';
import {
  buildStorageNotConfiguredReply,
  buildStorageRejectedReply,
} from '../views/storage-replies.js';
import type { CommandDependencies } from './command-dependencies.js';
import { fetchObjectPage } from './storage-list-command.js';
import { checkStorageUri } from './storage-uri.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** A page button value as `buildObjectListMessage` writes it, with markers without the prefix. */
const pageValueSchema = z.object({
  uri: z.string().min(1).max(2000),
  page: z.number().int().min(0).max(1_000_000),
  marker: z.string().max(2000),
  back: z.array(z.string().max(2000)).max(1000),
});

/** Replaces an object list with the page its Previous, First page or Next button names. */
export async function handleStoragePageButton(
  args: ButtonArgs,
  dependencies: CommandDependencies,
): Promise<void> {
  await args.ack();
  const parsed = pageValueSchema.safeParse(parseJson(args.action.value));
  if (!parsed.success) {
    await args.respond({
      replace_original: true,
      text: ':warning: This button is no longer valid.',
    });
    return;
  }
  const { storage, config } = dependencies;
  if (storage === undefined) {
    await args.respond({
      replace_original: true,
      ...buildStorageNotConfiguredReply(config.objectStorage.missingVariables),
    });
    return;
  }
  const uri = checkStorageUri(parsed.data.uri, config.objectStorage.identityUrl);
  if (!uri.ok) {
    await args.respond({ replace_original: true, ...buildStorageRejectedReply(uri.message) });
    return;
  }
  const prefix = uri.location.path;
  const markers = expandPageMarkers(parsed.data, prefix);
  const message = await fetchObjectPage(
    storage,
    { uri: uri.uri, page: parsed.data.page, ...markers },
    prefix,
    dependencies.logger.child({ userId: args.body.user.id }),
  );
  await args.respond({ replace_original: true, ...message });
}

function parseJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}
