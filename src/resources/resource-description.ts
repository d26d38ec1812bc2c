import type { WebClient } from '@slack/web-api';
import type { z } from 'zod';
import type { Logger } from '../logger.js';
import type { StatusLists } from './status-class.js';

/** The live lists a form chooses from; each maps to one EasyMaker lookup call. */
export type LookupKind =
  | 'flavor'
  | 'image'
  | 'algorithm'
  | 'experiment'
  | 'training'
  | 'hyperparameter-tuning'
  | 'endpoint'
  | 'model'
  | 'pipeline';

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

/** Input control of a parameter in the modal. */
export type FieldControl =
  | { type: 'text'; multiline?: boolean; maxLength: number; placeholder?: string }
  | { type: 'number'; min: number; max: number }
  | { type: 'checkbox' }
  | { type: 'lookup'; lookup: LookupKind }
  | { type: 'choice'; choices: readonly { value: string; label: string }[] }
  /** A file the user attaches in the modal (`file_input`); the raw value is `{ id }`. */
  | { type: 'file'; filetypes: readonly string[] };

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

/** A column of a resource list; values are plain text and are escaped when shown. */
export interface ListColumn<TObject> {
  label: string;
  value(resource: TObject): string;
}

/** Services that `CreateDescription.prepareBody` may use besides the parameters. */
export interface PrepareBodyContext {
  /** The bot's Web API client. */
  slack: WebClient;
  /** The bot token, sent as the bearer of file downloads from Slack. */
  botToken: string;
  logger: Logger;
}

/** Create operation of a resource: its parameters, their checks and the wire body. */
export interface CreateDescription<TObject = unknown, TParameters = Record<string, unknown>> {
  /** The word after the resource: `run` for jobs, `create`, `add` or `upload` for the rest. */
  verb: string;
  /** A one-word shortcut for `/easymaker <resource> <verb>`, such as `train`. */
  shortcut?: string;
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
  /** The API's own schema of the wire body; a body that fails it is a bug, not user input. */
  bodySchema?: z.ZodType;
  /** POST path when it is not the collection path (pipeline upload). */
  path?: string;
  /** Key of the created object when it differs from the resource's (recurring runs). */
  objectKey?: string;
  /**
   * Reads what the body needs from outside EasyMaker, such as a file shared in Slack. The create
   * job calls it after `buildCreateBody` and merges the returned fields over the body before
   * `bodySchema` is checked.
   *
   * @throws BotError `ERR_INPUT_INVALID` with a message for the requester when the input cannot
   *   be used; nothing is created then. Other errors make the job try again.
   */
  prepareBody?(
    parameters: TParameters,
    context: PrepareBodyContext,
  ): Promise<Record<string, unknown>>;
  /** Key parameters shown in the parent message. */
  summarizeParameters(parameters: TParameters, resolved: ResolvedReferences): SummaryField[];
}

/** Source and row format of a list command. */
export interface ListableDescription<TObject = unknown> {
  /** Stable key used in job payloads, Redis keys, `callback_id`s and button values. */
  kind: string;
  /** Lowercase noun for sentences ("training"). */
  noun: string;
  /** Capitalised noun for titles ("Training"). */
  title: string;
  /** Words that name the resource in `/easymaker <word> <operation>`; the first is shown. */
  words: readonly string[];
  api: {
    collectionPath: string;
    listKey: string;
    objectSchema: z.ZodType<TObject>;
  };
  idOf(resource: TObject): string;
  nameOf(resource: TObject): string;
  list: {
    columns: readonly ListColumn<TObject>[];
    /** A parameter the list call needs, such as the endpoint of a stage list. */
    requiredFilter?: { parameter: string; query: string };
  };
}

/**
 * Everything the bot needs to know about one EasyMaker resource. Commands, modals, validation,
 * lists, tracking and messages are derived from it, so adding a resource means adding a
 * description.
 */
export interface ResourceDescription<TObject = unknown, TParameters = Record<string, unknown>>
  extends ListableDescription<TObject> {
  api: {
    collectionPath: string;
    listKey: string;
    objectKey: string;
    objectSchema: z.ZodType<TObject>;
  };
  statusOf(resource: TObject): string;
  /** Seconds the resource has run, when the API reports it. */
  elapsedSecondsOf(resource: TObject): number | undefined;
  statuses: StatusLists;
  create?: CreateDescription<TObject, TParameters>;
  /** Operations on one resource by id, besides show and watch which every resource has. */
  operations: { delete: boolean; stop: boolean; start: boolean };
  /** Fields shown by `show` and in the final reply. */
  summarizeResult(resource: TObject): SummaryField[];
  /** Fields that change while the resource runs, such as trial counts; shown on the parent. */
  progressOf?(resource: TObject): SummaryField[];
}
