import { z } from 'zod';
import {
  actionId,
  choiceOption,
  confirmDialog,
  optionGroup,
  placeholder,
  plainOption,
} from './composition-schemas.js';

/** Block Kit select menus, checkboxes and radio buttons. */

interface OptionLike {
  text: { text: string };
  value: string;
}

interface StaticOptionsElement {
  options?: OptionLike[] | undefined;
  option_groups?: { options: OptionLike[] }[] | undefined;
  initial_option?: OptionLike | undefined;
  initial_options?: OptionLike[] | undefined;
}

function allOptions(element: StaticOptionsElement): OptionLike[] {
  const grouped = (element.option_groups ?? []).flatMap((group) => group.options);
  return [...(element.options ?? []), ...grouped];
}

/**
 * Adds an issue for each initial option that is not one of the element's options.
 * NOTE: Slack rejects such initial options in practice; the exact error text is assumed.
 */
function checkInitialOptions(element: StaticOptionsElement, context: z.RefinementCtx): void {
  const known = allOptions(element);
  const matches = (option: OptionLike) =>
    known.some(
      (candidate) => candidate.value === option.value && candidate.text.text === option.text.text,
    );
  if (element.initial_option !== undefined && !matches(element.initial_option)) {
    context.addIssue({
      code: 'custom',
      path: ['initial_option'],
      message: 'must match one of the provided options',
    });
  }
  (element.initial_options ?? []).forEach((option, index) => {
    if (!matches(option)) {
      context.addIssue({
        code: 'custom',
        path: ['initial_options', index],
        message: 'must match one of the provided options',
      });
    }
  });
}

function checkOptionsOrGroups(element: StaticOptionsElement, context: z.RefinementCtx): void {
  const hasOptions = element.options !== undefined;
  const hasGroups = element.option_groups !== undefined;
  if (hasOptions === hasGroups) {
    context.addIssue({
      code: 'custom',
      path: [],
      message: 'must provide exactly one of options or option_groups',
    });
  }
  checkInitialOptions(element, context);
}

const selectCommon = {
  action_id: actionId.optional(),
  confirm: confirmDialog.optional(),
  focus_on_load: z.boolean().optional(),
  placeholder: placeholder.optional(),
};

const multiCommon = { ...selectCommon, max_selected_items: z.number().int().min(1).optional() };

const conversationFilter = z.strictObject({
  include: z
    .array(z.enum(['im', 'mpim', 'private', 'public']))
    .min(1)
    .optional(),
  exclude_external_shared_channels: z.boolean().optional(),
  exclude_bot_users: z.boolean().optional(),
});

export const staticSelect = z
  .strictObject({
    type: z.literal('static_select'),
    ...selectCommon,
    options: z.array(plainOption).min(1).max(100).optional(),
    option_groups: z.array(optionGroup).min(1).max(100).optional(),
    initial_option: plainOption.optional(),
  })
  .superRefine(checkOptionsOrGroups);

export const multiStaticSelect = z
  .strictObject({
    type: z.literal('multi_static_select'),
    ...multiCommon,
    options: z.array(plainOption).min(1).max(100).optional(),
    option_groups: z.array(optionGroup).min(1).max(100).optional(),
    initial_options: z.array(plainOption).optional(),
  })
  .superRefine(checkOptionsOrGroups);

export const externalSelect = z.strictObject({
  type: z.literal('external_select'),
  ...selectCommon,
  initial_option: plainOption.optional(),
  min_query_length: z.number().int().min(0).optional(),
});

export const multiExternalSelect = z.strictObject({
  type: z.literal('multi_external_select'),
  ...multiCommon,
  initial_options: z.array(plainOption).optional(),
  min_query_length: z.number().int().min(0).optional(),
});

export const usersSelect = z.strictObject({
  type: z.literal('users_select'),
  ...selectCommon,
  initial_user: z.string().optional(),
});

export const multiUsersSelect = z.strictObject({
  type: z.literal('multi_users_select'),
  ...multiCommon,
  initial_users: z.array(z.string()).optional(),
});

export const conversationsSelect = z.strictObject({
  type: z.literal('conversations_select'),
  ...selectCommon,
  initial_conversation: z.string().optional(),
  default_to_current_conversation: z.boolean().optional(),
  response_url_enabled: z.boolean().optional(),
  filter: conversationFilter.optional(),
});

export const multiConversationsSelect = z.strictObject({
  type: z.literal('multi_conversations_select'),
  ...multiCommon,
  initial_conversations: z.array(z.string()).optional(),
  default_to_current_conversation: z.boolean().optional(),
  filter: conversationFilter.optional(),
});

export const channelsSelect = z.strictObject({
  type: z.literal('channels_select'),
  ...selectCommon,
  initial_channel: z.string().optional(),
  response_url_enabled: z.boolean().optional(),
});

export const multiChannelsSelect = z.strictObject({
  type: z.literal('multi_channels_select'),
  ...multiCommon,
  initial_channels: z.array(z.string()).optional(),
});

const choiceCommon = {
  action_id: actionId.optional(),
  confirm: confirmDialog.optional(),
  focus_on_load: z.boolean().optional(),
};

export const checkboxes = z
  .strictObject({
    type: z.literal('checkboxes'),
    ...choiceCommon,
    options: z.array(choiceOption).min(1).max(10),
    initial_options: z.array(choiceOption).optional(),
  })
  .superRefine(checkInitialOptions);

export const radioButtons = z
  .strictObject({
    type: z.literal('radio_buttons'),
    ...choiceCommon,
    options: z.array(choiceOption).min(1).max(10),
    initial_option: choiceOption.optional(),
  })
  .superRefine(checkInitialOptions);

/** Every select menu type, in the order Slack's docs list them. */
export const selectMenus = [
  staticSelect,
  multiStaticSelect,
  externalSelect,
  multiExternalSelect,
  usersSelect,
  multiUsersSelect,
  conversationsSelect,
  multiConversationsSelect,
  channelsSelect,
  multiChannelsSelect,
] as const;
