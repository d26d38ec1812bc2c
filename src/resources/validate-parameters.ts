import type { RawValue } from './field-schemas.js';
import type { CreateDescription, FieldIssue, ValidationContext } from './resource-description.js';

export type ValidationResult<TParameters> =
  | { ok: true; parameters: TParameters }
  | { ok: false; issues: FieldIssue[] };

/**
 * Parses raw field values with the resource's schema, then applies its cross-field rules.
 * Issues are keyed by parameter name, at most one per parameter, in form order.
 */
export function validateParameters<TParameters>(
  create: CreateDescription<unknown, TParameters>,
  raw: Record<string, RawValue>,
  context: ValidationContext,
): ValidationResult<TParameters> {
  const parsed = create.parametersSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      parameter: String(issue.path[0] ?? ''),
      message: issue.message,
    }));
    return { ok: false, issues: orderIssues(create, issues) };
  }
  const issues = create.checkParameters(parsed.data, context);
  if (issues.length > 0) {
    return { ok: false, issues: orderIssues(create, issues) };
  }
  return { ok: true, parameters: parsed.data };
}

function orderIssues(
  create: Pick<CreateDescription, 'parameters'>,
  issues: FieldIssue[],
): FieldIssue[] {
  const order = new Map(create.parameters.map((parameter, index) => [parameter.name, index]));
  const firstPerParameter = new Map<string, FieldIssue>();
  for (const issue of issues) {
    if (!firstPerParameter.has(issue.parameter)) {
      firstPerParameter.set(issue.parameter, issue);
    }
  }
  return [...firstPerParameter.values()].sort(
    (left, right) =>
      (order.get(left.parameter) ?? Number.MAX_SAFE_INTEGER) -
      (order.get(right.parameter) ?? Number.MAX_SAFE_INTEGER),
  );
}
