import type { KnownBlock } from '@slack/types';
import type { AnyDescription } from '../resources/index.js';
import { classifyStatus } from '../resources/status-class.js';
import { codeSpan, escapeMrkdwn, truncate } from './mrkdwn.js';
import { statusEmoji } from './status-style.js';

/** Builds the ephemeral details of one resource, for `show`. */
export function buildResourceDetailsMessage(
  description: AnyDescription,
  resource: unknown,
): { text: string; blocks: KnownBlock[] } {
  const status = description.statusOf(resource);
  const statusClass = classifyStatus(status, description.statuses);
  const heading = `*${description.title}* ${codeSpan(description.nameOf(resource))} ${codeSpan(description.idOf(resource))}  ${statusEmoji(statusClass)} *${escapeMrkdwn(status)}*`;
  const fields = [
    ...(description.progressOf?.(resource) ?? []),
    ...description.summarizeResult(resource),
  ];
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: truncate(heading, 3000) } },
  ];
  for (let start = 0; start < Math.min(fields.length, 40); start += 10) {
    blocks.push({
      type: 'section',
      fields: fields.slice(start, start + 10).map((field) => ({
        type: 'mrkdwn' as const,
        text: truncate(`*${escapeMrkdwn(field.label)}*\n${escapeMrkdwn(field.value)}`, 2000),
      })),
    });
  }
  return { text: truncate(heading.replaceAll('*', ''), 3000), blocks };
}
