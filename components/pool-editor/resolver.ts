/**
 * The editor's react-hook-form resolver: the form values are converted to a document ({@link fromFormValues})
 * and checked by `zodResolver(poolDocumentSchema)`, the same schema the server action, the CLI and imports use.
 * Messages state the rule with its full range (read from the schema), instead of zod's generic text; fields
 * with their own message in the schema (patterns such as ARNs) keep it.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";
import { boundsOf, poolDocumentSchema, schemaAt } from "@/lib/cognito/spec";
import { fromFormValues, type PoolFormValues } from "./form-values";
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

/** Resolver for `useForm({ resolver: poolDocumentResolver })`; validates the converted document. */
export const poolDocumentResolver: Resolver<FieldValues> = async (values, context, options) => {
  const result = await documentResolver(fromFormValues(values) as unknown as z.input<typeof poolDocumentSchema>, context, options as never);
  if (Object.keys(result.errors).length === 0) return { values, errors: {} };
  return { values: {}, errors: remapRecordErrors(result.errors, values as PoolFormValues) };
};
