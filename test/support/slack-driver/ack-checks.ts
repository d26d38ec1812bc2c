import { z } from 'zod';
import { optionGroup, plainOption } from '../slack-fake/block-kit/composition-schemas.js';
import type { SlackFake } from '../slack-fake/slack-fake.js';
import type { FakeView } from '../slack-fake/types.js';
import type { AckResult } from './signed-post.js';

/**
 * What Slack does with the bot's acknowledgement of a `view_submission` or `block_suggestion`.
 * A body Slack would reject makes these functions throw.
 */

const viewSubmissionAck = z.discriminatedUnion('response_action', [
  z.strictObject({
    response_action: z.literal('errors'),
    errors: z.record(z.string(), z.string()),
  }),
  z.strictObject({ response_action: z.literal('update'), view: z.unknown() }),
  z.strictObject({ response_action: z.literal('push'), view: z.unknown() }),
  z.strictObject({ response_action: z.literal('clear') }),
]);

/**
 * Applies a submission's acknowledgement to the fake's modal stack. An empty 200 closes the
 * view, `update` replaces it, `push` pushes a new view and `clear` closes the stack.
 * `errors` keeps the view open, and each of its keys must name an input block of the view.
 */
export function applyViewSubmissionAck(fake: SlackFake, view: FakeView, ack: AckResult): void {
  if (ack.status !== 200) {
    return;
  }
  if (ack.body === '') {
    fake.modals.close(view.id);
    return;
  }
  const parsed = viewSubmissionAck.safeParse(ack.json);
  if (!parsed.success) {
    throw new Error(`Slack rejects this view_submission acknowledgement: ${ack.body}`);
  }
  const response = parsed.data;
  switch (response.response_action) {
    case 'errors': {
      const inputIds = view.blocks
        .filter((block) => (block as { type?: unknown }).type === 'input')
        .map((block) => String((block as { block_id?: unknown }).block_id));
      for (const blockId of Object.keys(response.errors)) {
        if (!inputIds.includes(blockId)) {
          throw new Error(
            `response_action errors names ${blockId}, which is not an input block of view ${view.id}`,
          );
        }
      }
      return;
    }
    case 'update':
      fake.modals.replace(view.id, response.view);
      return;
    case 'push':
      fake.modals.push(view.userId, response.view);
      return;
    case 'clear':
      fake.modals.clear(view.userId);
      return;
  }
}

const optionsAck = z.union([
  z.strictObject({ options: z.array(plainOption).max(100) }),
  z.strictObject({ option_groups: z.array(optionGroup).max(100) }),
]);

export type OptionsAck = z.output<typeof optionsAck>;

/** Checks an options load response (`options` or `option_groups`, 100 at most). */
export function parseOptionsAck(ack: AckResult): OptionsAck {
  const parsed = optionsAck.safeParse(ack.json);
  if (ack.status !== 200 || !parsed.success) {
    throw new Error(`Slack rejects this block_suggestion answer (HTTP ${ack.status}): ${ack.body}`);
  }
  return parsed.data;
}
