/**
 * Reading and writing pool documents as YAML or JSON. Parsing never throws: unparsable text gives one
 * diagnostic with line and column; a parsed document is validated (schema + cross-field rules).
 */
import YAML from "yaml";
import { type Diagnostic, error } from "./diagnostics";
import { detectDocumentKind, unknownDocumentKind } from "./document-kinds";
import type { PoolDocument } from "./document-schema";
import { type ParsedPoolDocument, validatePoolDocument } from "./validate";
import { stringifyYaml } from "./yaml-text";

export type DocumentFormat = "yaml" | "json";

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

function syntaxError(line: number, column: number, what: string, detail: string): Diagnostic {
  return error("", "syntax-error", `${what} is not valid at line ${line}, column ${column}: ${detail}`);
}

function parseJson(text: string): { value?: unknown; diagnostic?: Diagnostic } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const position = /position (\d+)/u.exec(message);
    const explicit = /line (\d+) column (\d+)/u.exec(message);
    const where = explicit
      ? { line: Number(explicit[1]), column: Number(explicit[2]) }
      : lineColumn(text, position ? Number(position[1]) : text.length);
    const detail = message.replace(/\s*(in JSON )?at position \d+.*$/u, "").replace(/^JSON\.parse: /u, "");
    return { diagnostic: syntaxError(where.line, where.column, "JSON", detail) };
  }
}

function parseYaml(text: string): { value?: unknown; diagnostic?: Diagnostic } {
  try {
    const docs = YAML.parseAllDocuments(text, { prettyErrors: false });
    const list = Array.isArray(docs) ? docs : [docs];
    for (const doc of list) {
      const first = doc.errors[0];
      if (first) {
        const pos = first.linePos?.[0] ?? lineColumn(text, first.pos[0]);
        const detail = first.message.split("\n")[0].replace(/ at line \d+, column \d+.*$/u, "");
        return { diagnostic: syntaxError(pos.line, "col" in pos ? pos.col : pos.column, "YAML", detail) };
      }
    }
    if (list.length > 1) {
      const where = lineColumn(text, list[1].range[0]);
      return { diagnostic: syntaxError(where.line, where.column, "YAML", "a file must hold exactly one document; split it at the --- separator") };
    }
    return { value: list.length === 0 ? null : (list[0].toJS({ maxAliasCount: 100 }) as unknown) };
  } catch (cause) {
    return { diagnostic: error("", "syntax-error", `YAML could not be read: ${cause instanceof Error ? cause.message : String(cause)}`) };
  }
}

/** Parses YAML or JSON text into an object (JSON for `.json` files, YAML otherwise; YAML accepts JSON too). */
export function parseDocumentText(text: string, fileName?: string): { value?: unknown; diagnostics: Diagnostic[] } {
  if (text.trim() === "") return { diagnostics: [error("", "empty-document", `${fileName ?? "the input"} is empty; expected a pool document`)] };
  const { value, diagnostic } = fileName?.toLowerCase().endsWith(".json") ? parseJson(text) : parseYaml(text);
  return diagnostic ? { diagnostics: [diagnostic] } : { value, diagnostics: [] };
}

/**
 * Validates a parsed value as a native pool document. OpenMCF manifests are read by `readPoolDocument`
 * (formats/read-pool-document.ts), which calls this for native documents.
 */
export function poolDocumentFromValue(value: unknown): ParsedPoolDocument {
  if (detectDocumentKind(value) !== "native") return { diagnostics: [unknownDocumentKind(value)] };
  return validatePoolDocument(value);
}

/** Reads a native pool document from YAML or JSON text and validates it. */
export function parsePoolDocumentText(text: string, fileName?: string): ParsedPoolDocument {
  const { value, diagnostics } = parseDocumentText(text, fileName);
  return diagnostics.length > 0 ? { diagnostics } : poolDocumentFromValue(value);
}

/**
 * Writes a document as YAML or JSON (two-space indent, trailing newline). `parsePoolDocumentText` reads it back equal.
 * YAML quotes strings a YAML 1.1 reader would take for booleans or numbers (`mfaConfiguration: "ON"`).
 */
export function serialisePoolDocument(doc: PoolDocument, format: DocumentFormat): string {
  if (format === "json") return `${JSON.stringify(doc, null, 2)}\n`;
  return stringifyYaml(doc);
}
