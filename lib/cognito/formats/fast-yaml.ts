/**
 * The fast YAML path for documents the studio writes or reads without comments. `js-yaml` parses and prints
 * the maximal pool's 930 KB document about ten times faster than the `yaml` package, whose document model
 * (kept for comments, positions and error messages) costs most of the time. Two rules keep the output what
 * the `yaml` writer gave:
 * - strings that a YAML 1.1 or 1.2 reader would take for something else (`ON`, `no`, `2024-01-01`) are
 *   double-quoted, by the same test as spec/yaml-text.ts (`isAmbiguousYamlString`), so CloudFormation and Go
 *   readers keep them as strings;
 * - reading uses YAML 1.2's core schema (as the `yaml` package does by default) and gives up on anything it
 *   would report differently (syntax errors, several documents, an empty file): the caller then takes the
 *   `yaml` package's path, whose diagnostics name the line and column.
 */
import { CORE_SCHEMA, DEFAULT_SCALAR_STYLE_RULES, SCALAR_STYLE, type Schema, type ScalarLayout, type ScalarStyleRule, dump, load } from "js-yaml";
import type { Diagnostic } from "../spec/diagnostics";
import { parseDocumentText } from "../spec/document";
import { isAmbiguousYamlString } from "../spec/yaml-text";

/**
 * No alias on the fast path: js-yaml shares an aliased node where the `yaml` path counts what each alias
 * expands to (`maxAliasCount`), so a document with aliases goes that way and keeps its alias-bomb guard.
 */
const MAX_ALIASES = 0;

/** Double-quotes a string the plain style would let a YAML 1.1 or 1.2 reader take as another type. */
const quoteAmbiguous: ScalarStyleRule = (layout: ScalarLayout) => {
  if (layout.style !== SCALAR_STYLE.PLAIN || layout.node.tagged) return;
  if (layout.node.tag !== "tag:yaml.org,2002:str") return;
  if (isAmbiguousYamlString(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
};

const STYLE_RULES: readonly ScalarStyleRule[] = [quoteAmbiguous, ...Object.values(DEFAULT_SCALAR_STYLE_RULES)];

export interface WriteYamlOptions {
  /** Comment lines written above the document, as the `yaml` package writes `commentBefore` (`#` before each non-empty line). */
  header?: string;
  /** A schema with extra tags (CloudFormation's `!Ref`); the core schema otherwise. */
  schema?: Schema;
}

/** Writes a plain value as YAML: two-space indent, no folding, ambiguous strings double-quoted, `undefined` left out. */
export function writeYaml(value: unknown, options: WriteYamlOptions = {}): string {
  const body = dump(value, {
    schema: options.schema ?? CORE_SCHEMA,
    indent: 2,
    lineWidth: -1,
    noRefs: true,
    skipInvalid: true,
    quoteStyle: "double",
    scalarStyleRules: STYLE_RULES,
  });
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
