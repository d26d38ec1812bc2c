/**
 * Escapes user text for Slack mrkdwn. Only `&`, `<` and `>` need escaping; with them escaped,
 * text such as `<!channel>` or `<@U123>` is shown literally and notifies nobody.
 */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** User text inside an inline code span; backticks would end the span, so they are replaced. */
export function codeSpan(text: string): string {
  return `\`${escapeMrkdwn(text).replaceAll('`', "'")}\``;
}

/** Cuts text to at most `maxLength` characters, marking the cut with an ellipsis. */
export function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) {
    return text;
  }
  return `${text.slice(0, Math.max(0, maxLength - 1))}…`;
}

/** Formats seconds as `1h 02m 03s`, `2m 05s` or `7s`. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  if (hours > 0) {
    return `${hours}h ${pad(minutes)}m ${pad(rest)}s`;
  }
  if (minutes > 0) {
    return `${minutes}m ${pad(rest)}s`;
  }
  return `${rest}s`;
}
