/**
 * Validation of pool documents and specs: the zod schema (AWS API constraints) first, then the cross-field rules
 * AWS enforces at request time (`rules/`). Cross-field rules run only on a spec that passed the schema, so they
 * can trust its shape; fix the schema errors first to see them. Never throws, never mutates its input.
 */
import { type Diagnostic, error } from "./diagnostics";
import { POOL_API_VERSION, POOL_KIND, type PoolDocument, poolDocumentSchema } from "./document-schema";
import { type PoolSpec, poolSpecSchema } from "./pool-schema";
import { CROSS_FIELD_RULES } from "./rules";
import { diagnosticsFromZodIssues } from "./zod-issues";

/**
 * Runs every cross-field rule on a schema-valid spec. A rule that throws becomes an internal-error diagnostic.
 * Every rule gets the same context, so what rules share of it (the effective clients, rules/rule.ts) is built once.
 */
export function runCrossFieldRules(spec: PoolSpec, basePath = "spec"): Diagnostic[] {
  const out: Diagnostic[] = [];
  const context = { spec, base: basePath };
  for (const rule of CROSS_FIELD_RULES) {
    try {
      out.push(...rule(context));
    } catch (cause) {
      out.push(error(basePath, "internal-error", `a validation rule failed unexpectedly (${cause instanceof Error ? cause.message : String(cause)}); please report this`));
    }
  }
  return out;
}

/** Validates a spec (the `spec` of a document). Paths start with `basePath`. */
export function validatePoolSpec(spec: unknown, basePath = "spec"): Diagnostic[] {
  try {
    const parsed = poolSpecSchema.safeParse(spec);
    if (!parsed.success) return diagnosticsFromZodIssues(parsed.error.issues, poolSpecSchema, spec, basePath);
    return runCrossFieldRules(parsed.data, basePath);
  } catch (cause) {
    return [error(basePath, "internal-error", `validation failed unexpectedly (${cause instanceof Error ? cause.message : String(cause)})`)];
  }
}

/**
 * A document checked once: the parsed document (present when it matched the schema; it may still carry
 * cross-field errors in `diagnostics`) and every finding. Callers use `document` instead of parsing again.
 */
export interface ParsedPoolDocument {
  document?: PoolDocument;
  diagnostics: Diagnostic[];
}

function failed(code: string, message: string): ParsedPoolDocument {
  return { diagnostics: [error("", code, message)] };
}

/** Validates a whole native document (`apiVersion: cognito-studio.dev/v1`, `kind: UserPool`), parsing it once. */
export function validatePoolDocument(input: unknown): ParsedPoolDocument {
  try {
    if (input === null || typeof input !== "object" || Array.isArray(input))
      return failed("not-a-document", `a pool document must be an object with apiVersion "${POOL_API_VERSION}", kind "${POOL_KIND}", metadata and spec`);
    const parsed = poolDocumentSchema.safeParse(input);
    if (!parsed.success) return { diagnostics: diagnosticsFromZodIssues(parsed.error.issues, poolDocumentSchema, input, "") };
    return { document: parsed.data, diagnostics: runCrossFieldRules(parsed.data.spec, "spec") };
  } catch (cause) {
    return failed("internal-error", `validation failed unexpectedly (${cause instanceof Error ? cause.message : String(cause)})`);
  }
}
