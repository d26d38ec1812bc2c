import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { RawValue } from '../resources/field-schemas.js';
import type { CreatableDescription } from '../resources/index.js';
import type { FieldIssue, LookupSnapshot } from '../resources/resource-description.js';
import {
  buildCreateModal,
  buildLoadingModal,
  buildLookupFailedModal,
  type FormPrefill,
} from '../views/create-form-modal.js';
import type { CommandDependencies } from './command-dependencies.js';

export interface OpenCreateModalRequest {
  client: WebClient;
  triggerId: string;
  description: CreatableDescription;
  teamId: string | undefined;
  userId: string;
  channelId: string;
  channelName?: string;
  /** Inline arguments to show in the form. */
  raw: Record<string, RawValue>;
  notices?: FieldIssue[];
  /** Sends the user an ephemeral message when the form cannot open. */
  respond?: (text: string) => Promise<unknown>;
}

/**
 * Opens the create modal at once with a loading view (a trigger id expires 3 s after the
 * command), then loads the live lookups and replaces the view with the full form.
 */
export async function openCreateModal(
  request: OpenCreateModalRequest,
  dependencies: CommandDependencies,
): Promise<void> {
  const { client, description } = request;
  const log = dependencies.logger.child({ userId: request.userId, kind: description.kind });
  let viewId: string | undefined;
  try {
    const opened = await client.views.open({
      trigger_id: request.triggerId,
      view: buildLoadingModal(description),
    });
    viewId = opened.view?.id;
  } catch (error) {
    const reference = randomUUID().slice(0, 8);
    log.warn({ err: error, reference }, 'create form could not be opened');
    await request.respond?.(
      `:warning: The form could not be opened (Slack returned ${slackErrorOf(error)}). Run the command again. (reference \`${reference}\`)`,
    );
    return;
  }
  if (viewId === undefined) {
    return;
  }
  try {
    await fillCreateModal(viewId, request, dependencies);
  } catch (error) {
    // The loading view must not stay forever: replace it with an error, or tell the user.
    const reference = randomUUID().slice(0, 8);
    log.error({ err: error, reference, viewId }, 'create form could not be filled in');
    try {
      await client.views.update({
        view_id: viewId,
        view: buildLookupFailedModal(description, reference),
      });
    } catch {
      await request.respond?.(
        `:warning: The form could not be loaded. Close it and run the command again. (reference \`${reference}\`)`,
      );
    }
  }
}

async function fillCreateModal(
  viewId: string,
  request: OpenCreateModalRequest,
  dependencies: CommandDependencies,
): Promise<void> {
  const { client, description } = request;
  const lookups: LookupSnapshot = await dependencies.lookups.snapshot(
    description.create.formLookups,
  );
  const draftId = dependencies.drafts.newDraftId();
  await dependencies.drafts.save({
    draftId,
    kind: description.kind,
    teamId: request.teamId,
    userId: request.userId,
    channelId: request.channelId,
    lookups,
  });
  const { prefill, notices } = toPrefill(description, request.raw, lookups);
  await client.views.update({
    view_id: viewId,
    view: buildCreateModal({
      description,
      draftId,
      ...(request.channelName ? { channelName: request.channelName } : {}),
      lookups,
      prefill,
      notices: [...(request.notices ?? []), ...notices],
    }),
  });
  dependencies.logger.debug({ viewId, draftId }, 'create form opened');
}

function slackErrorOf(error: unknown): string {
  const data =
    typeof error === 'object' && error !== null && 'data' in error
      ? (error as { data?: { error?: unknown } }).data
      : undefined;
  return typeof data?.error === 'string' ? data.error : 'with an error';
}

/** Turns inline values into form values; names of lookups become the matching ids. */
function toPrefill(
  description: CreatableDescription,
  raw: Record<string, RawValue>,
  lookups: LookupSnapshot,
): { prefill: FormPrefill; notices: FieldIssue[] } {
  const prefill: FormPrefill = {};
  const notices: FieldIssue[] = [];
  for (const parameter of description.create.parameters) {
    const value = raw[parameter.name];
    if (value === undefined) {
      continue;
    }
    if (parameter.control.type === 'lookup' && typeof value === 'string') {
      const items = lookups[parameter.control.lookup] ?? [];
      const match = items.find((item) => item.name === value || item.id === value);
      if (match) {
        prefill[parameter.name] = { id: match.id };
      } else {
        notices.push({ parameter: parameter.name, message: `has no choice named "${value}"` });
      }
      continue;
    }
    if (
      parameter.control.type === 'text' &&
      typeof value === 'string' &&
      value.length > parameter.control.maxLength
    ) {
      notices.push({
        parameter: parameter.name,
        message: `is ${value.length} characters, more than the form's ${parameter.control.maxLength}; give it inline instead`,
      });
      continue;
    }
    if (parameter.control.type === 'checkbox' && typeof value === 'string') {
      prefill[parameter.name] = ['true', 'yes', 'on', '1'].includes(value.trim().toLowerCase());
      continue;
    }
    prefill[parameter.name] = value;
  }
  return { prefill, notices };
}
