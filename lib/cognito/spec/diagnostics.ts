/**
 * Validation results. A diagnostic's `path` points into the document the user gave, written the way a
 * person reads it (`spec.clients[0].callbackUrls[1]`); {@link toFieldName} turns it into the
 * react-hook-form field name (`spec.clients.0.callbackUrls.1`).
 */
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

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;

/** Appends segments to a path: numbers become `[i]`, identifiers `.name`, anything else `["key"]`. */
export function joinPath(base: string, ...segments: readonly PathSegment[]): string {
  let out = base;
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** `spec.clients[0].callbackUrls[1]` → `spec.clients.0.callbackUrls.1` (react-hook-form names). */
export function toFieldName(path: string): string {
  return path
    .replace(/\[(\d+)\]/gu, ".$1")
    .replace(/\["((?:[^"\\]|\\.)*)"\]/gu, (_, key: string) => `.${JSON.parse(`"${key}"`) as string}`)
    .replace(/^\./u, "");
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

export function error(path: string, code: string, message: string): Diagnostic {
  return { severity: "error", path, code, message };
}

export function warning(path: string, code: string, message: string): Diagnostic {
  return { severity: "warning", path, code, message };
}
