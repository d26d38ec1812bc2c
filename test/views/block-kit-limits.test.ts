import { describe, expect, it } from 'vitest';
import type { CreatableDescription } from '../../src/resources/index.js';
import type { LookupItem } from '../../src/resources/resource-description.js';
import { trainingDescription } from '../../src/resources/training.js';
import { buildCreateModal, buildLoadingModal } from '../../src/views/create-form-modal.js';
import { buildParentMessage } from '../../src/views/parent-message.js';
import {
  buildCreatedReply,
  buildFailureAlert,
  buildFinalReply,
  buildStatusReply,
} from '../../src/views/thread-replies.js';
import type { TrackedResourceViewModel } from '../../src/views/tracked-resource-view-model.js';
import {
  validateMessageBlocks,
  validateModalView,
} from '../support/slack-fake/block-kit/validate.js';

const description = trainingDescription as unknown as CreatableDescription;
const huge = 'x'.repeat(5000);

function items(count: number, name: (index: number) => string): LookupItem[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `id${String(index).padStart(10, '0')}`,
    name: name(index),
    detail: huge,
  }));
}

const model: TrackedResourceViewModel = {
  noun: 'training',
  title: 'Training',
  name: huge,
  resourceId: huge,
  requesterId: 'U0ALICE',
  status: 'RUNNING',
  statusClass: 'going',
  elapsedSeconds: 3725,
  runSeconds: 12,
  summary: Array.from({ length: 25 }, (_, index) => ({ label: `${huge}${index}`, value: huge })),
  progress: Array.from({ length: 25 }, (_, index) => ({ label: `${huge}${index}`, value: huge })),
  failureReason: huge,
};

describe('views within Block Kit limits', () => {
  it('keeps the create modal valid with long names and few choices', () => {
    const view = buildCreateModal({
      description,
      draftId: 'draft',
      channelName: huge,
      lookups: {
        image: items(100, (index) => `${huge}${index}`),
        flavor: items(3, () => huge),
        experiment: items(1, () => huge),
        algorithm: [],
      },
      prefill: { training_name: huge, image_name: { id: 'id0000000005' }, use_log: true },
      notices: Array.from({ length: 50 }, () => ({ parameter: huge, message: huge })),
    });
    expect(validateModalView(view)).toEqual([]);
  });

  it('switches to an external select above 100 choices', () => {
    const view = buildCreateModal({
      description,
      draftId: 'draft',
      lookups: {
        image: items(101, (index) => `image ${index}`),
        flavor: items(500, (index) => `f${index}`),
      },
      prefill: {},
    });
    expect(validateModalView(view)).toEqual([]);
    const image = view.blocks.find((block) => block.block_id === 'image_name');
    expect(image?.type).toBe('input');
    expect(JSON.stringify(image)).toContain('"type":"external_select"');
  });

  it('keeps the loading modal valid', () => {
    expect(validateModalView(buildLoadingModal(description))).toEqual([]);
  });

  it('keeps every message valid whatever the data', () => {
    const contents = [
      buildParentMessage(model),
      buildStatusReply(model, description.statuses),
      buildCreatedReply(model),
      buildFinalReply({ ...model, statusClass: 'failure' }, model.summary),
      buildFailureAlert(model, `https://example.slack.com/${huge}`, 'C0GENERAL'),
    ];
    for (const content of contents) {
      expect(validateMessageBlocks(content.blocks)).toEqual([]);
      expect(content.text.length).toBeLessThanOrEqual(4000);
    }
  });
});
