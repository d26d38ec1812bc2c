import { z } from 'zod';
import type { RawValue } from '../resources/field-schemas.js';
import type { CreatableDescription } from '../resources/index.js';
import { FIELD_ACTION_ID } from '../views/create-form-modal.js';

const selectedOptionSchema = z.object({ value: z.string() }).nullish();

/** One element's state in a `view_submission`, as Slack sends it for the element types we use. */
const elementStateSchema = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: selectedOptionSchema,
  selected_options: z.array(z.object({ value: z.string() })).optional(),
  files: z.array(z.object({ id: z.string().min(1) })).optional(),
});

export const viewStateValuesSchema = z.record(z.string(), z.record(z.string(), elementStateSchema));

/**
 * Reads the submitted modal into raw parameter values: text as typed, selects and attached files
 * as `{ id }`, checkboxes as booleans. Fields missing from the view (a lookup with no choices)
 * stay undefined.
 */
export function readFormValues(
  description: CreatableDescription,
  values: z.infer<typeof viewStateValuesSchema>,
): Record<string, RawValue> {
  const raw: Record<string, RawValue> = {};
  for (const parameter of description.create.parameters) {
    const state = values[parameter.name]?.[FIELD_ACTION_ID];
    if (state === undefined) {
      continue;
    }
    switch (parameter.control.type) {
      case 'checkbox':
        raw[parameter.name] = (state.selected_options ?? []).some(
          (option) => option.value === 'true',
        );
        break;
      case 'lookup':
        raw[parameter.name] = state.selected_option
          ? { id: state.selected_option.value }
          : undefined;
        break;
      case 'choice':
        raw[parameter.name] = state.selected_option?.value ?? undefined;
        break;
      case 'file': {
        const [file] = state.files ?? [];
        raw[parameter.name] = file ? { id: file.id } : undefined;
        break;
      }
      default:
        raw[parameter.name] = state.value ?? undefined;
    }
  }
  return raw;
}
