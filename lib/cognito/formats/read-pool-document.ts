/**
 * Reads any pool document the studio accepts from YAML or JSON text: a native `cognito-studio.dev/v1` `UserPool`,
 * or an OpenMCF `AwsCognitoUserPool` manifest (`aws.openmcf.org/v1`, or `aws.planton.dev/v1` since the rename).
 * The kind is detected from `apiVersion`/`kind` (spec/document-kinds.ts), so every entry point (CLI, upload,
 * paste) accepts both without a flag. Never throws: unreadable text is one error with its line and column;
 * an unknown apiVersion/kind is one error naming what was found and what is accepted.
 */
import { detectDocumentKind } from "../spec/document-kinds";
import { poolDocumentFromValue } from "../spec/document";
import { parseDocumentTextFast } from "./fast-yaml";
import { parseOpenMcf } from "./openmcf/parse";
import type { ImportResult } from "./types";

/** Reads YAML or JSON text holding a native pool document or an OpenMCF AwsCognitoUserPool manifest. */
export function readPoolDocument(text: string, fileName?: string): ImportResult {
  try {
    const { value, diagnostics } = parseDocumentTextFast(text, fileName);
    if (diagnostics.length > 0) return { diagnostics };
    const kind = detectDocumentKind(value);
    if (kind === "openmcf") return parseOpenMcf(value);
    const read = poolDocumentFromValue(value);
    return kind === "native" ? { ...read, sourceKind: "native" } : read;
  } catch (cause) {
    return { diagnostics: [{ severity: "error", path: "", code: "internal-error", message: `the document could not be read (${cause instanceof Error ? cause.message : String(cause)}); please report this` }] };
  }
}
