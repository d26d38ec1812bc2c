import type { CreatableDescription } from '../resources/index.js';

export type InlineParametersResult =
  | { ok: true; raw: Record<string, string> }
  | { ok: false; unknownNames?: string[]; duplicate?: string };

/** Maps `key=value` arguments onto the resource's parameter names, accepting aliases. */
export function toInlineParameters(
  description: CreatableDescription,
  named: Map<string, string>,
): InlineParametersResult {
  const byName = new Map<string, string>();
  for (const parameter of description.create.parameters) {
    byName.set(parameter.name, parameter.name);
    for (const alias of parameter.aliases) {
      byName.set(alias, parameter.name);
    }
  }
  const raw: Record<string, string> = {};
  const givenAs: Record<string, string> = {};
  const unknownNames: string[] = [];
  for (const [key, value] of named) {
    const name = byName.get(key);
    if (name === undefined) {
      unknownNames.push(key);
      continue;
    }
    const earlier = givenAs[name];
    if (earlier !== undefined) {
      return {
        ok: false,
        duplicate: `\`${earlier}\` and \`${key}\` both set ${name}; give it once`,
      };
    }
    givenAs[name] = key;
    raw[name] = value;
  }
  return unknownNames.length > 0 ? { ok: false, unknownNames } : { ok: true, raw };
}
