import { SimulatorFailure } from './envelope.js';

export type LogRecordPredicate = (record: object) => boolean;

// One term: a field name, a colon, and a quoted or unquoted value. Backslash escapes a
// character in either form (the Korean guide writes `NHNCloud\-AIEasyMaker`).
const termPattern = /^\s*([A-Za-z_][\w.]*)\s*:\s*(?:"((?:[^"\\]|\\.)*)"|((?:[^\s"\\]|\\.)+))\s*/;
const andPattern = /^AND\s+/;

/**
 * Compiles the subset of Lucene syntax the simulator understands: `field:"value"` or
 * `field:value` terms joined by `AND`, each an exact, case-sensitive match on the record field
 * (`trainingId:"abc" AND logLevel:"ERROR"`). `*` and `*:*` match every record. Anything else
 * throws an `invalidRequest` failure naming the unsupported part.
 */
export function compileLogQuery(query: string): LogRecordPredicate {
  const trimmed = query.trim();
  if (trimmed === '*' || trimmed === '*:*') {
    return () => true;
  }
  const terms: Array<{ field: string; value: string }> = [];
  let rest = trimmed;
  while (true) {
    const match = termPattern.exec(rest);
    if (match === null) {
      throw new SimulatorFailure(
        'invalidRequest',
        `query is not supported by the simulator near "${rest.slice(0, 40)}"; ` +
          'use field:"value" terms joined by AND',
      );
    }
    const rawValue = match[2] ?? match[3] ?? '';
    terms.push({ field: match[1] ?? '', value: rawValue.replace(/\\(.)/g, '$1') });
    rest = rest.slice(match[0].length);
    if (rest === '') {
      break;
    }
    const and = andPattern.exec(rest);
    if (and === null) {
      throw new SimulatorFailure(
        'invalidRequest',
        `query is not supported by the simulator near "${rest.slice(0, 40)}"; ` +
          'only AND joins terms',
      );
    }
    rest = rest.slice(and[0].length);
  }
  return (record) =>
    terms.every(({ field, value }) => {
      const fieldValue: unknown = (record as Record<string, unknown>)[field];
      return fieldValue !== undefined && fieldValue !== null && String(fieldValue) === value;
    });
}
