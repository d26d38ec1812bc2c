import type { z } from 'zod';
import type { StatusLists } from './status-class.js';

/** The live lists a form chooses from; each maps to one EasyMaker lookup call. */
export type LookupKind = 'flavor' | 'image' | 'algorithm' | 'experiment';

/** One choice of a live lookup, reduced to what forms and checks need. */
export interface LookupItem {
  id: string;
  name: string;
  /** Short extra text for the select, such as "4 vCPU, 8 GB". */
  detail?: string;
  vcpus?: number;
  gpuCount?: number;
  gpuFlavor?: boolean;
}

export type LookupSnapshot = Partial<Record<LookupKind, LookupItem[]>>;

/** How a parameter is entered in the modal. */
export type FieldControl =
  | { type: 'text'; multiline?: boolean; maxLength: number; placeholder?: string }
  | { type: 'number'; min: number; max: number }
  | { type: 'checkbox' }
  | { type: 'lookup'; lookup: LookupKind }
  | { type: 'choice'; choices: readonly { value: string; label: string }[] };

/** One parameter of a create operation, as the SDK names it. */
export interface ParameterDescription {
  /** The SDK parameter name; also the modal `block_id` and the inline `key=` name. */
  name: string;
  /** Other inline names accepted for it (older SDK names, short forms). */
  aliases: readonly string[];
  label: string;
  /** Help under the field; states the published range. */
  hint: string;
  /** Shown as optional in the modal; rules that make it required depend on other fields. */
  optional: boolean;
  control: FieldControl;
}

/** A problem with one parameter, shown next to its field or in the ephemeral error. */
export interface FieldIssue {
  parameter: string;
  message: string;
}

export interface ValidationContext {
  /** Lookup lists known at validation time (the modal's snapshot, or freshly resolved ones). */
  lookups?: LookupSnapshot;
  defaultExperimentId?: string;
}

/** Lookup choices resolved for one create request, keyed by parameter name. */
export type ResolvedReferences = Record<string, LookupItem>;

/** A parameter that refers to a live lookup and must be resolved to an id before creating. */
export interface ReferenceDescription {
  parameter: string;
  lookup: LookupKind;
  /** Create the object by name when none exists (experiments, as the SDK does). */
  createIfMissing?: boolean;
}

export interface SummaryField {
  label: string;
  value: string;
}

/**
 * Everything the bot needs to know about one EasyMaker resource. Commands, modals, validation,
 * tracking and messages are derived from it, so adding a resource means adding a description.
 */
export interface ResourceDescription<TObject = unknown, TParameters = Record<string, unknown>> {
  /** Stable key used in job payloads, Redis keys and `callback_id`s. */
  kind: string;
  /** Lowercase noun for sentences ("training"). */
  noun: string;
  /** Capitalised noun for titles ("Training"). */
  title: string;
  /** The `/easymaker <word>` that creates one. */
  createCommand: string;
  api: {
    collectionPath: string;
    listKey: string;
    objectKey: string;
    objectSchema: z.ZodType<TObject>;
  };
  idOf(resource: TObject): string;
  nameOf(resource: TObject): string;
  statusOf(resource: TObject): string;
  /** Seconds the resource has run, when the API reports it. */
  elapsedSecondsOf(resource: TObject): number | undefined;
  statuses: StatusLists;
  parameters: readonly ParameterDescription[];
  /** Parses raw field values into typed parameters; keys are parameter names. */
  parametersSchema: z.ZodType<TParameters>;
  /** Rules across fields and against lookup data; runs after the schema succeeded. */
  checkParameters(parameters: TParameters, context: ValidationContext): FieldIssue[];
  references: readonly ReferenceDescription[];
  /** Lookup lists the modal needs. */
  formLookups: readonly LookupKind[];
  nameOfParameters(parameters: TParameters): string;
  buildCreateBody(
    parameters: TParameters,
    resolved: ResolvedReferences,
    context: ValidationContext,
  ): Record<string, unknown>;
  /** Key parameters shown in the parent message. */
  summarizeParameters(parameters: TParameters, resolved: ResolvedReferences): SummaryField[];
  /** Result fields shown in the final reply. */
  summarizeResult(resource: TObject): SummaryField[];
}
