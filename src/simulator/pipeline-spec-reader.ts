/*
 * Reads the pipeline parameters from a compiled Kubeflow Pipelines YAML file: the entries under
 * `root.inputDefinitions.parameters`, each with `parameterType`, `isOptional` and
 * `defaultValue`. It is a small line-based reader, not a YAML parser.
 * NOTE: it handles block mappings indented with spaces, comments, plain and quoted one-line
 * scalars, one-line flow collections, and defaults written as a block list or mapping of
 * scalars one level deep. It does not handle tabs, anchors and aliases, tags, multi-line
 * scalars or deeper block defaults (those keep their raw text). Only the first YAML document
 * is read.
 */

export interface PipelineParameterSpec {
  parameterName: string;
  /** KFP type: STRING, BOOLEAN, NUMBER_DOUBLE, NUMBER_INTEGER, LIST or STRUCT. */
  parameterType: string;
  isOptional: boolean;
  /** Default as text (JSON text for lists and structs), or null without a default. */
  defaultValue: string | null;
}

interface YamlLine {
  indent: number;
  /** Content without indentation and comment. */
  text: string;
}

const parametersPath = ['root', 'inputDefinitions', 'parameters'];

/** Returns the parameters of the pipeline's root, in file order; none when the file has none. */
export function readPipelineParameters(yaml: string): PipelineParameterSpec[] {
  const specs: PipelineParameterSpec[] = [];
  const stack: Array<{ indent: number; key: string }> = [];
  let current: PipelineParameterSpec | undefined;
  let block: { indent: number; lines: YamlLine[] } | undefined;

  const finishBlock = () => {
    if (block !== undefined && current !== undefined) {
      current.defaultValue = blockToText(block.lines);
    }
    block = undefined;
  };

  for (const line of meaningfulLines(yaml)) {
    if (block !== undefined) {
      const isItem = line.indent === block.indent && line.text.startsWith('-');
      if (line.indent > block.indent || isItem) {
        block.lines.push(line);
        continue;
      }
      finishBlock();
    }
    const entry = line.text.startsWith('-') ? undefined : splitKeyValue(line.text);
    if (entry === undefined) {
      continue;
    }
    while ((stack.at(-1)?.indent ?? -1) >= line.indent) {
      stack.pop();
    }
    stack.push({ indent: line.indent, key: entry.key });
    const underParameters = parametersPath.every((key, index) => stack[index]?.key === key);
    if (!underParameters || stack[0]?.indent !== 0) {
      continue;
    }
    if (stack.length === 4) {
      current = {
        parameterName: entry.key,
        parameterType: 'STRING',
        isOptional: false,
        defaultValue: null,
      };
      specs.push(current);
    } else if (stack.length === 5 && current !== undefined) {
      if (entry.key === 'parameterType' && entry.value !== undefined) {
        current.parameterType = scalarText(entry.value);
      } else if (entry.key === 'isOptional') {
        current.isOptional = entry.value === 'true';
      } else if (entry.key === 'defaultValue') {
        if (entry.value === undefined) {
          block = { indent: line.indent, lines: [] };
        } else {
          current.defaultValue = scalarText(entry.value);
        }
      }
    }
  }
  finishBlock();
  return specs;
}

function meaningfulLines(yaml: string): YamlLine[] {
  const lines: YamlLine[] = [];
  for (const raw of yaml.split(/\r?\n/)) {
    if (/^(---|\.\.\.)(\s|$)/.test(raw)) {
      if (lines.length > 0) {
        break;
      }
      continue;
    }
    const trimmed = raw.trimStart();
    const text = stripComment(trimmed).trimEnd();
    if (text !== '') {
      lines.push({ indent: raw.length - trimmed.length, text });
    }
  }
  return lines;
}

/** Drops a `#` comment that starts the line or follows a space outside quotes. */
function stripComment(text: string): string {
  let quote: string | undefined;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quote !== undefined) {
      quote = character === quote ? undefined : quote;
    } else if (character === '"' || character === "'") {
      quote = character;
    } else if (character === '#' && (index === 0 || text[index - 1] === ' ')) {
      return text.slice(0, index);
    }
  }
  return text;
}

function splitKeyValue(text: string): { key: string; value: string | undefined } | undefined {
  const match = /^("[^"]*"|'[^']*'|[^\s"'][^:]*?)\s*:(?:\s+(.*))?$/.exec(text);
  if (match === null) {
    return undefined;
  }
  const value = match[2]?.trim();
  return { key: scalarText(match[1] ?? ''), value: value === '' ? undefined : value };
}

/** Text of a one-line scalar: quotes removed, flow collections as compact JSON when possible. */
function scalarText(value: string): string {
  if (value.startsWith("'") && value.endsWith("'") && value.length >= 2) {
    return value.slice(1, -1).replaceAll("''", "'");
  }
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
    try {
      return JSON.parse(value) as string;
    } catch {
      return value.slice(1, -1);
    }
  }
  if (value.startsWith('[') || value.startsWith('{')) {
    try {
      return JSON.stringify(JSON.parse(value));
    } catch {
      return value;
    }
  }
  return value;
}

/** Value of a one-line scalar for JSON: numbers, booleans and null keep their type. */
function scalarValue(value: string): unknown {
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value)) {
    return Number(value);
  }
  if (value === 'true' || value === 'false') {
    return value === 'true';
  }
  if (value === 'null' || value === '~') {
    return null;
  }
  const text = scalarText(value);
  if (text !== value && (value.startsWith('[') || value.startsWith('{'))) {
    return JSON.parse(text) as unknown;
  }
  return text;
}

/** JSON text of a block default: a list or mapping of scalars, else the raw block text. */
function blockToText(lines: YamlLine[]): string {
  const indent = lines[0]?.indent;
  const sameIndent = lines.every((line) => line.indent === indent);
  if (sameIndent && lines.every((line) => line.text.startsWith('- '))) {
    return JSON.stringify(lines.map((line) => scalarValue(line.text.slice(2).trim())));
  }
  const entries = lines.map((line) => splitKeyValue(line.text));
  if (sameIndent && entries.every((entry) => entry?.value !== undefined)) {
    return JSON.stringify(
      Object.fromEntries(entries.map((entry) => [entry?.key, scalarValue(entry?.value ?? '')])),
    );
  }
  return lines.map((line) => `${' '.repeat(line.indent)}${line.text}`).join('\n');
}
