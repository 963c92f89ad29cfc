/**
 * Everything the studio says about a pool file, in one call: read it (native or OpenMCF, through
 * `readPoolDocument`), validate it (schema and cross-field rules), then run the best-practice findings and the
 * policies given (a blocking policy's violation is an error, so the file is not valid).
 * Used by `cognito-studio validate` and anything else that checks a file the user gave. Never throws.
 */
import { toOpenMcfPath } from "../formats/openmcf/paths";
import { readPoolDocument } from "../formats/read-pool-document";
import { type Diagnostic, hasErrors } from "../spec/diagnostics";
import type { PoolDocument } from "../spec/document-schema";
import { findPoolFindings } from "./index";

/**
 * A workspace's policies to check as well, as a function of the document (the caller binds the compiled policies
 * and the target): the CEL evaluator then loads only for a caller that has policies, not for every `validate`.
 */
export interface PolicyCheckOptions {
  checkPolicies?: (document: PoolDocument) => Diagnostic[];
}

export interface PoolDocumentCheck {
  /** The document as the studio reads it (present when the file could be read as a pool document). */
  document?: PoolDocument;
  /** Reading and validation errors and warnings first, then findings. */
  diagnostics: Diagnostic[];
  /** True when no diagnostic is an error (warnings and findings allowed). */
  valid: boolean;
}

export function checkPoolDocumentText(text: string, fileName?: string, options: PolicyCheckOptions = {}): PoolDocumentCheck {
  // readPoolDocument validates too (schema and cross-field rules; for OpenMCF at the manifest's paths).
  const read = readPoolDocument(text, fileName);
  const diagnostics = [...read.diagnostics];
  if (read.document) {
    const findings = [...findPoolFindings(read.document), ...(options.checkPolicies?.(read.document) ?? [])];
    // Findings are computed on the native model; point them into the file the user gave.
    diagnostics.push(...(read.sourceKind === "openmcf" ? findings.map((f) => ({ ...f, path: toOpenMcfPath(f.path) })) : findings));
  }
  return { document: read.document, diagnostics, valid: !hasErrors(diagnostics) };
}
