/**
 * Reads HCL with tree-sitter's HCL grammar (`@tree-sitter-grammars/tree-sitter-hcl`, run by `web-tree-sitter`)
 * into the JSON shape `@cdktf/hcl2json` gives, which the importer consumes: blocks nested by type and labels
 * and wrapped in lists, literals as JSON values, every other expression as its source text in `${...}`, keys
 * sorted as Go's encoder sorts them. It is the fast path: a text it cannot vouch for (a syntax error, a
 * heredoc, a template directive, a strip marker, an interpolated literal, anything HCL would refuse that the
 * grammar lets through) gives `undefined`, and the caller reads that text with hcl2json, which stays the
 * reference: its error messages, with line and column, are the ones the person sees. The differential test
 * (hcl-reader.test.ts) holds the two to the same output. HCL's syntax:
 * https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md
 */
import { createRequire } from "node:module";
import { Language, Parser, type TreeCursor } from "web-tree-sitter";

type Json = Record<string, unknown>;

/** What this reader leaves to hcl2json (never shown to anyone). */
class LeftToReference extends Error {}

const leave = (why: string): never => {
  throw new LeftToReference(why);
};

let parser: Promise<Parser> | undefined;

/**
 * The file's path in node_modules, found when the server runs. The name arrives as an argument so that the
 * bundler of the studio (Next's Turbopack) does not see a literal `require.resolve("….wasm")`: it would try to
 * bundle the WebAssembly module and fail on its imports (`env`, `GOT.mem`). Both packages are server-external in
 * next.config.js, so they load from node_modules at run time.
 */
function resolveAtRuntime(request: string): string {
  return createRequire(import.meta.url).resolve(request);
}

/** The parser, loaded once per process (two WebAssembly modules from node_modules). */
function loadParser(): Promise<Parser> {
  parser ??= (async () => {
    await Parser.init({ locateFile: () => resolveAtRuntime("web-tree-sitter/web-tree-sitter.wasm") });
    const language = await Language.load(resolveAtRuntime("@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm"));
    const loaded = new Parser();
    loaded.setLanguage(language);
    return loaded;
  })();
  return parser;
}

/** The text as hcl2json reads it, or `undefined` when hcl2json must read it (see the file's comment). */
export async function readHclFast(text: string): Promise<Json | undefined> {
  const tree = (await loadParser()).parse(text);
  if (!tree) return undefined;
  try {
    if (tree.rootNode.hasError) return undefined;
    return new Reader(text, tree.walk()).configFile();
  } catch (cause) {
    if (cause instanceof LeftToReference) return undefined;
    throw cause;
  } finally {
    tree.delete();
  }
}

/** Go's encoding/json writes map keys sorted; JSON.parse then keeps that order (integer-like keys first, as here). */
function sortedKeys(object: Json): Json {
  const out: Json = {};
  for (const key of Object.keys(object).sort()) out[key] = object[key];
  return out;
}

const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };

/**
 * A quoted literal's text with HCL's backslash escapes undone. `$${` and `%%{` stay as written: hcl2json gives
 * them so, and the evaluator undoes them (hcl-evaluate.ts).
 */
function unescape(raw: string): string {
  if (!raw.includes("\\")) return raw.includes("\n") ? leave("newline in a quoted string") : raw;
  return raw.replace(/\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.)|$)/gsu, (_, four: string | undefined, eight: string | undefined, one: string | undefined) => {
    const hex = four ?? eight;
    if (hex !== undefined) {
      const code = Number.parseInt(hex, 16);
      return (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff ? leave("invalid code point") : String.fromCodePoint(code);
    }
    return (one !== undefined ? ESCAPES[one] : undefined) ?? leave("invalid escape");
  });
}

/** A node's children as the cursor sees them (comments skipped); the cursor is back on the node after. */
interface Child {
  type: string;
  start: number;
  end: number;
}

class Reader {
  constructor(
    private readonly text: string,
    private readonly cursor: TreeCursor,
  ) {}

  configFile(): Json {
    if (!this.cursor.gotoFirstChild()) return {};
    const out = this.skipComments() ? this.top() : {};
    this.cursor.gotoParent();
    return out;
  }

  /** The config file's one child: a body (an object would be a JSON tfvars file, which hcl2json refuses). */
  private top(): Json {
    return this.cursor.nodeType === "body" ? this.body() : leave(`top-level ${this.cursor.nodeType}`);
  }

  /** Moves past comments; false when none is left. */
  private skipComments(): boolean {
    while (this.cursor.nodeType === "comment") if (!this.cursor.gotoNextSibling()) return false;
    return true;
  }

  /** Visits each child but comments, with its facts, then returns to the node. */
  private eachChild(visit: (child: Child) => void): void {
    const c = this.cursor;
    if (!c.gotoFirstChild()) return;
    do {
      if (c.nodeType === "comment") continue;
      visit({ type: c.nodeType, start: c.startIndex, end: c.endIndex });
    } while (c.gotoNextSibling());
    c.gotoParent();
  }

  private source(child: { start: number; end: number }): string {
    return this.text.slice(child.start, child.end);
  }

  /** Whether a line ends between two offsets (rows are not asked of the tree: each question crosses into WebAssembly). */
  private newlineBetween(from: number, to: number): boolean {
    const at = this.text.indexOf("\n", from);
    return at >= 0 && at < to;
  }

  /** The last body read: how many items, where the first starts, whether all are attributes (single-line blocks). */
  private lastBody = { items: 0, first: -1, last: -1, onlyAttributes: true };

  /** Attributes and blocks; as in hcl2json, blocks first, then attributes (which win on a shared name). */
  private body(): Json {
    const blocks: Json = {};
    const attributes = new Map<string, unknown>();
    const facts = { items: 0, first: -1, last: -1, onlyAttributes: true };
    let previousEnd = -1;
    this.eachChild((item) => {
      // HCL ends each argument and block with a newline; the grammar does not insist.
      if (previousEnd >= 0 && !this.newlineBetween(previousEnd, item.start)) leave("two items on one line");
      previousEnd = item.end;
      facts.last = item.end;
      facts.items += 1;
      if (facts.first < 0) facts.first = item.start;
      if (item.type === "attribute") {
        const [name, value] = this.attribute();
        if (attributes.has(name)) leave("attribute redefined");
        attributes.set(name, value);
      } else if (item.type === "block") {
        facts.onlyAttributes = false;
        this.block(blocks);
      } else leave(`body item ${item.type}`);
    });
    this.lastBody = facts;
    const out = sortedLabels(blocks);
    for (const [name, value] of attributes) out[name] = value;
    return sortedKeys(out);
  }

  private attribute(): [string, unknown] {
    let name = "";
    let value: unknown;
    this.eachChild((child) => {
      if (child.type === "identifier") name = this.source(child);
      else if (child.type === "expression") value = this.expression(child);
    });
    return [name, value];
  }

  /** `type "label" ... { body }` nested into `out` the way hcl2json nests it. */
  private block(out: Json): void {
    const keys: string[] = [];
    let body: Json = {};
    let open = -1;
    let close = -1;
    let facts = { items: 0, first: -1, last: -1, onlyAttributes: true };
    this.eachChild((child) => {
      if (child.type === "identifier") keys.push(this.source(child));
      else if (child.type === "string_lit") keys.push(this.stringLiteral());
      else if (child.type === "block_start") open = child.start;
      else if (child.type === "body") {
        body = this.body();
        facts = this.lastBody;
      } else if (child.type === "block_end") close = child.start;
    });
    // A block opened and filled on one line must hold one argument and close on that line.
    const filledOnItsLine = facts.items > 0 && !this.newlineBetween(open, facts.first);
    if (filledOnItsLine && (facts.items !== 1 || !facts.onlyAttributes || this.newlineBetween(open, close))) leave("single-line block");
    if (!filledOnItsLine && facts.items > 0 && !this.newlineBetween(facts.last, close)) leave("block closed on the line of its last item");
    let target = out;
    for (const key of keys.slice(0, -1)) {
      const existing = target[key];
      if (existing === undefined) target[key] = {};
      else if (Array.isArray(existing)) leave("block labels clash");
      target = target[key] as Json;
    }
    const last = keys[keys.length - 1];
    const existing = target[last];
    if (existing === undefined) target[last] = [body];
    else if (Array.isArray(existing)) existing.push(body);
    else leave("block labels clash");
  }

  /**
   * The cursor is on a string_lit: its text, escapes undone. The text is what lies between the quotes (the
   * grammar's template_literal node leaves out spaces at its ends).
   */
  private stringLiteral(): string {
    let open = -1;
    let close = -1;
    this.eachChild((child) => {
      if (child.type === "quoted_template_start") open = child.end;
      else if (child.type === "quoted_template_end") close = child.start;
    });
    return open < 0 || close < open ? leave("unquoted string") : unescape(this.text.slice(open, close));
  }

  /** An expression node (the cursor on it) as hcl2json converts it. */
  private expression(node: Child): unknown {
    const plain = plainLiteral(this.source(node));
    if (plain !== NOT_PLAIN) return plain;
    const children: Child[] = [];
    this.eachChild((child) => children.push(child));
    if (children.length !== 1) return this.wrap(node); // parentheses, traversals, indexes, splats
    const only = children[0];
    this.cursor.gotoFirstChild();
    while (this.cursor.startIndex !== only.start || this.cursor.nodeType !== only.type) this.cursor.gotoNextSibling();
    try {
      switch (only.type) {
        case "literal_value":
          return this.literal();
        case "template_expr":
          return this.template(node);
        case "collection_value":
          return this.collection();
        case "operation":
          return this.operation(node);
        default:
          return this.wrap(node); // variables, function calls, for expressions, conditionals
      }
    } finally {
      this.cursor.gotoParent();
    }
  }

  /** `${` + the expression's source + `}`, as hcl2json writes any expression it does not evaluate. */
  private wrap(node: { start: number; end: number }): string {
    return `\${${this.source(node)}}`;
  }

  /** The cursor on a literal_value. */
  private literal(): unknown {
    let value: unknown;
    this.eachChild((child) => {
      const source = this.source(child);
      if (child.type === "numeric_lit") value = /^\d+(\.\d+)?([eE][-+]?\d+)?$/u.test(source) ? Number(source) : leave("numeric literal");
      else if (child.type === "bool_lit") value = source === "true";
      else if (child.type === "null_lit") value = null;
      else if (child.type === "string_lit") value = this.stringLiteral();
      else leave(`literal ${child.type}`);
    });
    return value;
  }

  /** The cursor on a template_expr: a quoted template with interpolations (heredocs are left to hcl2json). */
  private template(node: Child): unknown {
    let result: unknown;
    this.eachChild((child) => {
      if (child.type !== "quoted_template") leave(child.type);
      let open = -1;
      let close = -1;
      const interpolations: Child[] = [];
      this.eachChild((part) => {
        if (part.type === "template_directive") leave("template directive");
        if (part.type === "quoted_template_start") open = part.end;
        else if (part.type === "quoted_template_end") close = part.start;
        else if (part.type === "template_interpolation") interpolations.push(part);
      });
      if (open < 0 || close < open) leave("unquoted template");
      const only = interpolations[0];
      if (interpolations.length === 1 && only.start === open && only.end === close) {
        // "${x}" alone is the expression itself (hclsyntax's TemplateWrapExpr): a literal keeps its type.
        result = this.interpolated(only, node, true);
        return;
      }
      // The literal text is what lies between the interpolations (the grammar's literal nodes leave out spaces).
      let text = "";
      let at = open;
      for (const part of interpolations) {
        text += unescape(this.text.slice(at, part.start)) + String(this.interpolated(part, node, false));
        at = part.end;
      }
      result = text + unescape(this.text.slice(at, close));
    });
    return result;
  }

  /** One `${...}` of a template: its expression converted (alone) or its source wrapped (inside text). */
  private interpolated(part: Child, template: Child, alone: boolean): unknown {
    let result: unknown;
    this.seek(template, part, () => {
      this.eachChild((child) => {
        if (child.type === "strip_marker") leave("strip marker");
      });
      this.eachChild((child) => {
        if (child.type !== "expression") return;
        if (alone) {
          result = this.expression(child);
          return;
        }
        const kinds: string[] = [];
        this.eachChild((inner) => kinds.push(inner.type));
        // hcl2json turns literals, nested templates and conditionals inside text into text of their own.
        if (kinds.length === 1 && ["literal_value", "template_expr", "conditional"].includes(kinds[0])) leave("interpolated literal");
        result = this.wrap(child);
      });
    });
    if (result === undefined) leave("empty interpolation");
    return result;
  }

  /** Moves the cursor from `from` (where it is) down to its descendant `to`, runs `visit`, and comes back. */
  private seek(from: Child, to: Child, visit: () => void): void {
    const c = this.cursor;
    let depth = 0;
    for (;;) {
      if (c.startIndex === to.start && c.endIndex === to.end && c.nodeType === to.type) break;
      if (c.startIndex <= to.start && c.endIndex >= to.end && c.gotoFirstChild()) {
        depth += 1;
        continue;
      }
      if (!c.gotoNextSibling()) leave(`lost ${from.type}`);
    }
    try {
      visit();
    } finally {
      for (; depth > 0; depth -= 1) c.gotoParent();
    }
  }

  /** The cursor on a collection_value: a tuple becomes a list, an object an object (keys as hcl2json writes them). */
  private collection(): unknown {
    let result: unknown;
    this.eachChild((child) => {
      if (child.type === "tuple") {
        const list: unknown[] = [];
        this.eachChild((item) => {
          if (item.type === "expression") list.push(this.expression(item));
        });
        result = list;
      } else if (child.type === "object") result = this.object();
      else leave(child.type);
    });
    return result;
  }

  /** The cursor on an object: elements need a comma or a newline between them. */
  private object(): Json {
    const out: Json = {};
    let previousEnd = -1;
    let separated = true;
    this.eachChild((child) => {
      if (child.type === ",") separated = true;
      if (child.type !== "object_elem") return;
      if (!separated && !this.newlineBetween(previousEnd, child.start)) leave("object elements without a separator");
      separated = false;
      previousEnd = child.end;
      let key: string | undefined;
      this.eachChild((part) => {
        if (part.type !== "expression") return;
        if (key === undefined) key = this.objectKey(part);
        else out[key] = this.expression(part);
      });
    });
    return sortedKeys(out);
  }

  /** A bare name or traversal is its source; a quoted name its text; anything else its source in `${...}`. */
  private objectKey(node: Child): string {
    const kinds: Child[] = [];
    this.eachChild((child) => kinds.push(child));
    if (kinds[0]?.type === "variable_expr" && kinds.slice(1).every((k) => k.type === "get_attr")) return this.source(node);
    if (kinds.length === 1 && kinds[0].type === "literal_value") {
      const value = this.seekValue(node, kinds[0], () => this.literal());
      return typeof value === "string" ? value : leave("literal key");
    }
    if (kinds[0]?.type === "(") return this.wrap(node);
    return leave(`object key ${kinds.map((k) => k.type).join(" ")}`);
  }

  private seekValue<T>(from: Child, to: Child, read: () => T): T {
    let value: T | undefined;
    this.seek(from, to, () => {
      value = read();
    });
    return value as T;
  }

  /** The cursor on an operation: a sign or `!` before a literal is evaluated, as hcl2json does; the rest is wrapped. */
  private operation(node: Child): unknown {
    let result: unknown;
    this.eachChild((child) => {
      if (child.type !== "unary_operation") {
        result = this.wrap(node);
        return;
      }
      const parts: Child[] = [];
      this.eachChild((part) => parts.push(part));
      if (parts.length !== 2 || parts[1].type !== "literal_value") {
        result = this.wrap(node);
        return;
      }
      const operand = this.seekValue(child, parts[1], () => this.literal());
      const operator = this.source(parts[0]);
      if (operator === "-" && typeof operand === "number") result = -operand;
      else if (operator === "!" && typeof operand === "boolean") result = !operand;
      else leave("unary operator on a literal of another type");
    });
    return result;
  }
}

const NOT_PLAIN = Symbol("not a plain literal");

/**
 * A quoted string whose value is its text: no escape, no quote, no line end, no `%`, and `$` only to open an
 * interpolation of a plain traversal (`${aws_x.name.id}`: a name and at least one `.attribute`, no spaces),
 * which hcl2json writes back as its source.
 */
const PLAIN_TEXT = String.raw`"(?:[^"\\$%\n\r]|\$\{[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+\})*"`;
const PLAIN_STRING = new RegExp(`^${PLAIN_TEXT}$`, "u");
const PLAIN_NUMBER = /^\d+(\.\d+)?$/u;
/** A list of such strings, written as the exports write lists. */
const PLAIN_STRINGS = new RegExp(`^\\[(?:${PLAIN_TEXT}(?:, ${PLAIN_TEXT})*)?\\]$`, "u");

/**
 * The value of an expression whose whole source (as the grammar delimited it, in a tree without errors) is a
 * plain literal: a plain string, a decimal number, true, false, null, or a list of plain strings. The reader
 * would walk four to ten nodes down to the same value (expression, literal, string, its quotes, text and
 * interpolations), each step a call into WebAssembly; most values of an export are these. Anything else is walked.
 */
function plainLiteral(source: string): unknown {
  const first = source.charCodeAt(0);
  if (first === 0x22) return PLAIN_STRING.test(source) ? source.slice(1, -1) : NOT_PLAIN;
  if (first === 0x5b) {
    if (!PLAIN_STRINGS.test(source)) return NOT_PLAIN;
    return source.length === 2 ? [] : source.slice(2, -2).split('", "');
  }
  if (first >= 0x30 && first <= 0x39) return PLAIN_NUMBER.test(source) ? Number(source) : NOT_PLAIN;
  if (source === "true") return true;
  if (source === "false") return false;
  if (source === "null") return null;
  return NOT_PLAIN;
}

/** Block types and their label objects, sorted at each level down to the lists of bodies (sorted already). */
function sortedLabels(blocks: Json): Json {
  const out: Json = {};
  for (const key of Object.keys(blocks).sort()) {
    const value = blocks[key];
    out[key] = Array.isArray(value) ? value : sortedLabels(value as Json);
  }
  return out;
}
