/**
 * Validation results. A diagnostic's `path` points into the document the user gave, written the way a
 * person reads it (`spec.clients[0].callbackUrls[1]`), in the one notation of spec/paths.ts; `toFieldName`
 * turns it into the react-hook-form field name (`spec.clients.0.callbackUrls.1`).
 */
import { formatPath, toFieldName } from "./paths";

export type Severity = "error" | "warning";

export interface Diagnostic {
  severity: Severity;
  /** Where the problem is, e.g. `spec.clients[0].callbackUrls[1]`; "" means the whole document. */
  path: string;
  /** Stable machine-readable code, e.g. `oauth-flag-required`. */
  code: string;
  /** The rule in plain words, with the allowed values. */
  message: string;
}

export type PathSegment = string | number;

/** Appends segments to a path: numbers become `[i]`, identifiers `.name`, anything else `["key"]` (spec/paths.ts). */
export function joinPath(base: string, ...segments: readonly PathSegment[]): string {
  return formatPath(segments, base);
}

export { toFieldName };

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

export function error(path: string, code: string, message: string): Diagnostic {
  return { severity: "error", path, code, message };
}

export function warning(path: string, code: string, message: string): Diagnostic {
  return { severity: "warning", path, code, message };
}
