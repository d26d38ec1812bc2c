import type { KnownBlock } from '@slack/types';
import type { AnyDescription } from '../resources/index.js';
import { codeSpan, truncate } from './mrkdwn.js';

/** `action_id` of the confirm button; the cancel button uses the cancel id. */
export const CONFIRM_ACTION_ID = 'easymaker:confirm';
export const CANCEL_ACTION_ID = 'easymaker:cancel';

export type ConfirmableOperation = 'delete' | 'stop' | 'start';

/** What the confirm button carries: the operation and who asked for it. */
export interface ConfirmationReference {
  kind: string;
  operation: ConfirmableOperation;
  resourceId: string;
  userId: string;
}

const CONSEQUENCES: Record<ConfirmableOperation, string> = {
  delete: 'This cannot be undone.',
  stop: 'It stops running and cannot be resumed.',
  start: 'Its schedule starts creating runs again.',
};

/** Builds the ephemeral question asked before a delete, stop or start. */
export function buildConfirmationMessage(
  description: AnyDescription,
  reference: ConfirmationReference,
): { text: string; blocks: KnownBlock[] } {
  const verb = reference.operation.charAt(0).toUpperCase() + reference.operation.slice(1);
  const question = `${verb} ${description.noun} ${codeSpan(reference.resourceId)}? ${CONSEQUENCES[reference.operation]}`;
  return {
    text: truncate(question, 3000),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: truncate(question, 3000) } },
      {
        type: 'actions',
        block_id: 'easymaker:confirmation',
        elements: [
          {
            type: 'button',
            action_id: CONFIRM_ACTION_ID,
            text: { type: 'plain_text', text: truncate(`${verb} ${description.noun}`, 75) },
            value: JSON.stringify(reference),
            ...(reference.operation === 'start' ? { style: 'primary' } : { style: 'danger' }),
          },
          {
            type: 'button',
            action_id: CANCEL_ACTION_ID,
            text: { type: 'plain_text', text: 'Cancel' },
            value: 'cancel',
          },
        ],
      },
    ],
  };
}
