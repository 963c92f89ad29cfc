/**
 * A template as read from its file: the value (YAML with short-form tags, or JSON) and a
 * way back from a path in that value to the file's line and source text, so every gap and warning can say
 * "template.yaml line 12" and quote the expression the person wrote.
 */
import { type Document, LineCounter, type Node, isMap, isScalar, isSeq, parseDocument } from "yaml";
import { type Diagnostic, error } from "../../spec/diagnostics";
import { readYamlFast } from "../fast-yaml";
import { CFN_READ_SCHEMA, CFN_READ_TAGS } from "./intrinsics";
import { type JsonPosition, jsonPathKey, jsonPositions } from "./json-positions";

export type TemplatePath = readonly (string | number)[];

/** Where a path points in the file: its 1-based line and, for quoting, the expression as written. */
export interface SourceLocation {
  line: number;
  source?: string;
}

export interface TemplateSource {
  file: string;
  /** The template: the file itself, or the `resources` section of a Serverless Framework file. */
  template: Record<string, unknown>;
  /** Where a path of `template` is in the file. */
  locate(path: TemplatePath): SourceLocation | undefined;
  /** The whole Serverless Framework file (serverless.yml) when the template is its `resources` section. */
  serverless?: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

const MAX_QUOTE = 100;

function quote(text: string, node?: Node): string {
  const tag = node?.tag && node.tag.startsWith("!") ? `${node.tag} ` : "";
  const flat = `${tag}${text}`.replace(/\s+/gu, " ").trim();
  return flat.length > MAX_QUOTE ? `${flat.slice(0, MAX_QUOTE - 1)}…` : flat;
}

function childOf(node: unknown, segment: string | number): { keyNode?: Node; value?: Node } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
    return pair ? { keyNode: pair.key as Node, value: (pair.value ?? undefined) as Node | undefined } : undefined;
  }
  if (isSeq(node) && typeof segment === "number") {
    const item = node.items[segment] as Node | undefined;
    return item ? { keyNode: item, value: item } : undefined;
  }
  return undefined;
}

function locator(doc: Document, text: string, lines: LineCounter): (path: TemplatePath) => SourceLocation | undefined {
  return (path) => {
    let node: unknown = doc.contents;
    let at: number | undefined;
    let value: Node | undefined;
    for (const segment of path) {
      const child = childOf(node, segment);
      // A path into a short-form function (`!Join [...]`) has no node of its own: the function's line is nearest.
      if (!child) break;
      at = child.keyNode?.range?.[0] ?? at;
      value = child.value;
      node = child.value;
    }
    if (at === undefined) return undefined;
    const range = value?.range;
    return { line: lines.linePos(at).line, ...(value && range ? { source: quote(text.slice(range[0], range[1]), value) } : {}) };
  };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line of an offset, by binary search over the line starts. */
function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function jsonLocator(text: string): (path: TemplatePath) => SourceLocation | undefined {
  let positions: Map<string, JsonPosition> | undefined;
  let starts: number[] | undefined;
  return (path) => {
    positions ??= jsonPositions(text);
    starts ??= lineStarts(text);
    for (let n = path.length; n > 0; n--) {
      const found = positions.get(jsonPathKey(path.slice(0, n)));
      if (found) return { line: lineAt(starts, found.at), source: quote(text.slice(found.start, found.end)) };
    }
    return undefined;
  };
}

/** JSON text (what CDK writes) through JSON.parse: the same value as the YAML reader gives, much faster. */
function readJson(text: string): Record<string, unknown> | undefined {
  if (!text.trimStart().startsWith("{")) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function templateOf(file: string, value: Record<string, unknown>, locate: TemplateSource["locate"]): TemplateSource {
  // serverless.yml keeps its CloudFormation under `resources` (https://www.serverless.com/framework/docs/providers/aws/guide/resources).
  if (!isObject(value.Resources) && isObject(value.resources) && isObject(value.resources.Resources))
    return { file, template: value.resources, locate: (path) => locate(["resources", ...path]), serverless: value };
  return { file, template: value, locate };
}

function parseYamlTemplate(text: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  return { doc: parseDocument(text, { customTags: CFN_READ_TAGS, uniqueKeys: false, lineCounter: lines, prettyErrors: false }), lines };
}

/**
 * Where paths are in a YAML template the fast reader took: the `yaml` package's positions, parsed on the first
 * question only. A template that imports with no gap or warning to place is never parsed twice.
 */
function lazyYamlLocator(text: string): (path: TemplatePath) => SourceLocation | undefined {
  let locate: ((path: TemplatePath) => SourceLocation | undefined) | undefined;
  return (path) => {
    if (!locate) {
      const { doc, lines } = parseYamlTemplate(text);
      locate = locator(doc, text, lines);
    }
    return locate(path);
  };
}

/** Reads a template file. A file YAML cannot read is one error naming its line and column. */
export function readTemplateSource(file: string, text: string): { source?: TemplateSource; diagnostics: Diagnostic[] } {
  const json = readJson(text);
  if (json) return { source: templateOf(file, json, jsonLocator(text)), diagnostics: [] };
  const fast = readYamlFast(text, { schema: CFN_READ_SCHEMA, repeatedKeys: true });
  if (fast && isObject(fast.value)) return { source: templateOf(file, fast.value, lazyYamlLocator(text)), diagnostics: [] };
  const { doc, lines } = parseYamlTemplate(text);
  const first = doc.errors[0];
  if (first) {
    const pos = lines.linePos(first.pos[0]);
    return { diagnostics: [error("", "unparsable", `${file} is not valid YAML or JSON at line ${pos.line}, column ${pos.col}: ${first.message.split("\n")[0]}; fix the file and import it again`)] };
  }
  const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
  if (!isObject(value)) return { diagnostics: [error("", "not-a-template", `${file} is not a CloudFormation template (it has no Resources section)`)] };
  return { source: templateOf(file, value, locator(doc, text, lines)), diagnostics: [] };
}
