import { describe, expect, it } from 'vitest';
import {
  cutMiddle,
  formatByteSize,
  formatListingTime,
} from '../../src/views/storage-formatting.js';

describe('formatByteSize', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [1536, '1.5 KB'],
    [5 * 1024 * 1024, '5.0 MB'],
    [3 * 1024 ** 3, '3.0 GB'],
    [2 * 1024 ** 5, '2048.0 TB'],
  ])('formats %d bytes as %s', (bytes, text) => {
    expect(formatByteSize(bytes)).toBe(text);
  });
});

describe('formatListingTime', () => {
  it('formats a Swift listing time as UTC', () => {
    expect(formatListingTime('2025-05-28T04:44:46.123450')).toBe('2025-05-28 04:44:46 UTC');
  });

  it('returns other text unchanged', () => {
    expect(formatListingTime('yesterday')).toBe('yesterday');
  });
});

describe('cutMiddle', () => {
  it('keeps short text', () => {
    expect(cutMiddle('abc', 3)).toBe('abc');
  });

  it('cuts long text in the middle', () => {
    const cut = cutMiddle('abcdefghij', 5);
    expect(cut).toBe('ab…ij');
    expect(Array.from(cut)).toHaveLength(5);
  });

  it('splits no emoji', () => {
    const cut = cutMiddle('😀😀😀😀😀😀', 3);
    expect(cut).toBe('😀…😀');
  });
});
