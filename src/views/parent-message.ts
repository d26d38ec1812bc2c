import type { KnownBlock } from '@slack/types';
import { codeSpan, escapeMrkdwn, formatDuration, truncate } from './mrkdwn.js';
import { statusEmoji } from './status-style.js';
import type { TrackedResourceViewModel } from './tracked-resource-view-model.js';

export interface SlackMessageContent {
  text: string;
  blocks: KnownBlock[];
}

/** Builds the channel message that heads a resource's thread: who, what, status, key fields. */
export function buildParentMessage(model: TrackedResourceViewModel): SlackMessageContent {
  const status = `${statusEmoji(model.statusClass)} *${escapeMrkdwn(model.status)}*`;
  const heading = `*${model.title}* ${codeSpan(model.name)}  ${status}`;
  const facts = [
    `Requested by <@${model.requesterId}>`,
    model.resourceId ? `id ${codeSpan(model.resourceId)}` : undefined,
    `elapsed ${formatDuration(model.elapsedSeconds)}`,
  ].filter((fact) => fact !== undefined);
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: truncate(heading, 3000) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(facts.join(' · '), 3000) }] },
  ];
  const fields = model.summary.slice(0, 10).map((field) => ({
    type: 'mrkdwn' as const,
    text: truncate(`*${escapeMrkdwn(field.label)}*\n${escapeMrkdwn(field.value)}`, 2000),
  }));
  if (fields.length > 0) {
    blocks.push({ type: 'section', fields });
  }
  if (model.progress.length > 0) {
    const progress = model.progress
      .slice(0, 10)
      .map((field) => `${escapeMrkdwn(field.label)} *${escapeMrkdwn(field.value)}*`)
      .join(' · ');
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(progress, 3000) }],
    });
  }
  if (model.failureReason) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(`:warning: ${escapeMrkdwn(model.failureReason)}`, 3000),
      },
    });
  }
  const text = truncate(
    `${model.title} ${escapeMrkdwn(model.name)}: ${escapeMrkdwn(model.status)} (requested by <@${model.requesterId}>)`,
    3000,
  );
  return { text, blocks };
}
