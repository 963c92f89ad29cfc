/**
 * YAML text every reader takes the same way. The `yaml` package writes YAML 1.2, where `ON`, `no`, `y` or
 * `2024-01-01` are plain strings; YAML 1.1 readers (PyYAML, Go yaml.v2, many CI tools) read them as booleans,
 * dates or numbers, so `mfaConfiguration: ON` would arrive as `true`. Strings that either version would read as
 * something else are written double-quoted. One helper for the native document, `presets show` and the OpenMCF
 * manifest, so the three cannot drift apart.
 */
import YAML from "yaml";

/** How the studio lays out YAML: two-space indent, no line folding. */
export const YAML_TEXT_OPTIONS = { lineWidth: 0, indent: 2 } as const;

/** YAML 1.1 booleans (https://yaml.org/type/bool.html). */
const YAML_11_BOOLEAN = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|true|True|TRUE|false|False|FALSE)$/u;
/** YAML 1.1's merge key and value indicator: PyYAML fails on them as plain scalars. */
const YAML_11_INDICATORS = new Set(["<<", "="]);
/** Words that stay strings in both versions once the booleans and nulls are excluded (the common case, no parse). */
const PLAIN_WORD = /^[A-Za-z][\w-]*$/u;
const NULL_WORD = /^(?:null|Null|NULL)$/u;
/**
 * An exponent with no mantissa ("e0", "E5"): the `yaml` package's YAML 1.1 float pattern allows the
 * empty mantissa and reads these as NaN, though they look like words. Found by the property test.
 */
const BARE_EXPONENT = /^[eE][-+]?[0-9]+$/u;

/**
 * Whether `value`, written as a plain (unquoted) scalar, would be read by a YAML 1.1 or 1.2 reader as anything
 * but this same string: a boolean, null, number, date, merge key, or other syntax. Multi-line strings are left to
 * the writer (it quotes or uses a block scalar, which is always a string).
 */
export function isAmbiguousYamlString(value: string): boolean {
  if (YAML_11_BOOLEAN.test(value) || YAML_11_INDICATORS.has(value) || BARE_EXPONENT.test(value)) return true;
  if (/[\n\r]/u.test(value)) return false;
  if (PLAIN_WORD.test(value)) return NULL_WORD.test(value);
  // A scalar that starts with a letter or slash reads as a number, date or null in neither YAML
  // version (booleans and null words are caught above), unless its structure is special (": ", " #",
  // a trailing colon or space). This skips the two trial parses below for URLs, ARNs and descriptions,
  // which a 1000-client export holds by the tens of thousands.
  if (/^[A-Za-z_/]/u.test(value) && !/: | #|:$|\s$|\t/u.test(value)) return false;
  for (const version of ["1.1", "1.2"] as const) {
    try {
      if (YAML.parse(value, { version, logLevel: "silent" }) !== value) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/** Marks every string scalar (keys too) that {@link isAmbiguousYamlString} flags as double-quoted. Mutates `node`. */
export function quoteAmbiguousScalars(node: YAML.Document | YAML.Node): void {
  YAML.visit(node, {
    Scalar(_, scalar) {
      if (typeof scalar.value === "string" && isAmbiguousYamlString(scalar.value)) scalar.type = "QUOTE_DOUBLE";
    },
  });
}

/** Writes a YAML document (with its comments) with ambiguous strings quoted. Mutates the scalars' styles in `doc`. */
export function stringifyYamlDocument(doc: YAML.Document): string {
  quoteAmbiguousScalars(doc);
  return doc.toString(YAML_TEXT_OPTIONS);
}

/** Writes a plain value as YAML with ambiguous strings quoted. */
export function stringifyYaml(value: unknown): string {
  return stringifyYamlDocument(new YAML.Document(value));
}
