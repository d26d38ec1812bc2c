import type { App } from '@slack/bolt';
import { CANCEL_ACTION_ID, CONFIRM_ACTION_ID } from '../views/confirmation-message.js';
import { CREATE_MODAL_CALLBACK_PREFIX, FIELD_ACTION_ID } from '../views/create-form-modal.js';
import { OBJECT_PAGE_ACTION_ID } from '../views/object-list-message.js';
import { LIST_PAGE_ACTION_ID } from '../views/resource-list-message.js';
import type { CommandDependencies } from './command-dependencies.js';
import { handleCancelButton, handleConfirmButton } from './confirmation-actions.js';
import { handleCreateFormSubmission } from './create-form-submission.js';
import { EASYMAKER_COMMAND, handleEasymakerCommand } from './easymaker-command.js';
import { handleListPageButton } from './list-page-action.js';
import { handleLookupOptions } from './lookup-options.js';
import { handleStoragePageButton } from './storage-page-action.js';

const createFormCallback = new RegExp(`^${CREATE_MODAL_CALLBACK_PREFIX}`);

/** Registers every slash command, modal and options listener of the bot. */
export function registerCommands(app: App, dependencies: CommandDependencies): void {
  app.command(EASYMAKER_COMMAND, (args) => handleEasymakerCommand(args, dependencies));
  app.view(createFormCallback, (args) => handleCreateFormSubmission(args, dependencies));
  app.action(new RegExp(`^${LIST_PAGE_ACTION_ID}`), (args) =>
    handleListPageButton(args as never, dependencies),
  );
  app.action(new RegExp(`^${OBJECT_PAGE_ACTION_ID}:`), (args) =>
    handleStoragePageButton(args as never, dependencies),
  );
  app.action(CONFIRM_ACTION_ID, (args) => handleConfirmButton(args as never, dependencies));
  app.action(CANCEL_ACTION_ID, (args) => handleCancelButton(args as never));
  app.options({ action_id: FIELD_ACTION_ID, type: 'block_suggestion' }, (args) =>
    handleLookupOptions(args, dependencies),
  );
}
