import type { BatchInferenceCreateBody } from './bodies/batch-inference-create-body.js';
import { matchesGlob } from './glob.js';
import { parseObsUri } from './object-storage/obs-uri.js';
import type { SimulatorState } from './simulator-state.js';

export interface BatchInput {
  fileCount: number;
  dataCount: number;
  /** Records read from the simulated Object Storage; null when the input is elsewhere. */
  instances: unknown[] | null;
}

// NOTE: an input outside the simulated Object Storage (another tenant, or NAS) cannot be read,
// so the simulator assumes one file of 100 records for it.
const assumedInput: BatchInput = { fileCount: 1, dataCount: 100, instances: null };

/**
 * Reads the input of a batch inference from the simulated Object Storage: the objects under
 * `inputDataUri` whose path below it matches `includeGlobPattern` and not
 * `excludeGlobPattern`. A JSONL file contains one record per line. A JSON file contains a list
 * of records, an object with an `instances` list, or one record.
 */
export function readBatchInput(state: SimulatorState, body: BatchInferenceCreateBody): BatchInput {
  const location = parseObsUri(body.inputDataUri);
  if (location === undefined || location.tenantId !== state.objectStorage.tenantId) {
    return { ...assumedInput };
  }
  // The URI names one object or a folder; `batch-input` must not match `batch-input-old/...`.
  const path = location.objectPath.replace(/\/+$/, '');
  const listed = state.store.objects.listObjects(location.container, {
    prefix: path,
    limit: Number.MAX_SAFE_INTEGER,
  });
  if (listed === undefined) {
    return { ...assumedInput };
  }
  const files = listed.filter(({ name }) => {
    if (path !== '' && name !== path && !name.startsWith(`${path}/`)) {
      return false;
    }
    const relative =
      name === path
        ? name.slice(name.lastIndexOf('/') + 1)
        : name.slice(path.length).replace(/^\//, '');
    const included = !body.includeGlobPattern || matchesGlob(body.includeGlobPattern, relative);
    const excluded =
      Boolean(body.excludeGlobPattern) && matchesGlob(body.excludeGlobPattern ?? '', relative);
    return included && !excluded;
  });
  const instances = files.flatMap(({ object }) =>
    readRecords(object.bytes.toString('utf8'), body.inputDataTypeCode),
  );
  return { fileCount: files.length, dataCount: instances.length, instances };
}

function readRecords(text: string, type: 'JSON' | 'JSONL'): unknown[] {
  if (type === 'JSONL') {
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => parseOrKeep(line));
  }
  const parsed = parseOrKeep(text);
  if (Array.isArray(parsed)) {
    return parsed;
  }
  const instances = (parsed as { instances?: unknown } | null)?.instances;
  return Array.isArray(instances) ? instances : [parsed];
}

/** Parses JSON text; a record that is not JSON stays text, as the served model would see it. */
function parseOrKeep(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
