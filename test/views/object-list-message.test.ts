import { describe, expect, it } from 'vitest';
import type { StoredObject } from '../../src/api/object-listing.js';
import {
  buildObjectListMessage,
  expandPageMarkers,
  OBJECT_PAGE_SIZE,
  type ObjectPageReference,
} from '../../src/views/object-list-message.js';
import { validateMessageBlocks } from '../support/slack-fake/block-kit/validate.js';

const BASE = 'obs://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_t/bucket';

interface Button {
  action_id: string;
  text: { text: string };
  value: string;
}

function objects(count: number, name: (index: number) => string): StoredObject[] {
  return Array.from({ length: count }, (_, index) => ({
    name: name(index),
    bytes: 1536 * index,
    lastModified: '2025-05-28T04:44:46.123450',
  }));
}

function buttonsOf(blocks: unknown[]): Button[] {
  const actions = blocks.find(
    (block) => (block as { type: string }).type === 'actions',
  ) as unknown as { elements: Button[] } | undefined;
  return actions?.elements ?? [];
}

function pageValue(button: Button | undefined): {
  uri: string;
  page: number;
  marker: string;
  back: string[];
} {
  if (button === undefined) {
    throw new Error('no such button');
  }
  return JSON.parse(button.value);
}

function firstPage(uri: string): ObjectPageReference {
  return { uri, page: 0, marker: '', back: [] };
}

describe('buildObjectListMessage', () => {
  it('shows one row per object with size and time', () => {
    const message = buildObjectListMessage({
      reference: firstPage(`${BASE}/data/`),
      prefix: 'data/',
      objects: objects(3, (index) => `data/part-${index}.csv`),
    });
    expect(message.blocks).toHaveLength(4);
    const texts = JSON.stringify(message.blocks);
    expect(texts).toContain('`data/part-2.csv`');
    expect(texts).toContain('3.0 KB · modified 2025-05-28 04:44:46 UTC');
    expect(message.text).toContain('Page 1 · objects 1–3');
    expect(buttonsOf(message.blocks)).toEqual([]);
  });

  it('says when nothing is listed', () => {
    const message = buildObjectListMessage({
      reference: firstPage(`${BASE}/none/`),
      prefix: 'none/',
      objects: [],
    });
    expect(message.text).toContain('No objects under');
    expect(message.blocks).toHaveLength(1);
  });

  it('offers Next with the marker and history', () => {
    const message = buildObjectListMessage({
      reference: firstPage(`${BASE}/data/`),
      prefix: 'data/',
      objects: objects(OBJECT_PAGE_SIZE, (index) => `data/${String(index).padStart(3, '0')}`),
      nextMarker: 'data/019',
    });
    const [next] = buttonsOf(message.blocks);
    expect(next?.action_id).toBe('easymaker:storage:page:next');
    expect(pageValue(next)).toEqual({ uri: `${BASE}/data/`, page: 1, marker: '019', back: [''] });
  });

  it('offers Previous to the page before', () => {
    const reference: ObjectPageReference = {
      uri: `${BASE}/data/`,
      page: 2,
      marker: 'data/039',
      back: ['', 'data/019'],
    };
    const message = buildObjectListMessage({
      reference,
      prefix: 'data/',
      objects: objects(OBJECT_PAGE_SIZE, (index) => `data/${40 + index}`),
      nextMarker: 'data/59',
    });
    const [previous, next] = buttonsOf(message.blocks);
    expect(previous?.text.text).toBe('Previous');
    expect(pageValue(previous)).toEqual({
      uri: `${BASE}/data/`,
      page: 1,
      marker: '019',
      back: [''],
    });
    expect(pageValue(next)).toEqual({
      uri: `${BASE}/data/`,
      page: 3,
      marker: '59',
      back: ['', '019', '039'],
    });
    expect(message.text).toContain('Page 3 · objects 41–60');
  });

  it('restores markers from a button value', () => {
    expect(expandPageMarkers({ marker: '019', back: ['', '007'] }, 'data/')).toEqual({
      marker: 'data/019',
      back: ['', 'data/007'],
    });
  });

  it('keeps Block Kit limits for long names', () => {
    const longPrefix = `${'p'.repeat(700)}/`;
    const longName = (index: number) => `${longPrefix}${'n'.repeat(1000)}-${index}`;
    const rows = objects(OBJECT_PAGE_SIZE, longName);
    const back = Array.from({ length: 30 }, (_, index) => (index === 0 ? '' : longName(index)));
    const message = buildObjectListMessage({
      reference: { uri: `${BASE}/${longPrefix}`, page: 30, marker: longName(30), back },
      prefix: longPrefix,
      objects: rows,
      nextMarker: longName(50),
    });
    expect(validateMessageBlocks(message.blocks)).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const buttons = buttonsOf(message.blocks);
    expect(buttons).toHaveLength(2);
    for (const button of buttons) {
      expect(button.value.length).toBeLessThanOrEqual(2000);
    }
    const row = JSON.stringify(message.blocks[1]);
    expect(row).toContain('…');
    expect(row).toContain('-0`');
  });

  it('offers the first page when the history was cut', () => {
    const longPrefix = `${'p'.repeat(200)}/`;
    const longName = (index: number) => `${longPrefix}${'n'.repeat(900)}-${index}`;
    const message = buildObjectListMessage({
      reference: { uri: `${BASE}/${longPrefix}`, page: 5, marker: longName(5), back: [] },
      prefix: longPrefix,
      objects: objects(2, longName),
    });
    const [first] = buttonsOf(message.blocks);
    expect(first?.text.text).toBe('First page');
    expect(pageValue(first)).toMatchObject({ page: 0, marker: '', back: [] });
  });

  it('drops page buttons whose value cannot fit', () => {
    const longPrefix = `${'"'.repeat(900)}/`;
    const longName = `${longPrefix}${'"'.repeat(120)}`;
    const message = buildObjectListMessage({
      reference: firstPage(`${BASE}/${longPrefix}`),
      prefix: longPrefix,
      objects: objects(1, () => longName),
      nextMarker: longName,
    });
    expect(buttonsOf(message.blocks)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('too long to page through');
    expect(validateMessageBlocks(message.blocks)).toEqual([]);
  });
});
