/**
 * Matches a whole value against a glob where `*` matches any run of characters, `/` included,
 * and every other character matches itself. So `*\/trainings` matches
 * `/v1.0/appkeys/abc/trainings` but not `/v1.0/appkeys/abc/trainings/xyz`.
 *
 * The match walks both strings and goes back only to the last `*`, so its time is at most the
 * product of the two lengths, whatever the pattern. A regular expression built from a glob with
 * many stars can take exponential time instead.
 */
export function matchesGlob(glob: string, value: string): boolean {
  let globIndex = 0;
  let valueIndex = 0;
  let starIndex = -1;
  let starValueIndex = 0;
  while (valueIndex < value.length) {
    if (globIndex < glob.length && glob[globIndex] === '*') {
      starIndex = globIndex;
      starValueIndex = valueIndex;
      globIndex += 1;
    } else if (globIndex < glob.length && glob[globIndex] === value[valueIndex]) {
      globIndex += 1;
      valueIndex += 1;
    } else if (starIndex !== -1) {
      globIndex = starIndex + 1;
      starValueIndex += 1;
      valueIndex = starValueIndex;
    } else {
      return false;
    }
  }
  while (globIndex < glob.length && glob[globIndex] === '*') {
    globIndex += 1;
  }
  return globIndex === glob.length;
}
