/**
 * Returns a copy of a JSON value without object fields that are `null` or `undefined`, at any
 * depth, like the SDK's "exclude none" serialisation. Array elements are kept as they are,
 * apart from the same cleaning inside them.
 */
export function omitNullFields(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((element) => omitNullFields(element));
  }
  if (isPlainObject(value)) {
    const result: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      if (field !== null && field !== undefined) {
        result[key] = omitNullFields(field);
      }
    }
    return result;
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
