/*
 * Deterministic stand-in for a served model: the same instance always gets the same
 * prediction. A list of numbers gets class probabilities from a fixed three-class linear model,
 * shaped after the iris example of the guide. Any other instance gets probabilities derived
 * from a hash of its JSON text.
 */

const weights = [
  [0.4, 1.2, -1.5, -1.3],
  [0.2, -0.6, 0.3, -0.2],
  [-0.6, -0.6, 1.2, 1.5],
];
const biases = [1.0, 0.8, -1.8];

/** Returns three class probabilities that sum to 1, rounded to 4 decimals. */
export function predictInstance(instance: unknown): number[] {
  const logits =
    Array.isArray(instance) && instance.length > 0 && instance.every(isFiniteNumber)
      ? linearLogits(instance)
      : hashLogits(JSON.stringify(instance) ?? 'null');
  const highest = Math.max(...logits);
  const exponentials = logits.map((logit) => Math.exp(logit - highest));
  const sum = exponentials.reduce((total, value) => total + value, 0);
  return exponentials.map((value) => Math.round((value / sum) * 10_000) / 10_000);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function linearLogits(features: number[]): number[] {
  return weights.map((row, classIndex) =>
    features.reduce(
      (total, feature, index) => total + feature * (row[index % row.length] ?? 0),
      biases[classIndex] ?? 0,
    ),
  );
}

/** Three logits in [0, 4) from the FNV-1a hash of `text`. */
function hashLogits(text: string): number[] {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return [0, 1, 2].map((shift) => ((hash >>> (shift * 8)) & 0xff) / 64);
}
