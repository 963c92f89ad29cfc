/**
 * The editor's checks of a whole document: validation (schema and cross-field rules) and best-practice findings.
 * Its own module, loaded by the editor after the page is interactive (the rules and findings stay out of the
 * editor's first-load JavaScript); the page checks the stored document on the server for the first render.
 */
import { findPlaceholders, findPoolFindings } from "@/lib/cognito/findings";
import type { Diagnostic } from "@/lib/cognito/spec/diagnostics";
import type { PoolDocument } from "@/lib/cognito/spec/document-schema";
import { validatePoolDocument } from "@/lib/cognito/spec/validate";
import { type Analysis, type PoolDocumentCheck, toAnalysis } from "./analysis-view";
import type { PoolFormValues } from "./form-values";

export { type Analysis, type PoolDocumentCheck, toAnalysis };

/**
 * Validation and findings of a document (and the workspace's policies' violations, as findings). Findings run only on a schema-valid document (their checks trust the
 * shape); while it is invalid the previous findings are kept so warnings do not flicker as you type.
 */
export function checkPoolDocument(
  doc: unknown,
  previousFindings: readonly Diagnostic[] = [],
  checkPolicies: (doc: PoolDocument) => Diagnostic[] = () => [],
): PoolDocumentCheck {
  const { document: parsed, diagnostics } = validatePoolDocument(doc);
  const pool = doc as PoolDocument;
  const findings = parsed ? [...findPoolFindings(pool), ...findPlaceholders(pool), ...checkPolicies(pool)] : [...previousFindings];
  return { validation: diagnostics, findings };
}

/** {@link checkPoolDocument} laid out for the editor ({@link toAnalysis}). */
export function analysePoolDocument(
  doc: PoolDocument,
  values: PoolFormValues,
  previousFindings: readonly Diagnostic[] = [],
  checkPolicies?: (doc: PoolDocument) => Diagnostic[],
): Analysis {
  return toAnalysis(checkPoolDocument(doc, previousFindings, checkPolicies), values);
}
