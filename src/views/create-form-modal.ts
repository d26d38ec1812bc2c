import type { KnownBlock, ModalView, Option, PlainTextOption } from '@slack/types';
import type { AnyDescription, CreatableDescription } from '../resources/index.js';
import type {
  FieldIssue,
  LookupItem,
  LookupSnapshot,
  ParameterDescription,
} from '../resources/resource-description.js';
import { escapeMrkdwn, truncate } from './mrkdwn.js';

/** `callback_id` of a create modal; the kind follows the prefix. */
export const CREATE_MODAL_CALLBACK_PREFIX = 'easymaker:create:';
/** `action_id` of the element inside every input block; the block id is the parameter name. */
export const FIELD_ACTION_ID = 'value';
/** Slack allows at most 100 options in a static select; longer lists use an external select. */
export const MAX_STATIC_OPTIONS = 100;

/** Values to show in the form: text, `{ id }` for selects, booleans for checkboxes. */
export type FormPrefill = Record<string, string | boolean | { id: string } | undefined>;

export interface CreateModalInput {
  description: CreatableDescription;
  draftId: string;
  channelName?: string;
  lookups: LookupSnapshot;
  prefill: FormPrefill;
  /** Issues found in the inline arguments, shown above the form. */
  notices?: FieldIssue[];
}

export function createModalCallbackId(kind: string): string {
  return `${CREATE_MODAL_CALLBACK_PREFIX}${kind}`;
}

/** Builds the "Create <resource>" modal with one input block per SDK parameter. */
export function buildCreateModal(input: CreateModalInput): ModalView {
  const { description } = input;
  const intro = `Fields follow the EasyMaker SDK. The ${description.noun} is tracked in a thread${
    input.channelName ? ` in #${escapeMrkdwn(input.channelName)}` : ''
  }.`;
  const blocks: KnownBlock[] = [
    { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(intro, 3000) }] },
  ];
  if (input.notices && input.notices.length > 0) {
    const lines = input.notices.map(
      (notice) => `• \`${notice.parameter}\` ${escapeMrkdwn(notice.message)}`,
    );
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(`:warning: ${lines.join('\n')}`, 3000) },
    });
  }
  for (const parameter of description.create.parameters) {
    blocks.push(buildInputBlock(parameter, input));
  }
  return {
    type: 'modal',
    callback_id: createModalCallbackId(description.kind),
    private_metadata: JSON.stringify({ draftId: input.draftId }),
    title: { type: 'plain_text', text: truncate(`Create ${description.noun}`, 24) },
    submit: { type: 'plain_text', text: 'Create' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}

/** Builds the placeholder modal opened at once, before the live lookups are loaded. */
export function buildLoadingModal(description: AnyDescription): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: truncate(`Create ${description.noun}`, 24) },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: ':hourglass_flowing_sand: Loading images, instance types and experiments from EasyMaker…',
        },
      },
    ],
  };
}

/** Builds the modal shown when the live lookups could not be loaded. */
export function buildLookupFailedModal(description: AnyDescription, reference: string): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: truncate(`Create ${description.noun}`, 24) },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `:warning: Could not load the choices from EasyMaker, so the form cannot open. Try again in a minute. (reference \`${reference}\`)`,
        },
      },
    ],
  };
}

function buildInputBlock(parameter: ParameterDescription, input: CreateModalInput): KnownBlock {
  const label = { type: 'plain_text' as const, text: truncate(parameter.label, 2000) };
  const hint = { type: 'plain_text' as const, text: truncate(parameter.hint, 2000) };
  const prefill = input.prefill[parameter.name];
  const common = {
    type: 'input' as const,
    block_id: parameter.name,
    label,
    hint,
    optional: parameter.optional,
  };
  const control = parameter.control;
  switch (control.type) {
    case 'text': {
      const text = typeof prefill === 'string' ? truncate(prefill, control.maxLength) : undefined;
      return {
        ...common,
        element: {
          type: 'plain_text_input',
          action_id: FIELD_ACTION_ID,
          multiline: control.multiline ?? false,
          max_length: Math.min(control.maxLength, 3000),
          ...(control.placeholder
            ? { placeholder: { type: 'plain_text', text: truncate(control.placeholder, 150) } }
            : {}),
          ...(text ? { initial_value: text } : {}),
        },
      };
    }
    case 'number': {
      const digits = typeof prefill === 'string' ? prefill.trim().replace(/^\+/, '') : '';
      const text = /^\d{1,9}$/.test(digits) ? digits : undefined;
      // NOTE: min_value/max_value are left out on purpose: Slack's client would then refuse
      // the value with its own generic text, and the published range would not be shown.
      return {
        ...common,
        element: {
          type: 'number_input',
          action_id: FIELD_ACTION_ID,
          is_decimal_allowed: false,
          ...(text ? { initial_value: text } : {}),
        },
      };
    }
    case 'checkbox': {
      const option: Option = { text: { type: 'plain_text', text: 'Yes' }, value: 'true' };
      return {
        ...common,
        optional: true,
        element: {
          type: 'checkboxes',
          action_id: FIELD_ACTION_ID,
          options: [option],
          ...(prefill === true ? { initial_options: [option] } : {}),
        },
      };
    }
    case 'choice': {
      const options = control.choices.map((choice) => plainOption(choice.label, choice.value));
      const initial = options.find((option) => option.value === prefill);
      return {
        ...common,
        element: {
          type: 'static_select',
          action_id: FIELD_ACTION_ID,
          options,
          ...(initial ? { initial_option: initial } : {}),
        },
      };
    }
    case 'file':
      // Slack offers no initial value for a file input, so a prefilled file id is not shown.
      return {
        ...common,
        element: {
          type: 'file_input',
          action_id: FIELD_ACTION_ID,
          filetypes: [...control.filetypes],
          max_files: 1,
        },
      };
    case 'lookup': {
      const items = input.lookups[control.lookup] ?? [];
      const selectedId = typeof prefill === 'object' && prefill !== null ? prefill.id : undefined;
      const selected = items.find((item) => item.id === selectedId);
      const initial = selected ? lookupOption(selected) : undefined;
      const placeholder = {
        type: 'plain_text' as const,
        text: truncate(`Choose ${parameter.label.toLowerCase()}`, 150),
      };
      if (items.length > MAX_STATIC_OPTIONS) {
        return {
          ...common,
          element: {
            type: 'external_select',
            action_id: FIELD_ACTION_ID,
            min_query_length: 0,
            placeholder,
            ...(initial ? { initial_option: initial } : {}),
          },
        };
      }
      if (items.length === 0) {
        return {
          type: 'section',
          block_id: parameter.name,
          text: {
            type: 'mrkdwn',
            text: `*${escapeMrkdwn(parameter.label)}*: none available in this project.`,
          },
        };
      }
      return {
        ...common,
        element: {
          type: 'static_select',
          action_id: FIELD_ACTION_ID,
          placeholder,
          options: items.map(lookupOption),
          ...(initial ? { initial_option: initial } : {}),
        },
      };
    }
  }
}

function plainOption(text: string, value: string): PlainTextOption {
  return { text: { type: 'plain_text', text: truncate(text, 75) }, value };
}

/** A select option for a lookup item: its name as text, its id as value. */
export function lookupOption(item: LookupItem): PlainTextOption {
  const option = plainOption(item.name, item.id);
  if (item.detail) {
    option.description = { type: 'plain_text', text: truncate(item.detail, 75) };
  }
  return option;
}
