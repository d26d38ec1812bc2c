/** Query parameters of a list call; an array becomes one repeated parameter per element. */
export type QueryParams = Record<string, string | string[] | undefined>;

/**
 * Encodes query parameters with repeated names for arrays
 * (`?experimentNameList=a&experimentNameList=b`), as the 2.x SDK sends them.
 * Undefined values are left out.
 */
export function toSearchParams(query: QueryParams | undefined): URLSearchParams | undefined {
  if (!query) {
    return undefined;
  }
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) {
      continue;
    }
    for (const element of Array.isArray(value) ? value : [value]) {
      params.append(name, element);
    }
  }
  return params.size > 0 ? params : undefined;
}
