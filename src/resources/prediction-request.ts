/** A prediction asked for with `/easymaker endpoint predict`. */
export interface PredictionRequest {
  endpointId: string;
  /** Stage name or id; the default stage when absent. */
  stage?: string;
  /** Model id or name; needed only when the stage serves several models. */
  model?: string;
  /** JSON body to POST, such as `{ instances: [[6.8, 2.8, 4.8, 1.4]] }`. */
  body: Record<string, unknown>;
}

export type PredictionRequestResult =
  | { ok: true; request: PredictionRequest }
  | { ok: false; message: string };

export const PREDICT_USAGE =
  `/easymaker endpoint predict <endpoint_id> [stage=<stage name>] [model=<model id>] ` +
  `body='{"instances": [[...]]}' (or instances='[[...]]')`;

const NAMED = new Set(['endpoint_id', 'id', 'stage', 'model', 'body', 'instances']);
const RESOURCE_ID = /^[A-Za-z0-9_-]{1,64}$/;

// Slack clients may turn straight quotes into typographic ones as the user types.
const TYPOGRAPHIC_QUOTES: ReadonlyArray<[RegExp, string]> = [
  [/[“”]/g, '"'],
  [/[‘’]/g, "'"],
];

/**
 * Reads the words and `key=value` arguments after `endpoint predict`. The body is a JSON object
 * given whole (`body=`) or as the KServe v1 `instances` list (`instances=`).
 */
export function parsePredictionRequest(
  words: readonly string[],
  named: ReadonlyMap<string, string>,
): PredictionRequestResult {
  const unknown = [...named.keys()].filter((key) => !NAMED.has(key));
  if (unknown.length > 0) {
    return fail(`Unknown argument ${unknown.join(', ')}. Usage: ${PREDICT_USAGE}`);
  }
  const [word, stray] = words;
  const given = [word, named.get('endpoint_id'), named.get('id')].filter(
    (value) => value !== undefined,
  );
  if (stray !== undefined || given.length > 1) {
    return fail(`Give one endpoint id. Usage: ${PREDICT_USAGE}`);
  }
  const endpointId = given[0];
  if (endpointId === undefined || !RESOURCE_ID.test(endpointId)) {
    return fail(`Give the endpoint id. Usage: ${PREDICT_USAGE}`);
  }
  const body = readBody(named);
  if (typeof body === 'string') {
    return fail(body);
  }
  const request: PredictionRequest = { endpointId, body };
  const stage = named.get('stage')?.trim();
  if (stage) {
    request.stage = stage;
  }
  const model = named.get('model')?.trim();
  if (model) {
    request.model = model;
  }
  return { ok: true, request };
}

/** Returns the body, or a message saying what is wrong with it. */
function readBody(named: ReadonlyMap<string, string>): Record<string, unknown> | string {
  const bodyText = named.get('body');
  const instancesText = named.get('instances');
  if (bodyText !== undefined && instancesText !== undefined) {
    return 'Give either body= or instances=, not both.';
  }
  if (bodyText === undefined && instancesText === undefined) {
    return `Give the request body. Usage: ${PREDICT_USAGE}`;
  }
  if (instancesText !== undefined) {
    const instances = parseJson(instancesText, 'instances');
    if (typeof instances === 'string') {
      return instances;
    }
    if (!Array.isArray(instances.value)) {
      return 'instances must be a JSON list, such as [[6.8, 2.8, 4.8, 1.4]].';
    }
    return { instances: instances.value };
  }
  const body = parseJson(bodyText ?? '', 'body');
  if (typeof body === 'string') {
    return body;
  }
  const value = body.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'body must be a JSON object, such as {"instances": [[6.8, 2.8, 4.8, 1.4]]}.';
  }
  return value as Record<string, unknown>;
}

/** Parses JSON, trying once more with typographic quotes made straight. */
function parseJson(text: string, name: string): { value: unknown } | string {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    let straight = text;
    for (const [pattern, replacement] of TYPOGRAPHIC_QUOTES) {
      straight = straight.replace(pattern, replacement);
    }
    if (straight !== text) {
      try {
        return { value: JSON.parse(straight) };
      } catch {
        // The first error describes what the user typed, so it is the one reported.
      }
    }
    const reason = error instanceof Error ? error.message : String(error);
    return `${name} is not valid JSON: ${reason}. Quote the value, such as ${name}='${
      name === 'body' ? '{"instances": [[1, 2]]}' : '[[1, 2]]'
    }'.`;
  }
}

function fail(message: string): PredictionRequestResult {
  return { ok: false, message };
}
