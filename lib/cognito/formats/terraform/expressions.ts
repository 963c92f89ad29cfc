/**
 * Evaluates the few Terraform expressions an exported (or hand-written, seed-000-style) file uses where the
 * pool model needs a value: `var.x` (its default), a resource server's `identifier` / `scope_identifiers`,
 * the pool's `id`, `concat(...)`, `tolist`/`toset`, list and string literals and `"${...}/x"` templates.
 * Anything else is reported by the caller as an argument that could not be imported. This is not an HCL
 * parser: `@cdktf/hcl2json` parses the file; this reads the expression strings it leaves in `${...}`.
 */

export interface ExpressionScope {
  variables: ReadonlyMap<string, unknown>;
  /** label → { identifier, scope names } of the file's aws_cognito_resource_server resources. */
  resourceServers: ReadonlyMap<string, { identifier: string; scopes: string[] }>;
  poolLabels: ReadonlySet<string>;
}

/** The value of `aws_cognito_user_pool.<label>.id`: a reference to the pool in the same file. */
export const POOL_REFERENCE = Symbol("pool-reference");

export class UnresolvedExpression extends Error {}

/** Splits `a, [b, c], "d,e"` at top-level commas. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === "\\") i++;
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  const last = text.slice(start);
  if (last.trim() !== "") parts.push(last);
  return parts.map((p) => p.trim());
}

/** Finds the `}` that closes a `${` starting at `open` (the index of `$`). */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === "\\") i++;
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === "{") depth++;
    else if (c === "}") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Evaluates a template string as hcl2json leaves it: literal text with `${expr}` parts (`$${` is a literal `${`). */
export function evaluateTemplate(text: string, scope: ExpressionScope): unknown {
  const trimmed = text;
  if (trimmed.startsWith("${") && closingBrace(trimmed, 0) === trimmed.length - 1) return evaluate(trimmed.slice(2, -1), scope);
  let out = "";
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith("$${", i)) {
      out += "${";
      i += 2;
    } else if (text.startsWith("%%{", i)) {
      out += "%{";
      i += 2;
    } else if (text.startsWith("${", i)) {
      const end = closingBrace(text, i);
      if (end < 0) throw new UnresolvedExpression(text);
      const value = evaluate(text.slice(i + 2, end), scope);
      if (typeof value !== "string" && typeof value !== "number") throw new UnresolvedExpression(text);
      out += String(value);
      i = end;
    } else if (text.startsWith("%{", i)) throw new UnresolvedExpression(text);
    else out += text[i];
  }
  return out;
}

function evaluate(expression: string, scope: ExpressionScope): unknown {
  const e = expression.trim();
  if (e.startsWith('"') && e.endsWith('"')) {
    // An HCL string literal: JSON-compatible escapes, then its own template parts.
    let literal: string;
    try {
      literal = JSON.parse(e) as string;
    } catch {
      throw new UnresolvedExpression(e);
    }
    return evaluateTemplate(literal, scope);
  }
  if (/^-?\d+(\.\d+)?$/u.test(e)) return Number(e);
  if (e === "true" || e === "false") return e === "true";
  if (e === "null") return null;
  if (e.startsWith("[") && e.endsWith("]")) return splitTopLevel(e.slice(1, -1)).map((item) => evaluate(item, scope));
  const call = /^([a-z_]+)\((.*)\)$/su.exec(e);
  if (call) {
    const args = splitTopLevel(call[2]).map((a) => evaluate(a, scope));
    if (call[1] === "concat" && args.every(Array.isArray)) return (args as unknown[][]).flat();
    if ((call[1] === "tolist" || call[1] === "toset") && args.length === 1 && Array.isArray(args[0])) return args[0];
    throw new UnresolvedExpression(e);
  }
  const variable = /^var\.([A-Za-z_][\w-]*)$/u.exec(e);
  if (variable) {
    if (!scope.variables.has(variable[1])) throw new UnresolvedExpression(e);
    return scope.variables.get(variable[1]);
  }
  const server = /^aws_cognito_resource_server\.([A-Za-z_][\w-]*)\.(identifier|scope_identifiers)$/u.exec(e);
  if (server) {
    const found = scope.resourceServers.get(server[1]);
    if (!found) throw new UnresolvedExpression(e);
    return server[2] === "identifier" ? found.identifier : found.scopes.map((s) => `${found.identifier}/${s}`);
  }
  const pool = /^aws_cognito_user_pool\.([A-Za-z_][\w-]*)\.id$/u.exec(e);
  if (pool && scope.poolLabels.has(pool[1])) return POOL_REFERENCE;
  throw new UnresolvedExpression(e);
}

/** Deeply evaluates every string of a resource body; `onUnresolved` names each argument that could not be. */
export function resolveBody(
  body: Record<string, unknown>,
  scope: ExpressionScope,
  onUnresolved: (path: string, expression: string) => void,
  path = "",
): Record<string, unknown> {
  const resolve = (value: unknown, at: string): unknown => {
    if (typeof value === "string") {
      if (!value.includes("${") && !value.includes("%{")) return value;
      try {
        return evaluateTemplate(value, scope);
      } catch {
        onUnresolved(at, value);
        return undefined;
      }
    }
    if (Array.isArray(value)) {
      const items = value.map((v, i) => resolve(v, `${at}[${i}]`));
      return items.some((v) => v === undefined) ? undefined : items;
    }
    if (value !== null && typeof value === "object") return resolveBody(value as Record<string, unknown>, scope, onUnresolved, at);
    return value;
  };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const v = resolve(value, path ? `${path}.${key}` : key);
    if (v !== undefined) out[key] = v;
  }
  return out;
}
