import type { ObjectStore } from './object-store.js';

/** Container the simulated Object Storage starts with. */
export const seedContainer = 'ml-bucket';

const irisRows = [
  [5.1, 3.5, 1.4, 0.2, 'setosa'],
  [4.9, 3.0, 1.4, 0.2, 'setosa'],
  [6.4, 3.2, 4.5, 1.5, 'versicolor'],
  [6.9, 3.1, 4.9, 1.5, 'versicolor'],
  [6.3, 3.3, 6.0, 2.5, 'virginica'],
  [5.8, 2.7, 5.1, 1.9, 'virginica'],
] as const;

/** Objects of the seed container by name: a dataset, batch inputs and training metrics. */
export function seedObjects(): Record<string, { text: string; contentType: string }> {
  const features = irisRows.map((row) => row.slice(0, 4));
  const jsonl = (rows: unknown[]) => rows.map((row) => `${JSON.stringify(row)}\n`).join('');
  return {
    'datasets/iris/train.csv': {
      text: `sepal_length,sepal_width,petal_length,petal_width,species\n${irisRows
        .map((row) => `${row.join(',')}\n`)
        .join('')}`,
      contentType: 'text/csv',
    },
    'batch-input/iris-000.jsonl': {
      text: jsonl(features.slice(0, 4)),
      contentType: 'application/jsonl',
    },
    'batch-input/iris-001.jsonl': {
      text: jsonl(features.slice(4)),
      contentType: 'application/jsonl',
    },
    'metrics/mnist-train/metrics.json': {
      text: `${JSON.stringify({ epochs: 3, loss: 0.0631, accuracy: 0.9812 }, null, 2)}\n`,
      contentType: 'application/json',
    },
  };
}

/** Empties `store` and fills it with the seed container. */
export function seedObjectStore(store: ObjectStore, nowMs: number): void {
  store.clear();
  store.createContainer(seedContainer);
  for (const [name, seed] of Object.entries(seedObjects())) {
    store.putObject(seedContainer, name, {
      bytes: Buffer.from(seed.text, 'utf8'),
      contentType: seed.contentType,
      nowMs,
    });
  }
}
