import { z } from 'zod';
import { maxTextLength, mrkdwnText, plainText, textObject } from './composition-schemas.js';
import { actionsElement, imageElement, inputElement, sectionAccessory } from './element-schemas.js';

/** Block Kit layout blocks with the limits Slack enforces on messages and modals. */

const blockId = z.string().min(1).max(255);

export const maxMessageBlocks = 50;
export const maxViewBlocks = 100;

function checkUniqueActionIds(
  block: { elements: { action_id?: string }[] },
  context: z.RefinementCtx,
) {
  const seen = new Set<string>();
  block.elements.forEach((element, index) => {
    const id = element.action_id;
    if (id === undefined) {
      return;
    }
    if (seen.has(id)) {
      context.addIssue({
        code: 'custom',
        path: ['elements', index, 'action_id'],
        message: `duplicate action_id: ${id}`,
      });
    }
    seen.add(id);
  });
}

const sectionBlock = z
  .strictObject({
    type: z.literal('section'),
    block_id: blockId.optional(),
    text: textObject(maxTextLength).optional(),
    fields: z.array(textObject(2000)).min(1).max(10).optional(),
    accessory: sectionAccessory.optional(),
    expand: z.boolean().optional(),
  })
  .superRefine((block, context) => {
    if (block.text === undefined && block.fields === undefined) {
      context.addIssue({ code: 'custom', path: [], message: 'must provide text or fields' });
    }
  });

const dividerBlock = z.strictObject({ type: z.literal('divider'), block_id: blockId.optional() });

const headerBlock = z.strictObject({
  type: z.literal('header'),
  block_id: blockId.optional(),
  text: plainText(150),
});

const imageBlock = z
  .strictObject({
    type: z.literal('image'),
    block_id: blockId.optional(),
    alt_text: z.string().min(1).max(2000),
    image_url: z.string().min(1).max(3000).optional(),
    slack_file: z
      .union([z.strictObject({ url: z.string() }), z.strictObject({ id: z.string() })])
      .optional(),
    title: plainText(2000).optional(),
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

const actionsBlock = z
  .strictObject({
    type: z.literal('actions'),
    block_id: blockId.optional(),
    elements: z.array(actionsElement).min(1).max(25),
  })
  .superRefine(checkUniqueActionIds);

const contextBlock = z.strictObject({
  type: z.literal('context'),
  block_id: blockId.optional(),
  elements: z
    .array(
      z.discriminatedUnion('type', [
        imageElement,
        plainText(maxTextLength),
        mrkdwnText(maxTextLength),
      ]),
    )
    .min(1)
    .max(10),
});

const inputBlock = z.strictObject({
  type: z.literal('input'),
  block_id: blockId.optional(),
  label: plainText(2000),
  element: inputElement,
  hint: plainText(2000).optional(),
  optional: z.boolean().optional(),
  dispatch_action: z.boolean().optional(),
});

const markdownBlock = z.strictObject({
  type: z.literal('markdown'),
  block_id: blockId.optional(),
  text: z.string().min(1),
});

const richTextBlock = z.strictObject({
  type: z.literal('rich_text'),
  block_id: blockId.optional(),
  elements: z
    .array(
      z.looseObject({
        type: z.enum([
          'rich_text_section',
          'rich_text_list',
          'rich_text_quote',
          'rich_text_preformatted',
        ]),
        elements: z.array(z.looseObject({ type: z.string() })),
      }),
    )
    .min(1),
});

const videoBlock = z.strictObject({
  type: z.literal('video'),
  block_id: blockId.optional(),
  alt_text: z.string().min(1),
  title: plainText(200),
  video_url: z.string().min(1),
  thumbnail_url: z.string().min(1),
  title_url: z.string().optional(),
  author_name: z.string().max(50).optional(),
  provider_name: z.string().optional(),
  provider_icon_url: z.string().optional(),
  description: plainText(200).optional(),
});

const fileBlock = z.strictObject({
  type: z.literal('file'),
  block_id: blockId.optional(),
  external_id: z.string().min(1),
  source: z.literal('remote'),
});

function checkUniqueBlockIds(
  blocks: { block_id?: string | undefined }[],
  context: z.RefinementCtx,
) {
  const seen = new Set<string>();
  blocks.forEach((block, index) => {
    if (block.block_id === undefined) {
      return;
    }
    if (seen.has(block.block_id)) {
      context.addIssue({
        code: 'custom',
        path: [index, 'block_id'],
        message: `duplicate block_id: ${block.block_id}`,
      });
    }
    seen.add(block.block_id);
  });
}

const commonBlocks = [
  sectionBlock,
  dividerBlock,
  headerBlock,
  imageBlock,
  actionsBlock,
  contextBlock,
  inputBlock,
  richTextBlock,
  videoBlock,
] as const;

/** Blocks of a message: every common block plus `markdown` and `file`, which are messages only. */
export const messageBlocks = z
  .array(z.discriminatedUnion('type', [...commonBlocks, markdownBlock, fileBlock]))
  .max(maxMessageBlocks)
  .superRefine(checkUniqueBlockIds);

/** Blocks of a modal view. */
export const viewBlocks = z
  .array(z.discriminatedUnion('type', [...commonBlocks]))
  .max(maxViewBlocks)
  .superRefine(checkUniqueBlockIds);
