/**
 * Serverless Framework variables (`${self:custom.stage}`, `${opt:stage, 'dev'}`, `${sls:stage}`) in the
 * CloudFormation resources of a `serverless.yml` or of a resources file it includes
 * (https://www.serverless.com/framework/docs/guides/variables). The framework resolves them before
 * CloudFormation sees the template, so the import does the same with what it has: `self:` from the file
 * itself, values supplied under the variable's name (`--parameter opt:stage=prod`), and the fallbacks the
 * expression lists. What remains is a gap named by the variable.
 */
import { type Gap, Unresolved } from "./gaps";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** A variable reference: a known source, then anything up to the closing brace (no nesting). */
const VARIABLE_SOURCE = String.raw`\$\{\s*((?:self|opt|sls|env|cf|ssm|s3|param|aws|file|strToBool)\b[^{}]*)\}`;
const ONE_VARIABLE = new RegExp(VARIABLE_SOURCE, "u");
const MAX_DEPTH = 10;

export function hasServerlessVariable(text: string): boolean {
  return ONE_VARIABLE.test(text);
}

export interface ServerlessScope {
  /** Values supplied by name (`opt:stage` → `prod`). */
  supplied: Readonly<Record<string, string>>;
  /** The whole serverless.yml, for `self:` references; absent for a resources-only file. */
  file?: Json;
}

function splitAlternatives(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      out.push(current.trim());
      current = "";
    } else current += ch;
  }
  out.push(current.trim());
  return out;
}

function lookupSelf(file: Json | undefined, path: string): unknown {
  let node: unknown = file;
  for (const key of path.split(".")) node = isObject(node) ? node[key] : undefined;
  return node;
}

function resolveOne(expression: string, scope: ServerlessScope, depth: number): unknown {
  const alternatives = splitAlternatives(expression);
  for (const alternative of alternatives) {
    const literal = /^(['"])(.*)\1$/su.exec(alternative);
    if (literal) return literal[2];
    if (/^-?\d+(\.\d+)?$/u.test(alternative)) return Number(alternative);
    if (Object.hasOwn(scope.supplied, alternative)) return scope.supplied[alternative];
    if (alternative.startsWith("self:")) {
      const found = lookupSelf(scope.file, alternative.slice(5));
      if (found !== undefined && found !== null) {
        const resolved = typeof found === "string" ? resolveServerlessVariables(found, scope, depth + 1) : found;
        if (!(resolved instanceof Unresolved)) return resolved;
      }
    }
  }
  const name = alternatives[0];
  const gap: Gap = { name, kind: "variable", suppliable: true, description: "a Serverless Framework variable, which serverless resolves before CloudFormation sees the template" };
  return new Unresolved([gap]);
}

/**
 * The string with its Serverless Framework variables replaced: a value, an {@link Unresolved} naming the
 * variables that are not known, or the string itself when it has none.
 */
export function resolveServerlessVariables(text: string, scope: ServerlessScope, depth = 0): unknown {
  if (depth > MAX_DEPTH) return new Unresolved([{ name: text, kind: "variable", suppliable: false, why: "its variables refer to each other without end" }]);
  const matches = [...text.matchAll(new RegExp(VARIABLE_SOURCE, "gu"))];
  if (matches.length === 0) return text;
  // A string that is one variable takes the variable's value whatever its type (a list, a number).
  if (matches.length === 1 && matches[0][0] === text) return resolveOne(matches[0][1], scope, depth);
  const gaps: Gap[] = [];
  let out = "";
  let last = 0;
  for (const match of matches) {
    out += text.slice(last, match.index);
    last = (match.index ?? 0) + match[0].length;
    const value = resolveOne(match[1], scope, depth);
    if (value instanceof Unresolved) gaps.push(...value.gaps.filter((g) => !gaps.some((k) => k.name === g.name)));
    else out += typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : JSON.stringify(value);
  }
  return gaps.length ? new Unresolved(gaps) : out + text.slice(last);
}
