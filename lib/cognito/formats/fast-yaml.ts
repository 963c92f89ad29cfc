/**
 * The fast YAML path for documents the studio writes or reads without comments. The `yaml` package's document
 * model (kept where comments, positions or its error messages are needed) cost most of an export or import
 * of a large pool: it reads the maximal pool's 930 KB document about ten times slower than js-yaml.
 * - Writing prints plain data directly. Strings that a YAML 1.1 or 1.2 reader would take for something else
 *   (`ON`, `no`, `2024-01-01`) are double-quoted by the same test as spec/yaml-text.ts
 *   (`isAmbiguousYamlString`), so CloudFormation and Go readers keep them as strings.
 * - Reading uses js-yaml with YAML 1.2's core schema (as the `yaml` package reads by default) and gives up on
 *   anything it might read or report differently (syntax errors, unknown tags, aliases, several documents, an
 *   empty file): the caller then takes the `yaml` package's path, whose diagnostics name the line and column.
 */
import { CORE_SCHEMA, type Schema, load } from "js-yaml";
import type { Diagnostic } from "../spec/diagnostics";
import { parseDocumentText } from "../spec/document";
import { isAmbiguousYamlString } from "../spec/yaml-text";

/**
 * No alias on the fast path: js-yaml shares an aliased node where the `yaml` path counts what each alias
 * expands to (`maxAliasCount`), so a document with aliases goes that way and keeps its alias-bomb guard.
 */
const MAX_ALIASES = 0;

/**
 * Characters a double-quoted scalar must escape beyond what `JSON.stringify` escapes: C1 controls and DEL
 * (not printable in YAML), NEL and the Unicode line and paragraph separators (line breaks to a YAML 1.1
 * reader, which would fold them), the byte-order mark and the two non-characters.
 */
const YAML_ONLY_ESCAPES = /[\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]/gu;
/** A plain scalar's first character: none of YAML's indicators, no space. */
const PLAIN_FIRST = /^[A-Za-z0-9_./(~$^+=]/u;
/** Printable characters that may stand in a plain scalar (no controls, tabs, line breaks, BOM or separators). */
const PLAIN_BODY = /^[\x20-\x7E\u00A0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]*$/u;
/** What ends or interrupts a plain scalar inside it: `: `, ` #`, a trailing colon or space. */
const PLAIN_BREAKER = /: | #|[: ]$/u;
/** Keys longer than this need YAML's explicit `? ` form (implicit keys stop at 1024 characters). */
const IMPLICIT_KEY_LIMIT = 1000;

function doubleQuoted(text: string): string {
  return JSON.stringify(text).replace(YAML_ONLY_ESCAPES, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * A string as a scalar: plain when every YAML 1.1 and 1.2 reader reads it back as this string, double-quoted
 * otherwise. Multi-line text is double-quoted with `\n` escapes, which reads the same everywhere.
 */
function scalar(text: string): string {
  if (text !== "" && PLAIN_FIRST.test(text) && PLAIN_BODY.test(text) && !PLAIN_BREAKER.test(text) && !isAmbiguousYamlString(text)) return text;
  return doubleQuoted(text);
}

/** A number as both YAML versions read it: YAML 1.1's float needs a dot before the exponent (`1.0e-7`, not `1e-7`). */
function number(value: number): string {
  const written = String(value);
  const exponent = written.indexOf("e");
  return exponent !== -1 && !written.includes(".") ? `${written.slice(0, exponent)}.0${written.slice(exponent)}` : written;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A leaf value as one line of text, or undefined for a collection (written as a block below its key). */
function leaf(value: unknown, represent: WriteYamlOptions["represent"]): string | undefined {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return scalar(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return Number.isFinite(value) ? number(value) : Number.isNaN(value) ? ".nan" : value > 0 ? ".inf" : "-.inf";
  if (typeof value === "bigint") return String(value);
  const custom = represent?.(value);
  if (custom !== undefined) return custom;
  if (Array.isArray(value)) return value.length === 0 ? "[]" : undefined;
  if (isPlainObject(value)) {
    for (const key in value) if (value[key] !== undefined) return undefined;
    return "{}";
  }
  return doubleQuoted(String(value));
}

function key(name: string): string {
  return scalar(name);
}

/** Appends `value`'s block lines, each indented by `indent`, to `out`. `value` is a non-empty collection. */
function block(value: unknown, indent: string, out: string[], represent: WriteYamlOptions["represent"]): void {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    for (const item of value) {
      const line = leaf(item, represent);
      if (line !== undefined) out.push(`${indent}- ${line}`);
      else {
        // A collection item starts on the dash's line: its first line loses its indentation to "- ".
        const at = out.length;
        block(item, inner, out, represent);
        out[at] = `${indent}- ${out[at]!.slice(inner.length)}`;
      }
    }
    return;
  }
  const map = value as Record<string, unknown>;
  for (const name in map) {
    const item = map[name];
    if (item === undefined) continue;
    const line = leaf(item, represent);
    const written = key(name);
    if (written.length > IMPLICIT_KEY_LIMIT) {
      out.push(`${indent}? ${written}`);
      if (line !== undefined) out.push(`${indent}: ${line}`);
      else {
        out.push(`${indent}:`);
        block(item, inner, out, represent);
      }
    } else if (line !== undefined) out.push(`${indent}${written}: ${line}`);
    else {
      out.push(`${indent}${written}:`);
      block(item, inner, out, represent);
    }
  }
}

export interface WriteYamlOptions {
  /** Comment lines written above the document, as the `yaml` package writes `commentBefore` (`#` before each non-empty line). */
  header?: string;
  /** Writes a value of the caller's own class (CloudFormation's `CfnRef` as `!Ref X`); undefined for others. */
  represent?: (value: object) => string | undefined;
}

/**
 * Writes a plain value (what JSON holds) as block YAML: two-space indent, no folding, `undefined` left out, and
 * every string that a YAML 1.1 or 1.2 reader would take for something else double-quoted. A direct printer:
 * the studio's documents are plain data, and going through a YAML library's node tree cost most of an export.
 */
export function writeYaml(value: unknown, options: WriteYamlOptions = {}): string {
  const top = leaf(value, options.represent);
  let body: string;
  if (top !== undefined) body = `${top}\n`;
  else {
    const out: string[] = [];
    block(value, "", out, options.represent);
    body = `${out.join("\n")}\n`;
  }
  if (options.header === undefined || options.header === "") return body;
  const comment = options.header
    .split("\n")
    .map((line) => (line === "" ? "" : `#${line}`))
    .join("\n");
  return `${comment}\n\n${body}`;
}

/**
 * Reads YAML text holding one document with the core schema (or `schema`). Undefined when the fast reader cannot give the
 * same answer as the `yaml` package: a syntax error, an unknown tag, an alias, several documents, an empty file.
 */
export function readYamlFast(text: string, options: { schema?: Schema; repeatedKeys?: boolean } = {}): { value: unknown } | undefined {
  try {
    // `json: true` lets a repeated key override the earlier one, as the `yaml` path's `uniqueKeys: false`.
    return { value: load(text, { schema: options.schema ?? CORE_SCHEMA, maxAliases: MAX_ALIASES, json: options.repeatedKeys === true }) };
  } catch {
    return undefined;
  }
}

/**
 * `parseDocumentText` (spec/document.ts) with the fast reader first: YAML text the fast reader takes whole is
 * returned from it; JSON files, empty text and anything it refuses go the `yaml` package's way, so errors and
 * their positions are the same as before.
 */
export function parseDocumentTextFast(text: string, fileName?: string): { value?: unknown; diagnostics: Diagnostic[] } {
  if (!fileName?.toLowerCase().endsWith(".json") && text.trim() !== "") {
    const fast = readYamlFast(text);
    if (fast) return { value: fast.value, diagnostics: [] };
  }
  return parseDocumentText(text, fileName);
}
