/**
 * Parses HCL expression text (what `@cdktf/hcl2json` leaves inside `${...}`) into a small syntax tree: literals,
 * templates, references and traversals, function calls, operators, conditionals, lists, objects, `for`
 * expressions and splats. The grammar follows the HCL native syntax specification
 * (https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md). Template directives (`%{if}`, `%{for}`) are
 * parsed as unsupported parts; the evaluator names them. Throws {@link ParseError} on text it cannot read.
 */

export class ParseError extends Error {}

export type Step = { kind: "attr"; name: string } | { kind: "index"; key: Expr } | { kind: "splat" };

export type TemplatePart = string | Expr | { kind: "directive"; text: string };

export type Expr =
  | { kind: "literal"; value: null | boolean | number | string }
  | { kind: "template"; parts: TemplatePart[] }
  | { kind: "reference"; root: string; steps: Step[] }
  | { kind: "traverse"; target: Expr; steps: Step[] }
  | { kind: "call"; name: string; args: Expr[]; expand: boolean }
  | { kind: "list"; items: Expr[] }
  | { kind: "object"; entries: { key: Expr; value: Expr }[] }
  | { kind: "unary"; op: "!" | "-"; operand: Expr }
  | { kind: "binary"; op: string; left: Expr; right: Expr }
  | { kind: "conditional"; condition: Expr; then: Expr; else: Expr }
  | { kind: "for"; keyVar?: string; valueVar: string; collection: Expr; keyExpr?: Expr; valueExpr: Expr; condition?: Expr; object: boolean; group: boolean };

type Token = { type: "number" | "string" | "ident" | "punct" | "eof"; text: string; pos: number };

const PUNCTUATION = ["...", "=>", "==", "!=", "<=", ">=", "&&", "||", "[", "]", "(", ")", "{", "}", ",", ".", "?", ":", "=", "!", "<", ">", "+", "-", "*", "/", "%"];

/** Index just past the closing quote of the string literal opening at `start` (nested `${...}` included). */
function scanQuoted(src: string, start: number): number {
  let i = start + 1;
  while (i < src.length) {
    const c = src[i];
    if (c === "\\") i += 2;
    else if (c === '"') return i + 1;
    else if ((c === "$" || c === "%") && src[i + 1] === "{" && src[i - 1] !== c) i = scanBraces(src, i + 1);
    else i++;
  }
  throw new ParseError("a string is not closed");
}

/** Index just past the `}` matching the `{` at `open`, skipping strings inside. */
function scanBraces(src: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < src.length) {
    const c = src[i];
    if (c === '"') {
      i = scanQuoted(src, i);
      continue;
    }
    if (c === "{") depth++;
    else if (c === "}") {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  throw new ParseError("a ${ is not closed");
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/u.test(c)) {
      i++;
      continue;
    }
    if (c === "#" || (c === "/" && src[i + 1] === "/")) {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (c === "/" && src[i + 1] === "*") {
      const end = src.indexOf("*/", i + 2);
      i = end < 0 ? src.length : end + 2;
      continue;
    }
    if (c === '"') {
      const end = scanQuoted(src, i);
      tokens.push({ type: "string", text: src.slice(i + 1, end - 1), pos: i });
      i = end;
      continue;
    }
    const number = /^\d+(\.\d+)?([eE][+-]?\d+)?/u.exec(src.slice(i, i + 64));
    if (number) {
      tokens.push({ type: "number", text: number[0], pos: i });
      i += number[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_-]*/u.exec(src.slice(i, i + 256));
    if (ident) {
      // `a-1` in an identifier is HCL's; `a - 1` needs the spaces, as in Terraform.
      tokens.push({ type: "ident", text: ident[0], pos: i });
      i += ident[0].length;
      continue;
    }
    const punct = PUNCTUATION.find((p) => src.startsWith(p, i));
    if (!punct) throw new ParseError(`unexpected character ${JSON.stringify(c)}`);
    tokens.push({ type: "punct", text: punct, pos: i });
    i += punct.length;
  }
  tokens.push({ type: "eof", text: "", pos: src.length });
  return tokens;
}

const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };

/** HCL string escapes: \n \r \t \" \\ \uNNNN \UNNNNNNNN. */
function unescape(text: string): string {
  return text.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)/gsu, (_, e: string) => {
    if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    return ESCAPES[e] ?? e;
  });
}

/**
 * Splits template text into literal parts and `${...}` expressions. `escaped`: the text is still as written
 * in a quoted string (escapes to undo); hcl2json's top-level strings are already unescaped.
 */
export function parseTemplate(text: string, escaped: boolean): Expr {
  const parts: TemplatePart[] = [];
  let literal = "";
  let i = 0;
  while (i < text.length) {
    if ((text.startsWith("$${", i) || text.startsWith("%%{", i)) && (!escaped || text[i - 1] !== "\\")) {
      literal += `${text[i]}{`;
      i += 3;
    } else if (text.startsWith("${", i) || text.startsWith("%{", i)) {
      const end = scanBraces(text, i + 1);
      if (literal) parts.push(escaped ? unescape(literal) : literal);
      literal = "";
      const inner = text.slice(i + 2, end - 1).replace(/^~/u, "").replace(/~$/u, "");
      parts.push(text[i] === "$" ? parseExpression(inner) : { kind: "directive", text: text.slice(i, end) });
      i = end;
    } else if (escaped && text[i] === "\\") {
      literal += text.slice(i, i + 2);
      i += 2;
    } else literal += text[i++];
  }
  if (literal) parts.push(escaped ? unescape(literal) : literal);
  if (parts.length === 0) return { kind: "literal", value: "" };
  if (parts.length === 1 && typeof parts[0] === "string") return { kind: "literal", value: parts[0] };
  return { kind: "template", parts };
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.at + offset, this.tokens.length - 1)];
  }

  next(): Token {
    const token = this.peek();
    if (this.at < this.tokens.length - 1) this.at++;
    return token;
  }

  is(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return (t.type === "punct" || t.type === "ident") && t.text === text;
  }

  expect(text: string): void {
    const t = this.next();
    if (t.text !== text || t.type === "string") throw new ParseError(`expected "${text}" but found "${t.text || "the end"}"`);
  }

  ident(): string {
    const t = this.next();
    if (t.type !== "ident") throw new ParseError(`expected a name but found "${t.text || "the end"}"`);
    return t.text;
  }

  done(): boolean {
    return this.peek().type === "eof";
  }

  expression(): Expr {
    const condition = this.binary(0);
    if (!this.is("?")) return condition;
    this.next();
    const then = this.expression();
    this.expect(":");
    return { kind: "conditional", condition, then, else: this.expression() };
  }

  private static readonly LEVELS = [["||"], ["&&"], ["==", "!="], ["<", "<=", ">", ">="], ["+", "-"], ["*", "/", "%"]];

  binary(level: number): Expr {
    if (level >= Parser.LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    while (this.peek().type === "punct" && Parser.LEVELS[level].includes(this.peek().text)) {
      const op = this.next().text;
      left = { kind: "binary", op, left, right: this.binary(level + 1) };
    }
    return left;
  }

  unary(): Expr {
    if (this.is("!") || this.is("-")) {
      const op = this.next().text as "!" | "-";
      return { kind: "unary", op, operand: this.unary() };
    }
    return this.postfix(this.primary());
  }

  steps(): Step[] {
    const steps: Step[] = [];
    for (;;) {
      if (this.is(".")) {
        this.next();
        const t = this.next();
        if (t.type === "punct" && t.text === "*") steps.push({ kind: "splat" });
        else if (t.type === "ident") steps.push({ kind: "attr", name: t.text });
        else if (t.type === "number" && /^\d+$/u.test(t.text)) steps.push({ kind: "index", key: { kind: "literal", value: Number(t.text) } });
        else throw new ParseError(`expected an attribute name after "." but found "${t.text || "the end"}"`);
      } else if (this.is("[")) {
        this.next();
        if (this.is("*") && this.is("]", 1)) {
          this.next();
          this.next();
          steps.push({ kind: "splat" });
          continue;
        }
        const key = this.expression();
        this.expect("]");
        steps.push({ kind: "index", key });
      } else return steps;
    }
  }

  postfix(target: Expr): Expr {
    const steps = this.steps();
    if (steps.length === 0) return target;
    if (target.kind === "reference") return { ...target, steps: [...target.steps, ...steps] };
    return { kind: "traverse", target, steps };
  }

  primary(): Expr {
    const t = this.peek();
    if (t.type === "number") {
      this.next();
      return { kind: "literal", value: Number(t.text) };
    }
    if (t.type === "string") {
      this.next();
      return parseTemplate(t.text, true);
    }
    if (t.type === "ident") {
      this.next();
      if (t.text === "true" || t.text === "false") return { kind: "literal", value: t.text === "true" };
      if (t.text === "null") return { kind: "literal", value: null };
      if (this.is("(")) return this.call(t.text);
      // Provider-namespaced functions (provider::aws::arn_parse) are not evaluated.
      if (this.is(":") && this.is(":", 1)) throw new ParseError(`provider functions (${t.text}::...) are not evaluated`);
      return { kind: "reference", root: t.text, steps: [] };
    }
    if (this.is("(")) {
      this.next();
      const inner = this.expression();
      this.expect(")");
      return inner;
    }
    if (this.is("[")) return this.list();
    if (this.is("{")) return this.object();
    throw new ParseError(`unexpected "${t.text || "end of expression"}"`);
  }

  call(name: string): Expr {
    this.expect("(");
    const args: Expr[] = [];
    let expand = false;
    while (!this.is(")")) {
      args.push(this.expression());
      if (this.is("...")) {
        this.next();
        expand = true;
      }
      if (this.is(",")) this.next();
      else if (!this.is(")")) throw new ParseError(`expected "," or ")" in the arguments of ${name}()`);
    }
    this.expect(")");
    return { kind: "call", name, args, expand };
  }

  forHead(): { keyVar?: string; valueVar: string; collection: Expr } {
    this.next(); // for
    const first = this.ident();
    let keyVar: string | undefined;
    let valueVar = first;
    if (this.is(",")) {
      this.next();
      keyVar = first;
      valueVar = this.ident();
    }
    this.expect("in");
    const collection = this.expression();
    this.expect(":");
    return { keyVar, valueVar, collection };
  }

  forCondition(): Expr | undefined {
    if (!this.is("if")) return undefined;
    this.next();
    return this.expression();
  }

  list(): Expr {
    this.expect("[");
    if (this.is("for") && this.peek(1).type === "ident") {
      const head = this.forHead();
      const valueExpr = this.expression();
      const condition = this.forCondition();
      this.expect("]");
      return { kind: "for", ...head, valueExpr, condition, object: false, group: false };
    }
    const items: Expr[] = [];
    while (!this.is("]")) {
      items.push(this.expression());
      if (this.is(",")) this.next();
      else if (!this.is("]")) throw new ParseError('expected "," or "]" in a list');
    }
    this.expect("]");
    return { kind: "list", items };
  }

  object(): Expr {
    this.expect("{");
    if (this.is("for") && this.peek(1).type === "ident") {
      const head = this.forHead();
      const keyExpr = this.expression();
      this.expect("=>");
      const valueExpr = this.expression();
      let group = false;
      if (this.is("...")) {
        this.next();
        group = true;
      }
      const condition = this.forCondition();
      this.expect("}");
      return { kind: "for", ...head, keyExpr, valueExpr, condition, object: true, group };
    }
    const entries: { key: Expr; value: Expr }[] = [];
    while (!this.is("}")) {
      const t = this.peek();
      let key: Expr;
      if (t.type === "ident" && (this.is("=", 1) || this.is(":", 1))) {
        this.next();
        key = { kind: "literal", value: t.text };
      } else key = this.binary(0);
      if (!this.is("=") && !this.is(":")) throw new ParseError('expected "=" after an object key');
      this.next();
      entries.push({ key, value: this.expression() });
      if (this.is(",")) this.next();
    }
    this.expect("}");
    return { kind: "object", entries };
  }
}

/** Parses one expression (the text inside `${...}`). */
export function parseExpression(text: string): Expr {
  const parser = new Parser(tokenize(text));
  const expr = parser.expression();
  if (!parser.done()) throw new ParseError(`unexpected "${parser.peek().text}" after the expression`);
  return expr;
}
