import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import type { PlainTextOption } from '@slack/types';
import { z } from 'zod';
import { findDescriptionByKind, isCreatable } from '../resources/index.js';
import { CREATE_MODAL_CALLBACK_PREFIX, lookupOption } from '../views/create-form-modal.js';
import type { CommandDependencies } from './command-dependencies.js';

const suggestionSchema = z.object({
  block_id: z.string(),
  value: z.string().default(''),
  view: z.object({ callback_id: z.string(), private_metadata: z.string() }),
});

// Slack accepts at most 100 options in one options response.
const MAX_OPTIONS = 100;

/**
 * Responds to an external select of a create form (used when a lookup has more than 100 choices)
 * from the list saved with the form's draft, filtered by what the user typed.
 */
export async function handleLookupOptions(
  args: SlackOptionsMiddlewareArgs & AllMiddlewareArgs,
  dependencies: CommandDependencies,
): Promise<void> {
  const parsed = suggestionSchema.safeParse(args.body);
  if (!parsed.success) {
    await args.ack({ options: [] });
    return;
  }
  const { block_id: blockId, value, view } = parsed.data;
  const description = findDescriptionByKind(
    view.callback_id.slice(CREATE_MODAL_CALLBACK_PREFIX.length),
  );
  const parameter = description?.create?.parameters.find((candidate) => candidate.name === blockId);
  let draftId: string | undefined;
  try {
    draftId = z.object({ draftId: z.string() }).parse(JSON.parse(view.private_metadata)).draftId;
  } catch {
    draftId = undefined;
  }
  const draft = draftId ? await dependencies.drafts.get(draftId) : undefined;
  if (parameter?.control.type !== 'lookup' || draft === undefined) {
    await args.ack({ options: [] });
    return;
  }
  const query = value.trim().toLowerCase();
  const items = (draft.lookups[parameter.control.lookup] ?? []).filter((item) =>
    item.name.toLowerCase().includes(query),
  );
  // Bolt types the ack of every options source together; a block_suggestion takes Block Kit
  // option objects.
  const ack = args.ack as (body: { options: PlainTextOption[] }) => Promise<void>;
  await ack({ options: items.slice(0, MAX_OPTIONS).map(lookupOption) });
}
