import { batchInferenceDescription } from './batch-inference.js';
import { endpointDescription } from './endpoint.js';
import { endpointStageDescription } from './endpoint-stage.js';
import { experimentDescription } from './experiment.js';
import { hyperparameterTuningDescription } from './hyperparameter-tuning.js';
import { modelDescription } from './model.js';
import { pipelineDescription } from './pipeline.js';
import { pipelineRecurringRunDescription } from './pipeline-recurring-run.js';
import { pipelineRunDescription } from './pipeline-run.js';
import type { CreateDescription, ResourceDescription } from './resource-description.js';
import { trainingDescription } from './training.js';

// Descriptions are stored with their parameter types erased; handlers only pass parameters
// between a description's own functions.
type AnyDescription = ResourceDescription<unknown, unknown>;

/** A description whose resource can be created from Slack. */
type CreatableDescription = AnyDescription & { create: CreateDescription<unknown, unknown> };

/** Every resource the bot knows, in the order help lists them. */
export const resourceDescriptions: readonly AnyDescription[] = [
  experimentDescription as unknown as AnyDescription,
  trainingDescription as unknown as AnyDescription,
  hyperparameterTuningDescription as unknown as AnyDescription,
  modelDescription as unknown as AnyDescription,
  endpointDescription as unknown as AnyDescription,
  endpointStageDescription as unknown as AnyDescription,
  batchInferenceDescription as unknown as AnyDescription,
  pipelineDescription as unknown as AnyDescription,
  pipelineRunDescription as unknown as AnyDescription,
  pipelineRecurringRunDescription as unknown as AnyDescription,
];

export function findDescriptionByKind(kind: string): AnyDescription | undefined {
  return resourceDescriptions.find((description) => description.kind === kind);
}

/** Finds the resource a command word names (`training`, `trainings`). */
export function findDescriptionByWord(word: string): AnyDescription | undefined {
  const lower = word.toLowerCase();
  return resourceDescriptions.find((description) => description.words.includes(lower));
}

/** Finds the resource whose create shortcut is `word` (`train`). */
export function findDescriptionByShortcut(word: string): CreatableDescription | undefined {
  const lower = word.toLowerCase();
  const found = resourceDescriptions.find((description) => description.create?.shortcut === lower);
  return found && isCreatable(found) ? found : undefined;
}

export function isCreatable(description: AnyDescription): description is CreatableDescription {
  return description.create !== undefined;
}

export type { AnyDescription, CreatableDescription };
