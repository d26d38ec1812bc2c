import type { ResourceDescription } from './resource-description.js';
import { trainingDescription } from './training.js';

// Descriptions are stored with their parameter types erased; handlers only pass parameters
// between a description's own functions.
type AnyDescription = ResourceDescription<unknown, unknown>;

/** Every resource the bot can create, keyed by `kind`. */
export const resourceDescriptions: readonly AnyDescription[] = [
  trainingDescription as unknown as AnyDescription,
];

export function findDescriptionByKind(kind: string): AnyDescription | undefined {
  return resourceDescriptions.find((description) => description.kind === kind);
}

export function findDescriptionByCreateCommand(word: string): AnyDescription | undefined {
  return resourceDescriptions.find((description) => description.createCommand === word);
}

export type { AnyDescription };
