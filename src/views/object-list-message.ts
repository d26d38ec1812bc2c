import type { KnownBlock } from '@slack/types';
import type { StoredObject } from '../api/object-listing.js';
import { codeSpan, escapeMrkdwn, truncate } from './mrkdwn.js';
import { cutMiddle, formatByteSize, formatListingTime } from './storage-formatting.js';

/** Prefix of the `action_id`s of the page buttons under an object list. */
export const OBJECT_PAGE_ACTION_ID = 'easymaker:storage:page';
/** Objects per page: one section each, well under Slack's 50 blocks per message. */
export const OBJECT_PAGE_SIZE = 20;

/** Slack's limit on a button `value`, in characters. */
const MAX_BUTTON_VALUE_LENGTH = 2000;
/** Maximum length of an object name in a row; longer names are cut in the middle. */
const MAX_NAME_LENGTH = 200;
/** Maximum length of the URI in the heading. */
const MAX_URI_LENGTH = 300;
const SECTION_LIMIT = 3000;

/**
 * One page of a listing as a page button carries it, so the page can be fetched again without
 * state on the server. Markers are object names after which Swift starts the listing.
 */
export interface ObjectPageReference {
  /** The listed `obs://` URI: container and prefix. */
  uri: string;
  /** Page number from 0. */
  page: number;
  /** Marker of this page: `''` for the first page. */
  marker: string;
  /**
   * Markers of the pages before this one, oldest first. Older entries are dropped when the
   * button value would pass Slack's 2000 characters; Previous then offers the first page.
   */
  back: string[];
}

export interface ObjectListInput {
  reference: ObjectPageReference;
  /** The prefix the URI lists; markers are stored in buttons without it. */
  prefix: string;
  /** At most `OBJECT_PAGE_SIZE` objects of this page. */
  objects: readonly StoredObject[];
  /** Marker of the next page; undefined on the last page. */
  nextMarker?: string;
}

export interface ObjectListMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Builds one page of an Object Storage listing with Previous and Next buttons. */
export function buildObjectListMessage(input: ObjectListInput): ObjectListMessage {
  const { reference, objects } = input;
  const shownUri = codeSpan(cutMiddle(reference.uri, MAX_URI_LENGTH));
  const first = reference.page * OBJECT_PAGE_SIZE + 1;
  const heading =
    objects.length === 0
      ? `*${reference.page === 0 ? 'No objects' : 'No more objects'}* under ${shownUri}.`
      : `*Objects under* ${shownUri}\nPage ${reference.page + 1} · objects ${first}–${first + objects.length - 1}`;
  const blocks: KnownBlock[] = [section(heading)];
  for (const object of objects) {
    const name = codeSpan(cutMiddle(object.name, MAX_NAME_LENGTH));
    const details = `${formatByteSize(object.bytes)} · modified ${escapeMrkdwn(formatListingTime(object.lastModified))}`;
    blocks.push(section(`${name}\n${details}`));
  }

  const buttons = pageButtons(input);
  if (buttons.length > 0) {
    blocks.push({ type: 'actions', block_id: 'easymaker:storage:pages', elements: buttons });
  }
  if (buttons.length < expectedButtonCount(input)) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'Names here are too long to page through in Slack; list a longer prefix.',
        },
      ],
    });
  }
  const text = heading.replaceAll('*', '').replace('\n', ' · ');
  return { text: truncate(text, SECTION_LIMIT), blocks };
}

/** Restores the markers of a page button value written by `buildObjectListMessage`. */
export function expandPageMarkers(
  stored: { marker: string; back: string[] },
  prefix: string,
): { marker: string; back: string[] } {
  const expand = (suffix: string) => (suffix === '' ? '' : `${prefix}${suffix}`);
  return { marker: expand(stored.marker), back: stored.back.map(expand) };
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SECTION_LIMIT) } };
}

function expectedButtonCount(input: ObjectListInput): number {
  return (input.reference.page > 0 ? 1 : 0) + (input.nextMarker !== undefined ? 1 : 0);
}

function pageButtons(input: ObjectListInput) {
  const { reference, prefix, nextMarker } = input;
  const buttons = [];
  if (reference.page > 0) {
    const previousMarker = reference.back.at(-1);
    const button =
      previousMarker === undefined
        ? pageButton('first', 'First page', { ...reference, page: 0, marker: '', back: [] }, prefix)
        : pageButton(
            'previous',
            'Previous',
            {
              ...reference,
              page: reference.page - 1,
              marker: previousMarker,
              back: reference.back.slice(0, -1),
            },
            prefix,
          );
    if (button !== undefined) {
      buttons.push(button);
    }
  }
  if (nextMarker !== undefined) {
    const next: ObjectPageReference = {
      uri: reference.uri,
      page: reference.page + 1,
      marker: nextMarker,
      back: [...reference.back, reference.marker],
    };
    const button = pageButton('next', 'Next', next, prefix);
    if (button !== undefined) {
      buttons.push(button);
    }
  }
  return buttons;
}

/**
 * Builds a page button, dropping the oldest `back` markers until the value fits Slack's limit.
 * Returns undefined when even the URI and the marker alone do not fit.
 */
function pageButton(name: string, label: string, reference: ObjectPageReference, prefix: string) {
  // Every listed name starts with the prefix, so a marker is stored without it. The marker ''
  // of the first page stays ''. A name equal to the prefix sorts first, so it is never the
  // last name of a full page and never a marker.
  const shorten = (marker: string) => marker.slice(prefix.length);
  let back = reference.back.map(shorten);
  for (;;) {
    const value = JSON.stringify({
      uri: reference.uri,
      page: reference.page,
      marker: shorten(reference.marker),
      back,
    });
    if (value.length <= MAX_BUTTON_VALUE_LENGTH) {
      return {
        type: 'button' as const,
        action_id: `${OBJECT_PAGE_ACTION_ID}:${name}`,
        text: { type: 'plain_text' as const, text: label },
        value,
      };
    }
    if (back.length === 0) {
      return undefined;
    }
    back = back.slice(1);
  }
}
