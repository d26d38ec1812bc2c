import type { KnownBlock } from '@slack/types';
import type { ListableDescription } from '../resources/resource-description.js';
import { codeSpan, escapeMrkdwn, truncate } from './mrkdwn.js';

/** `action_id` of the Previous and Next buttons under a list. */
export const LIST_PAGE_ACTION_ID = 'easymaker:list:page';
/** Rows per page: one section each, well under Slack's 50 blocks per message. */
export const LIST_PAGE_SIZE = 20;

/** What a page button carries, so the next page can be fetched without server-side state. */
export interface ListPageReference {
  kind: string;
  page: number;
  /** The filter the list needs, such as an endpoint id for stages. */
  filter?: string;
}

export interface ListMessageInput {
  description: ListableDescription;
  resources: readonly unknown[];
  page: number;
  filter?: string;
}

export interface ListMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Builds one page of a resource list with Previous and Next buttons. */
export function buildResourceListMessage(input: ListMessageInput): ListMessage {
  const { description, resources } = input;
  const pageCount = Math.max(1, Math.ceil(resources.length / LIST_PAGE_SIZE));
  const page = Math.min(Math.max(0, input.page), pageCount - 1);
  const rows = resources.slice(page * LIST_PAGE_SIZE, (page + 1) * LIST_PAGE_SIZE);
  const title = `${description.title} list`;
  const heading =
    resources.length === 0
      ? `*${title}*: none found.`
      : `*${title}*: ${resources.length} found · page ${page + 1} of ${pageCount}`;
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: truncate(heading, 3000) } },
  ];
  for (const resource of rows) {
    const columns = description.list.columns
      .map((column) => `${escapeMrkdwn(column.label)}: ${escapeMrkdwn(column.value(resource))}`)
      .join(' · ');
    const line = `${codeSpan(truncate(description.nameOf(resource), 100))}  ${codeSpan(description.idOf(resource))}\n${columns}`;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(line, 3000) } });
  }
  const buttons = [];
  if (page > 0) {
    buttons.push(
      pageButton('Previous', { kind: description.kind, page: page - 1, ...filterOf(input) }),
    );
  }
  if (page < pageCount - 1) {
    buttons.push(
      pageButton('Next', { kind: description.kind, page: page + 1, ...filterOf(input) }),
    );
  }
  if (buttons.length > 0) {
    blocks.push({ type: 'actions', block_id: 'easymaker:list:pages', elements: buttons });
  }
  return { text: truncate(heading.replaceAll('*', ''), 3000), blocks };
}

function filterOf(input: ListMessageInput): { filter?: string } {
  return input.filter === undefined ? {} : { filter: input.filter };
}

function pageButton(label: string, reference: ListPageReference) {
  return {
    type: 'button' as const,
    action_id: `${LIST_PAGE_ACTION_ID}:${label.toLowerCase()}`,
    text: { type: 'plain_text' as const, text: label },
    value: JSON.stringify(reference),
  };
}
