/**
 * A small HCL *writer* (never a parser: reading HCL is hcl-reader.ts's and `@cdktf/hcl2json`'s job). It
 * prints a tree of attributes, blocks and comments the way `terraform fmt` lays them out: two-space indent, and the `=` of
 * consecutive single-line attributes aligned. A multi-line value (an object, a list of objects) is never
 * aligned and ends the run, as `terraform fmt` does; the golden tests run `terraform fmt -check` on the output.
 */

/** A raw Terraform expression printed as-is, e.g. `aws_cognito_user_pool.this.id`. */
export class HclExpression {
  constructor(readonly code: string) {}
}

export function expr(code: string): HclExpression {
  return new HclExpression(code);
}

export type HclValue =
  | string
  | number
  | boolean
  | null
  | HclExpression
  | readonly HclValue[]
  | { readonly [key: string]: HclValue | undefined };

export type HclNode =
  | { kind: "attribute"; name: string; value: HclValue }
  | { kind: "block"; type: string; labels: readonly string[]; body: readonly HclNode[] }
  | { kind: "comment"; text: string }
  | { kind: "blank" };

export const attr = (name: string, value: HclValue): HclNode => ({ kind: "attribute", name, value });
export const block = (type: string, labels: readonly string[], body: readonly HclNode[]): HclNode => ({ kind: "block", type, labels, body });
export const comment = (text: string): HclNode => ({ kind: "comment", text });
export const blank: HclNode = { kind: "blank" };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/u;

/** Characters a string can hold and still be written between quotes as it is (no escape, no template start). */
const PLAIN_STRING = /^[^"\\\u0000-\u001f$%\ud800-\udfff\u2028\u2029]*$/u;

/** JSON's escapes HCL lacks or reads differently; an escaped backslash is matched first so `\\b` stays two characters. */
const JSON_TO_HCL = /\\\\|\\b|\\f|\$\{|%\{/gu;
const HCL_ESCAPES: Record<string, string> = { "\\\\": "\\\\", "\\b": "\\u0008", "\\f": "\\u000c", "${": "$${", "%{": "%%{" };

/**
 * A quoted HCL string. JSON escaping is close to HCL's; the differences: HCL has no `\b`/`\f` escapes, and
 * `${` / `%{` start templates, so a literal one is written `$${` / `%%{`. Most strings need no escape at all
 * (names, ARNs, URLs), and the export writes tens of thousands of them: those are written as they are.
 */
export function quote(text: string): string {
  if (PLAIN_STRING.test(text)) return `"${text}"`;
  return JSON.stringify(text).replace(JSON_TO_HCL, (m) => HCL_ESCAPES[m] ?? m);
}

function objectKey(key: string): string {
  return IDENTIFIER.test(key) ? key : quote(key);
}

function isMultiLine(value: HclValue): boolean {
  if (value === null || typeof value !== "object" || value instanceof HclExpression) return false;
  if (Array.isArray(value)) return value.some((v) => v !== null && typeof v === "object" && !(v instanceof HclExpression) && !Array.isArray(v));
  return Object.values(value).some((v) => v !== undefined);
}

function renderValue(value: HclValue, indent: string): string {
  if (value === null) return "null";
  if (value instanceof HclExpression) return value.code;
  if (typeof value === "string") return quote(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    const items = value as readonly HclValue[];
    if (!isMultiLine(items)) return `[${items.map((v) => renderValue(v, indent)).join(", ")}]`;
    const inner = `${indent}  `;
    return `[\n${items.map((v) => `${inner}${renderValue(v, inner)},\n`).join("")}${indent}]`;
  }
  const entries = Object.entries(value as Record<string, HclValue | undefined>).filter(
    (e): e is [string, HclValue] => e[1] !== undefined,
  );
  if (entries.length === 0) return "{}";
  const inner = `${indent}  `;
  const lines = renderAttributes(entries.map(([k, v]) => ({ name: objectKey(k), value: v })), inner);
  return `{\n${lines}${indent}}`;
}

/** Prints one run of single-line `name = value` lines, their `=` aligned. */
function renderRun(run: readonly { name: string; value: HclValue }[], indent: string): string {
  let width = 0;
  for (const r of run) width = Math.max(width, r.name.length);
  let out = "";
  for (const r of run) out += `${indent}${r.name.padEnd(width)} = ${renderValue(r.value, indent)}\n`;
  return out;
}

/**
 * Prints `name = value` lines with aligned `=` across each run of single-line values. (No closures here: the
 * export calls this for every object of 1,000 clients.)
 */
function renderAttributes(items: readonly { name: string; value: HclValue }[], indent: string): string {
  let out = "";
  let run: { name: string; value: HclValue }[] = [];
  for (const item of items) {
    if (isMultiLine(item.value)) {
      out += renderRun(run, indent);
      run = [];
      out += `${indent}${item.name} = ${renderValue(item.value, indent)}\n`;
    } else run.push(item);
  }
  return out + renderRun(run, indent);
}

function renderBody(nodes: readonly HclNode[], indent: string): string {
  let out = "";
  // The run of single-line attributes whose `=` are aligned together, still to print.
  let pending: { name: string; value: HclValue }[] = [];
  for (const node of nodes) {
    if (node.kind === "attribute") {
      // A multi-line value ends the alignment run before and after it.
      if (isMultiLine(node.value)) {
        out += `${renderRun(pending, indent)}${indent}${node.name} = ${renderValue(node.value, indent)}\n`;
        pending = [];
      } else pending.push(node);
      continue;
    }
    if (pending.length > 0) {
      out += renderRun(pending, indent);
      pending = [];
    }
    if (node.kind === "blank") out += "\n";
    else if (node.kind === "comment") out += node.text.split("\n").map((l) => `${indent}#${l ? ` ${l}` : ""}\n`).join("");
    else {
      let head = node.type;
      for (const label of node.labels) head += ` ${quote(label)}`;
      out += node.body.length === 0 ? `${indent}${head} {}\n` : `${indent}${head} {\n${renderBody(node.body, `${indent}  `)}${indent}}\n`;
    }
  }
  return out + renderRun(pending, indent);
}

/** Prints top-level nodes; blank lines between top-level blocks come from the caller's `blank` nodes. */
export function renderHcl(nodes: readonly HclNode[]): string {
  return renderBody(nodes, "");
}
