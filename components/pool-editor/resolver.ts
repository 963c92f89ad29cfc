/**
 * The editor's react-hook-form resolver: the form values are converted to a document ({@link fromFormValues})
 * and checked by `poolDocumentSchema`, the same schema the server action, the CLI and imports use; as you type,
 * only the part of the document holding the changed field (one client, one setting) is converted and checked.
 * Messages state the rule with its full range (read from the schema), instead of zod's generic text; fields
 * with their own message in the schema (patterns such as ARNs) keep it.
 */
import { toNestErrors } from "@hookform/resolvers";
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldError, FieldErrors, FieldValues, Resolver, ResolverOptions } from "react-hook-form";
import type { z } from "zod";
import { boundsOf, schemaAt } from "@/lib/cognito/spec/schema-introspection";
import { poolDocumentSchema } from "@/lib/cognito/spec/document-schema";
import { fromFormValues, fromFormValuesAt, type PoolFormValues } from "./form-values";
import { remapRecordErrors } from "./field-errors";

type RawIssue = z.core.$ZodRawIssue;

const EXPECTED: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "yes or no",
  object: "a group of settings",
  array: "a list",
  record: "key and value pairs",
};

function between(min: number | undefined, max: number | undefined, unit = ""): string {
  if (min !== undefined && max !== undefined) return `between ${min} and ${max}${unit}`;
  if (max !== undefined) return `at most ${max}${unit}`;
  return `at least ${min ?? 0}${unit}`;
}

/** A plain-words message for a zod issue (undefined: let zod's own message stand). */
export function messageForIssue(issue: RawIssue): string | undefined {
  const path = (issue.path ?? []).filter((p): p is string | number => typeof p !== "symbol");
  const schema = schemaAt(poolDocumentSchema, path);
  const bounds = schema ? boundsOf(schema) : undefined;
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "Required.";
      return `Must be ${EXPECTED[issue.expected] ?? issue.expected}${typeof issue.input === "string" && issue.expected !== "string" ? `, not "${issue.input}"` : ""}.`;
    case "too_small":
    case "too_big":
      if (issue.origin === "number" || issue.origin === "int") return `Must be ${between(bounds?.minimum, bounds?.maximum)}.`;
      if (issue.origin === "array") return `Must have ${between(bounds?.minLength, bounds?.maxLength, " items")}.`;
      if (issue.origin === "string") {
        if (bounds?.minLength === 1 && issue.code === "too_small") return "Required.";
        return `Must be ${between(bounds?.minLength, bounds?.maxLength, " characters")} long.`;
      }
      return undefined;
    case "invalid_value":
      return `Must be one of ${issue.values.map((v) => String(v)).join(", ")}.`;
    case "invalid_union":
      return bounds?.literalValues ? `Must be one of ${bounds.literalValues.map(String).join(", ")}.` : undefined;
    case "unrecognized_keys":
      return `Unknown setting${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}.`;
    default:
      return undefined;
  }
}

const documentResolver = zodResolver(poolDocumentSchema, { error: (issue) => messageForIssue(issue) });

/**
 * The part of the document whose schema checks a field: a list item (`spec.clients.3`) or a top-level setting
 * (`spec.passwordPolicy`, `metadata.name`). The schema has no rule across these parts (cross-field rules run in
 * `validatePoolDocument`, debounced), so checking the part gives the field the same error as checking it all.
 */
export function validationUnitOf(name: string): (string | number)[] {
  const parts = name.split(".").map((p) => (/^\d+$/u.test(p) ? Number(p) : p));
  return parts[0] === "spec" && typeof parts[2] === "number" ? parts.slice(0, 3) : parts.slice(0, 2);
}

/** At most this many parts are checked one by one; more (a whole-form check) check the whole document. */
const MAX_UNITS = 4;

/**
 * Errors of the named fields, from the schema of the parts they are in (see {@link validationUnitOf}); undefined
 * when a part has no schema of its own. Typing in one client of a 200-client pool checks that client only.
 */
async function resolveUnits(values: PoolFormValues, names: readonly string[], options: ResolverOptions<FieldValues>): Promise<FieldErrors | undefined> {
  const units = new Map(names.map((name) => validationUnitOf(name)).map((unit) => [unit.join("."), unit]));
  if (units.size === 0 || units.size > MAX_UNITS) return undefined;
  const flat: Record<string, FieldError> = {};
  for (const unit of units.values()) {
    const schema = unit.length >= 2 ? schemaAt(poolDocumentSchema, unit) : undefined;
    if (!schema) return undefined;
    const result = await schema.safeParseAsync(fromFormValuesAt(values, unit), {
      error: (issue) => messageForIssue({ ...issue, path: [...unit, ...(issue.path ?? [])] }),
    });
    for (const issue of result.success ? [] : result.error.issues) {
      const path = [...unit, ...issue.path].filter((p): p is string | number => typeof p !== "symbol").join(".");
      flat[path] ??= { type: issue.code, message: issue.message };
    }
  }
  return toNestErrors(flat, options);
}

/**
 * Resolver for `useForm({ resolver: poolDocumentResolver })`. A change to some fields (react-hook-form names
 * them) checks the parts of the document they are in; a whole-form check (submit, `trigger()`) converts and
 * checks the whole document.
 */
export const poolDocumentResolver: Resolver<FieldValues> = async (values, context, options) => {
  const names = options.names?.filter((n) => n !== "");
  const scoped = names && names.length > 0 ? await resolveUnits(values as PoolFormValues, names, options) : undefined;
  const errors = scoped ?? (await documentResolver(fromFormValues(values) as unknown as z.input<typeof poolDocumentSchema>, context, options as never)).errors;
  if (Object.keys(errors).length === 0) return { values, errors: {} };
  return { values: {}, errors: remapRecordErrors(errors, values as PoolFormValues) };
};
