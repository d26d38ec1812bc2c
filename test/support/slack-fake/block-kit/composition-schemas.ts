import { z } from 'zod';

/**
 * Block Kit composition objects (text, option, option group, confirm dialog) with Slack's
 * length limits. Schemas are strict, so a misspelled field fails as Slack's
 * "invalid additional property" does.
 */

export const maxTextLength = 3000;

export function plainText(maxLength: number) {
  return z.strictObject({
    type: z.literal('plain_text'),
    text: z.string().min(1).max(maxLength),
    emoji: z.boolean().optional(),
  });
}

export function mrkdwnText(maxLength: number) {
  return z.strictObject({
    type: z.literal('mrkdwn'),
    text: z.string().min(1).max(maxLength),
    verbatim: z.boolean().optional(),
  });
}

export function textObject(maxLength: number) {
  return z.discriminatedUnion('type', [plainText(maxLength), mrkdwnText(maxLength)]);
}

const optionTextLength = 75;
const optionValueLength = 150;

/** Option object of selects and overflow menus, whose text must be plain_text. */
export const plainOption = z.strictObject({
  text: plainText(optionTextLength),
  value: z.string().max(optionValueLength),
  description: plainText(optionTextLength).optional(),
});

/** Overflow menu options may also carry a `url`. */
export const overflowOption = plainOption.extend({ url: z.string().max(3000).optional() });

/** Option object of checkboxes and radio buttons, where mrkdwn text is allowed. */
export const choiceOption = z.strictObject({
  text: textObject(optionTextLength),
  value: z.string().max(optionValueLength),
  description: textObject(optionTextLength).optional(),
});

export const optionGroup = z.strictObject({
  label: plainText(optionTextLength),
  options: z.array(plainOption).min(1).max(100),
});

export const confirmDialog = z.strictObject({
  title: plainText(100).optional(),
  text: textObject(300),
  confirm: plainText(30).optional(),
  deny: plainText(30).optional(),
  style: z.enum(['primary', 'danger']).optional(),
});

export const dispatchActionConfig = z.strictObject({
  trigger_actions_on: z
    .array(z.enum(['on_enter_pressed', 'on_character_entered']))
    .min(1)
    .optional(),
});

export const placeholder = plainText(150);

export const actionId = z.string().min(1).max(255);

export type PlainOption = z.infer<typeof plainOption>;
