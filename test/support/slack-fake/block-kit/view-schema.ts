import { z } from 'zod';
import { viewBlocks } from './block-schemas.js';
import { plainText } from './composition-schemas.js';

/** Modal view object accepted by `views.open`, `views.update` and `views.push`. */
export const modalView = z
  .strictObject({
    type: z.literal('modal'),
    title: plainText(24),
    blocks: viewBlocks,
    close: plainText(24).optional(),
    submit: plainText(24).optional(),
    private_metadata: z.string().max(3000).optional(),
    callback_id: z.string().max(255).optional(),
    external_id: z.string().min(1).max(255).optional(),
    clear_on_close: z.boolean().optional(),
    notify_on_close: z.boolean().optional(),
    submit_disabled: z.boolean().optional(),
  })
  .superRefine((view, context) => {
    const hasInput = view.blocks.some((block) => block.type === 'input');
    if (hasInput && view.submit === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['submit'],
        message: 'must provide submit when the view contains input blocks',
      });
    }
  });

export type ModalView = z.infer<typeof modalView>;

/**
 * Size limit of a view payload in bytes (`view_too_large` above it).
 * NOTE: Slack states "250 kB"; whether that means 250,000 or 256,000 bytes is assumed.
 */
export const maxViewBytes = 250_000;
