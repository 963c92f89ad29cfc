/**
 * A document's check laid out for the editor. Apart from the checks themselves (`analysis.ts`, loaded after
 * the first render), so the editor's first load carries only this.
 */
import { type Diagnostic, hasErrors } from "@/lib/cognito/spec/diagnostics";
import { type DiagnosticIndex, indexDiagnostics } from "./field-errors";
import type { PoolFormValues } from "./form-values";

/** A document's problems, as the editor shows them: validation diagnostics, then findings (warnings). */
export interface PoolDocumentCheck {
  validation: Diagnostic[];
  findings: Diagnostic[];
}

export interface Analysis {
  /** No error diagnostics: the document passes the schema and every cross-field rule. */
  valid: boolean;
  /** Validation diagnostics (errors and warnings) followed by findings (warnings). */
  diagnostics: Diagnostic[];
  findings: Diagnostic[];
  index: DiagnosticIndex;
}

/** A check laid out for the editor: every diagnostic, and by field name (for the form's `values`). */
export function toAnalysis(check: PoolDocumentCheck, values: PoolFormValues): Analysis {
  const all = [...check.validation, ...check.findings];
  return { valid: !hasErrors(check.validation), diagnostics: all, findings: check.findings, index: indexDiagnostics(all, values) };
}
