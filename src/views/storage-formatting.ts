const units = ['KB', 'MB', 'GB', 'TB'] as const;

/**
 * Formats a byte count for people: `512 B`, `1.5 KB`, `100.0 MB`, with 1 KB = 1024 bytes as in
 * the bot's size limits.
 */
export function formatByteSize(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  let value = bytes;
  let unit: (typeof units)[number] = 'KB';
  for (const candidate of units) {
    value /= 1024;
    unit = candidate;
    if (value < 1024) {
      break;
    }
  }
  return `${value.toFixed(1)} ${unit}`;
}

/**
 * Formats a Swift listing time (UTC without an offset, such as `2025-05-28T04:44:46.123450`)
 * as `2025-05-28 04:44:46 UTC`; any other text is returned unchanged.
 */
export function formatListingTime(lastModified: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(lastModified);
  return match ? `${match[1]} ${match[2]} UTC` : lastModified;
}

/**
 * Cuts text longer than `maxLength` characters in the middle, where a long object name or URI
 * carries the least information, and marks the cut with an ellipsis. Counts code points, so no emoji is split.
 */
export function cutMiddle(text: string, maxLength: number): string {
  const characters = Array.from(text);
  if (characters.length <= maxLength) {
    return text;
  }
  const keptLength = Math.max(0, maxLength - 1);
  const head = Math.ceil(keptLength / 2);
  const tail = keptLength - head;
  return `${characters.slice(0, head).join('')}…${characters.slice(characters.length - tail).join('')}`;
}
