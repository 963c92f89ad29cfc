/**
 * Compiling a policy: each CEL expression is parsed and type-checked once, against the variables a policy may
 * read (`pool`, `target`, `clients`, and `item`/`index` under `each`). Compiling never throws: a bad expression
 * becomes a {@link PolicyProblem} naming the policy, the expression, the column and what to do.
 *
 * The evaluator is @marcbachmann/cel-js (https://github.com/marcbachmann/cel-js): no dependencies, a few hundred
 * kilobytes, and its errors carry the position in the expression.
 */
import { Environment, type ParseResult } from "@marcbachmann/cel-js";
import { NOT_RE2, TOO_LARGE, withLinearMatches } from "./linear-matches";
import type { Policy, PolicyExpressionKey, PolicyProblem } from "./types";

/** A compiled expression: call it with the variables. */
export type CompiledExpression = ParseResult;

export interface CompiledPolicy {
  policy: Policy;
  when?: CompiledExpression;
  each?: CompiledExpression;
  require: CompiledExpression;
}

/**
 * Structural limits on an expression (https://github.com/google/cel-spec/blob/master/doc/langdef.md#performance):
 * far above what a rule needs, low enough that no expression costs the server noticeable time.
 */
const LIMITS = { maxAstNodes: 500, maxDepth: 32, maxListElements: 100, maxMapEntries: 100, maxCallArguments: 8 };

function makeEnvironment(withItem: boolean): Environment {
  const env = withLinearMatches(new Environment({ limits: LIMITS, homogeneousAggregateLiterals: false }))
    .registerVariable("pool", "dyn")
    .registerVariable("target", "dyn")
    .registerVariable("clients", "dyn");
  return withItem ? env.registerVariable("item", "dyn").registerVariable("index", "dyn") : env;
}

let environments: { plain: Environment; withItem: Environment } | undefined;
function environmentFor(key: PolicyExpressionKey, hasEach: boolean): Environment {
  environments ??= { plain: makeEnvironment(false), withItem: makeEnvironment(true) };
  return key === "require" && hasEach ? environments.withItem : environments.plain;
}

/** What to do about an evaluator message, in plain words. The first pattern that matches wins. */
const ADVICE: readonly { pattern: RegExp; advice: string }[] = [
  { pattern: /Unexpected character: =/u, advice: "CEL compares with == (a single = is not an operator)" },
  { pattern: /Unknown variable/iu, advice: "a policy reads pool (pool.metadata, pool.spec), target (target.name, target.region) and clients; under each, also item and index" },
  { pattern: /Unexpected token: EOF/u, advice: "the expression ends too early: complete it after the last operator" },
  { pattern: /overload/iu, advice: "the values on each side are of different types: compare a string with a string, a number with a number (size(list) for a count)" },
  {
    pattern: new RegExp(NOT_RE2, "u"),
    advice: "matches takes RE2 syntax (https://github.com/google/re2/wiki/Syntax): correct the pattern (RE2 has no backreferences such as \\1, no lookaround such as (?=…), and repeats at most {1000})",
  },
  { pattern: new RegExp(TOO_LARGE, "u"), advice: "use fewer or smaller counted repetitions ({n}) in the pattern" },
  { pattern: /Unterminated/iu, advice: 'close every string with the quote that opened it ("…" or \'…\')' },
];

function adviceFor(message: string): string {
  return ADVICE.find((a) => a.pattern.test(message))?.advice ?? "correct the expression at that column (CEL syntax: https://cel.dev)";
}

interface CelErrorLike {
  summary?: string;
  message: string;
  node?: { pos?: number; start?: number };
}

/** A problem from an evaluator error: the first line of its message, the column, and advice. */
export function problemFrom(policyId: string, expression: PolicyExpressionKey, cause: unknown): PolicyProblem {
  const err = (cause instanceof Error ? cause : new Error(String(cause))) as CelErrorLike;
  const summary = (err.summary ?? err.message).split("\n")[0] ?? "invalid expression";
  const offset = err.node?.start ?? err.node?.pos;
  const column = typeof offset === "number" ? offset + 1 : undefined;
  const where = column === undefined ? "" : ` at column ${column}`;
  return { policyId, expression, column, message: `policy "${policyId}", ${expression}${where}: ${summary}; ${adviceFor(summary)}` };
}

const EXPECTED_TYPE: Record<PolicyExpressionKey, readonly string[]> = { when: ["bool", "dyn"], require: ["bool", "dyn"], each: ["list", "dyn"] };
const EXPECTED_WORDS: Record<PolicyExpressionKey, string> = { when: "true or false", require: "true or false", each: "a list (e.g. clients or pool.spec.groups)" };

function compileExpression(policy: Policy, key: PolicyExpressionKey, source: string): CompiledExpression | PolicyProblem {
  let compiled: CompiledExpression;
  try {
    compiled = environmentFor(key, policy.each !== undefined).parse(source);
  } catch (cause) {
    return problemFrom(policy.id, key, cause);
  }
  const checked = compiled.check();
  if (!checked.valid) return problemFrom(policy.id, key, checked.error);
  const tooDeep = nestingProblem(policy, key, compiled);
  if (tooDeep) return tooDeep;
  const type = checked.type ?? "dyn";
  if (!EXPECTED_TYPE[key].some((t) => type === t || type.startsWith(`${t}<`)))
    return { policyId: policy.id, expression: key, message: `policy "${policy.id}", ${key}: gives ${/^[aeiou]/u.test(type) ? "an" : "a"} ${type}; it must give ${EXPECTED_WORDS[key]}` };
  return compiled;
}

/** List macros: each runs its body once per element, so nesting them multiplies the work. */
const LIST_MACROS = new Set(["all", "exists", "exists_one", "map", "filter"]);
/**
 * At most two lists walked inside each other (`each: clients` counts as one): a pool has up to a thousand
 * clients, and three nested walks over them would keep the server busy for minutes.
 */
export const MAX_LIST_NESTING = 2;

interface AstNode {
  op?: string;
  args?: unknown;
}

/** How deeply list macros nest in an expression's syntax tree. */
function listNesting(node: unknown): number {
  if (Array.isArray(node)) return Math.max(0, ...node.map(listNesting));
  if (node === null || typeof node !== "object") return 0;
  const { op, args } = node as AstNode;
  const inner = listNesting(args);
  const isMacro = op === "rcall" && Array.isArray(args) && typeof args[0] === "string" && LIST_MACROS.has(args[0]);
  return isMacro ? inner + 1 : inner;
}

function nestingProblem(policy: Policy, key: PolicyExpressionKey, compiled: CompiledExpression): PolicyProblem | undefined {
  const depth = listNesting(compiled.ast) + (key === "require" && policy.each !== undefined ? 1 : 0);
  if (depth <= MAX_LIST_NESTING) return undefined;
  return {
    policyId: policy.id,
    expression: key,
    message: `policy "${policy.id}", ${key}: walks ${depth} lists inside each other (each, all, exists, map, filter); at most ${MAX_LIST_NESTING}, so checking a large pool stays fast: split the rule into several policies`,
  };
}

const isProblem = (v: CompiledExpression | PolicyProblem | undefined): v is PolicyProblem => typeof v === "object" && v !== null && "policyId" in v;

/** Compiles one policy, or lists what is wrong with each of its expressions. */
export function compilePolicy(policy: Policy): { compiled?: CompiledPolicy; problems: PolicyProblem[] } {
  const when = policy.when === undefined ? undefined : compileExpression(policy, "when", policy.when);
  const each = policy.each === undefined ? undefined : compileExpression(policy, "each", policy.each);
  const require = compileExpression(policy, "require", policy.require);
  const problems = [when, each, require].filter(isProblem);
  const pathProblem = policy.path.includes("[*]") && policy.each === undefined;
  if (pathProblem)
    problems.push({ policyId: policy.id, expression: "policy", message: `policy "${policy.id}": path ${policy.path} has [*] but the policy has no each; add each (e.g. each: clients) or name one field` });
  if (problems.length > 0) return { problems };
  return { compiled: { policy, when: when as CompiledExpression | undefined, each: each as CompiledExpression | undefined, require: require as CompiledExpression }, problems };
}

/** Compiles every policy; the ones that compile are returned, the others explained. Ids must be unique. */
export function compilePolicies(policies: readonly Policy[]): { compiled: CompiledPolicy[]; problems: PolicyProblem[] } {
  const compiled: CompiledPolicy[] = [];
  const problems: PolicyProblem[] = [];
  const seen = new Set<string>();
  for (const policy of policies) {
    if (seen.has(policy.id)) {
      problems.push({ policyId: policy.id, expression: "policy", message: `policy "${policy.id}" appears twice: give each policy its own id` });
      continue;
    }
    seen.add(policy.id);
    const result = compilePolicy(policy);
    if (result.compiled) compiled.push(result.compiled);
    problems.push(...result.problems);
  }
  return { compiled, problems };
}
