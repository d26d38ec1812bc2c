// Compiles a glob into an anchored regular expression: `*` matches any run of characters,
// `/` included, and every other character matches itself. So `*/trainings` matches
// `/v1.0/appkeys/abc/trainings` but not `/v1.0/appkeys/abc/trainings/xyz`.
export function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

export function matchesGlob(glob: string, value: string): boolean {
  return globToRegExp(glob).test(value);
}
