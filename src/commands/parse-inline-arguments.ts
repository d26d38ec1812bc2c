/** Words and `key=value` pairs typed after a slash command. */
export interface InlineArguments {
  words: string[];
  named: Map<string, string>;
}

export type InlineParseResult =
  | { ok: true; arguments: InlineArguments }
  | { ok: false; message: string };

// Slack clients may turn straight quotes into typographic ones as the user types.
const OPENING_QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’' };

/**
 * Splits command text into words and `key=value` pairs. Values may be quoted with straight or
 * typographic quotes (`image="Ubuntu 22.04 CPU"`); a backslash escapes the next character inside
 * quotes. Keys are lowercased; a key given twice is an error.
 */
export function parseInlineArguments(text: string): InlineParseResult {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let closingQuote: string | undefined;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] as string;
    if (closingQuote !== undefined) {
      if (character === '\\' && index + 1 < text.length) {
        index += 1;
        current += text[index];
      } else if (character === closingQuote || (closingQuote === '"' && character === '”')) {
        closingQuote = undefined;
      } else {
        current += character;
      }
      continue;
    }
    const quote = OPENING_QUOTES[character];
    if (quote !== undefined) {
      closingQuote = quote;
      inToken = true;
      continue;
    }
    if (/\s/.test(character)) {
      if (inToken) {
        tokens.push(current);
        current = '';
        inToken = false;
      }
      continue;
    }
    current += character;
    inToken = true;
  }
  if (closingQuote !== undefined) {
    return { ok: false, message: `A quoted value is not closed: add the missing ${closingQuote}` };
  }
  if (inToken) {
    tokens.push(current);
  }

  const words: string[] = [];
  const named = new Map<string, string>();
  for (const token of tokens) {
    const separator = token.indexOf('=');
    if (separator <= 0) {
      words.push(token);
      continue;
    }
    const key = token.slice(0, separator).trim().toLowerCase().replaceAll('-', '_');
    if (named.has(key)) {
      return { ok: false, message: `\`${key}\` is given twice; give each argument once` };
    }
    named.set(key, token.slice(separator + 1));
  }
  return { ok: true, arguments: { words, named } };
}
