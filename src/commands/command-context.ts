import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { CommandDependencies } from './command-dependencies.js';

/** The fields of a slash-command payload the bot reads. */
export const commandPayloadSchema = z.object({
  text: z.string().default(''),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  channel_name: z.string().optional(),
  team_id: z.string().optional(),
  trigger_id: z.string().min(1),
  response_url: z.string().url(),
});

export type CommandPayload = z.infer<typeof commandPayloadSchema>;

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** One slash command being handled: Bolt's arguments, the checked payload, the services. */
export interface CommandContext {
  args: CommandArgs;
  command: CommandPayload;
  dependencies: CommandDependencies;
}
