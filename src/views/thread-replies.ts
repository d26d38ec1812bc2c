import type { KnownBlock } from '@slack/types';
import type { SummaryField } from '../resources/resource-description.js';
import { classifyStatus, type StatusLists } from '../resources/status-class.js';
import { codeSpan, escapeMrkdwn, formatDuration, truncate } from './mrkdwn.js';
import type { SlackMessageContent } from './parent-message.js';
import { statusEmoji } from './status-style.js';
import type { TrackedResourceViewModel } from './tracked-resource-view-model.js';

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } };
}

/** Builds the threaded reply for a status change while the resource is going. */
export function buildStatusReply(
  model: TrackedResourceViewModel,
  statuses: StatusLists,
): SlackMessageContent {
  const statusClass = classifyStatus(model.status, statuses);
  const text = `${statusEmoji(statusClass)} Status *${escapeMrkdwn(model.status)}* · elapsed ${formatDuration(model.elapsedSeconds)}`;
  return { text: truncate(text, 3000), blocks: [section(text)] };
}

/** Builds the threaded reply when tracking begins, for a resource created here or watched. */
export function buildCreatedReply(
  model: TrackedResourceViewModel,
  origin: 'created' | 'watched' = 'created',
): SlackMessageContent {
  const text =
    origin === 'created'
      ? `:rocket: Created ${model.noun} ${codeSpan(model.name)} with id ${codeSpan(model.resourceId ?? '-')}. Tracking it until it ends.`
      : `:eyes: Watching ${model.noun} ${codeSpan(model.name)} (id ${codeSpan(model.resourceId ?? '-')}) until it ends.`;
  return { text: truncate(text, 3000), blocks: [section(text)] };
}

/** Builds the last reply of a thread; it mentions the requester. */
export function buildFinalReply(
  model: TrackedResourceViewModel,
  result: SummaryField[],
): SlackMessageContent {
  const duration =
    model.runSeconds === undefined
      ? formatDuration(model.elapsedSeconds)
      : `${formatDuration(model.elapsedSeconds)} (ran ${formatDuration(model.runSeconds)})`;
  const name = codeSpan(model.name);
  let text: string;
  switch (model.statusClass) {
    case 'success':
      // Jobs end in COMPLETE; long-lived resources (models, endpoints) become ready instead.
      text =
        model.status === 'COMPLETE'
          ? `${statusEmoji('success')} <@${model.requesterId}> ${model.noun} ${name} completed (*COMPLETE*) after ${duration}.`
          : `${statusEmoji('success')} <@${model.requesterId}> ${model.noun} ${name} is ready (*${escapeMrkdwn(model.status)}*) after ${duration}.`;
      break;
    case 'stopped':
      text = `${statusEmoji('stopped')} <@${model.requesterId}> ${model.noun} ${name} was stopped (*${escapeMrkdwn(model.status)}*) after ${duration}.`;
      break;
    default:
      text = `${statusEmoji('failure')} <@${model.requesterId}> ${model.noun} ${name} failed with *${escapeMrkdwn(model.status)}* after ${duration}.`;
  }
  if (model.failureReason) {
    text += `\n${escapeMrkdwn(model.failureReason)}`;
  }
  const blocks: KnownBlock[] = [section(text)];
  const fields = result.slice(0, 10).map((field) => ({
    type: 'mrkdwn' as const,
    text: truncate(`*${escapeMrkdwn(field.label)}*\n${escapeMrkdwn(field.value)}`, 2000),
  }));
  if (fields.length > 0) {
    blocks.push({ type: 'section', fields });
  }
  return { text: truncate(text, 3000), blocks };
}

/** Builds the alert posted in the alerts channel when a resource fails. */
export function buildFailureAlert(
  model: TrackedResourceViewModel,
  threadLink: string | undefined,
  channelId: string,
): SlackMessageContent {
  const id = model.resourceId ? ` (${codeSpan(model.resourceId)})` : '';
  const where = threadLink
    ? `<${threadLink}|Open the thread>`
    : `See the thread in <#${channelId}>`;
  const text = `:rotating_light: ${model.title} ${codeSpan(model.name)}${id} failed with *${escapeMrkdwn(model.status)}*. Requested by <@${model.requesterId}>. ${where}`;
  const lines = [text];
  if (model.failureReason) {
    lines.push(`> ${escapeMrkdwn(model.failureReason)}`);
  }
  return { text: truncate(text, 3000), blocks: [section(lines.join('\n'))] };
}
