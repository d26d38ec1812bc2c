import { randomUUID } from 'node:crypto';
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { findDescriptionByKind, isCreatable } from '../resources/index.js';
import { validateParameters } from '../resources/validate-parameters.js';
import { CREATE_MODAL_CALLBACK_PREFIX } from '../views/create-form-modal.js';
import { truncate } from '../views/mrkdwn.js';
import type { CommandDependencies } from './command-dependencies.js';
import { queueOperation } from './queue-operation.js';
import { readFormValues, viewStateValuesSchema } from './read-form-values.js';

/** The fields of a `view_submission` payload the bot reads. */
const submissionSchema = z.object({
  team: z.object({ id: z.string() }).nullish(),
  user: z.object({ id: z.string().min(1) }),
  view: z.object({
    id: z.string().min(1),
    callback_id: z.string(),
    private_metadata: z.string(),
    state: z.object({ values: viewStateValuesSchema }),
  }),
});

const privateMetadataSchema = z.object({ draftId: z.string().min(1) });

type ViewArgs = SlackViewMiddlewareArgs & AllMiddlewareArgs;

/**
 * Handles a submitted create form. Invalid fields get per-field errors and the modal stays open.
 * Valid input is stored and queued before the ack closes the modal, so an accepted form is not
 * lost when the process stops right after the response to Slack.
 */
export async function handleCreateFormSubmission(
  args: ViewArgs,
  dependencies: CommandDependencies,
): Promise<void> {
  const parsed = submissionSchema.safeParse(args.body);
  const metadata = parsed.success
    ? privateMetadataSchema.safeParse(safeJson(parsed.data.view.private_metadata))
    : undefined;
  if (!parsed.success || !metadata?.success) {
    dependencies.logger.warn('create form submission had an unexpected shape');
    await args.ack({
      response_action: 'errors',
      errors: { training_name: 'This form could not be read. Close it and run the command again.' },
    });
    return;
  }
  const { view, user, team } = parsed.data;
  const kind = view.callback_id.slice(CREATE_MODAL_CALLBACK_PREFIX.length);
  const description = findDescriptionByKind(kind);
  const draft = await dependencies.drafts.get(metadata.data.draftId);
  // Errors must name an input block of the view, so general problems go under the first one.
  const firstBlock = Object.keys(view.state.values)[0] ?? 'training_name';
  if (description === undefined || !isCreatable(description) || draft === undefined) {
    await args.ack({
      response_action: 'errors',
      errors: { [firstBlock]: 'This form has expired. Close it and run the command again.' },
    });
    return;
  }
  const raw = readFormValues(description, view.state.values);
  const result = validateParameters(description.create, raw, {
    lookups: draft.lookups,
    defaultExperimentId: dependencies.config.easymaker.defaultExperimentId,
  });
  if (!result.ok) {
    const presentBlocks = new Set(Object.keys(view.state.values));
    const errors: Record<string, string> = {};
    for (const issue of result.issues) {
      const block = presentBlocks.has(issue.parameter) ? issue.parameter : firstBlock;
      errors[block] = truncate(
        errors[block]
          ? `${errors[block]} ${issue.parameter} ${issue.message}.`
          : capitalize(issue.message),
        2000,
      );
    }
    await args.ack({ response_action: 'errors', errors });
    return;
  }
  try {
    await queueOperation(
      {
        operationId: `view-${view.id}`,
        description,
        name: description.create.nameOfParameters(result.parameters),
        raw,
        teamId: team?.id,
        requesterId: user.id,
        channelId: draft.channelId,
      },
      dependencies,
    );
  } catch (error) {
    const reference = randomUUID().slice(0, 8);
    dependencies.logger.error(
      { err: error, reference, userId: user.id },
      'create form could not be queued',
    );
    await args.ack({
      response_action: 'errors',
      errors: {
        [firstBlock]: `The request could not be confirmed because the bot's Redis did not answer in time. Submit again in a minute (reference ${reference}).`,
      },
    });
    return;
  }
  await args.ack();
}

function capitalize(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return text.endsWith('.') ? text : `${text}.`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
