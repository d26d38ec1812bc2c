import { randomInt, randomUUID } from 'node:crypto';

const idAlphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Generates a resource id in the observed EasyMaker shape: 12 lowercase alphanumerics. */
export function generateResourceId(): string {
  let id = '';
  for (let index = 0; index < 12; index += 1) {
    id += idAlphabet[randomInt(idAlphabet.length)];
  }
  return id;
}

/** Generates a flavor id. EasyMaker flavor ids are UUIDs. */
export function generateFlavorId(): string {
  return randomUUID();
}
