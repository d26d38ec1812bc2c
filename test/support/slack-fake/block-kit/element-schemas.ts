import { z } from 'zod';
import {
  actionId,
  confirmDialog,
  dispatchActionConfig,
  overflowOption,
  placeholder,
  plainText,
} from './composition-schemas.js';
import { checkboxes, radioButtons, selectMenus } from './select-schemas.js';

/**
 * Block Kit interactive elements and which of them each container accepts.
 * NOTE: the element types allowed per container follow Slack's Block Kit docs and the unions
 * of `@slack/types` 3.x. They were not checked against Slack's servers.
 */

export const button = z.strictObject({
  type: z.literal('button'),
  action_id: actionId.optional(),
  text: plainText(75),
  value: z.string().max(2000).optional(),
  url: z.string().max(3000).optional(),
  style: z.enum(['primary', 'danger']).optional(),
  confirm: confirmDialog.optional(),
  accessibility_label: z.string().max(75).optional(),
});

export const overflow = z.strictObject({
  type: z.literal('overflow'),
  action_id: actionId.optional(),
  options: z.array(overflowOption).min(2).max(5),
  confirm: confirmDialog.optional(),
});

const pickerCommon = {
  action_id: actionId.optional(),
  confirm: confirmDialog.optional(),
  focus_on_load: z.boolean().optional(),
};

export const datepicker = z.strictObject({
  type: z.literal('datepicker'),
  ...pickerCommon,
  placeholder: placeholder.optional(),
  initial_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

export const datetimepicker = z.strictObject({
  type: z.literal('datetimepicker'),
  ...pickerCommon,
  initial_date_time: z.number().int().optional(),
});

export const timepicker = z.strictObject({
  type: z.literal('timepicker'),
  ...pickerCommon,
  placeholder: placeholder.optional(),
  initial_time: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .optional(),
  timezone: z.string().optional(),
});

const textInputCommon = {
  action_id: actionId.optional(),
  dispatch_action_config: dispatchActionConfig.optional(),
  focus_on_load: z.boolean().optional(),
  placeholder: placeholder.optional(),
};

export const plainTextInput = z
  .strictObject({
    type: z.literal('plain_text_input'),
    ...textInputCommon,
    initial_value: z.string().optional(),
    multiline: z.boolean().optional(),
    min_length: z.number().int().min(0).max(3000).optional(),
    max_length: z.number().int().min(1).max(3000).optional(),
  })
  .superRefine((element, context) => {
    const { min_length: min, max_length: max } = element;
    if (min !== undefined && max !== undefined && min > max) {
      context.addIssue({
        code: 'custom',
        path: ['min_length'],
        message: 'must not exceed max_length',
      });
    }
  });

export const emailInput = z.strictObject({
  type: z.literal('email_text_input'),
  ...textInputCommon,
  initial_value: z.string().optional(),
});

export const urlInput = z.strictObject({
  type: z.literal('url_text_input'),
  ...textInputCommon,
  initial_value: z.string().optional(),
});

export const numberInput = z.strictObject({
  type: z.literal('number_input'),
  ...textInputCommon,
  is_decimal_allowed: z.boolean(),
  initial_value: z.string().optional(),
  min_value: z.string().optional(),
  max_value: z.string().optional(),
});

export const richTextInput = z.strictObject({
  type: z.literal('rich_text_input'),
  ...textInputCommon,
  initial_value: z.looseObject({ type: z.literal('rich_text') }).optional(),
});

export const fileInput = z.strictObject({
  type: z.literal('file_input'),
  action_id: actionId.optional(),
  filetypes: z.array(z.string()).optional(),
  max_files: z.number().int().min(1).max(10).optional(),
});

export const imageElement = z
  .strictObject({
    type: z.literal('image'),
    alt_text: z.string().min(1).max(2000),
    image_url: z.string().min(1).max(3000).optional(),
    slack_file: z
      .union([z.strictObject({ url: z.string() }), z.strictObject({ id: z.string() })])
      .optional(),
  })
  .superRefine((image, context) => {
    if ((image.image_url === undefined) === (image.slack_file === undefined)) {
      context.addIssue({
        code: 'custom',
        path: [],
        message: 'must provide exactly one of image_url or slack_file',
      });
    }
  });

export const workflowButton = z.strictObject({
  type: z.literal('workflow_button'),
  action_id: actionId.optional(),
  text: plainText(75),
  workflow: z.strictObject({ trigger: z.looseObject({ url: z.string() }) }),
  style: z.enum(['primary', 'danger']).optional(),
  accessibility_label: z.string().max(75).optional(),
});

export const actionsElement = z.discriminatedUnion('type', [
  button,
  checkboxes,
  datepicker,
  datetimepicker,
  overflow,
  radioButtons,
  timepicker,
  workflowButton,
  richTextInput,
  ...selectMenus,
]);

export const sectionAccessory = z.discriminatedUnion('type', [
  button,
  checkboxes,
  datepicker,
  imageElement,
  overflow,
  radioButtons,
  timepicker,
  workflowButton,
  ...selectMenus,
]);

export const inputElement = z.discriminatedUnion('type', [
  checkboxes,
  datepicker,
  datetimepicker,
  emailInput,
  fileInput,
  numberInput,
  plainTextInput,
  radioButtons,
  richTextInput,
  timepicker,
  urlInput,
  ...selectMenus,
]);
