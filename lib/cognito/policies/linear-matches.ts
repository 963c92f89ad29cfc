/**
 * `string.matches(pattern)` in linear time. CEL defines the pattern as RE2 syntax
 * (https://github.com/google/cel-spec/blob/master/doc/langdef.md#regular-expressions), whose matching time grows
 * with the input length times the pattern size. cel-js runs it with JavaScript's backtracking RegExp instead, so
 * an admin's `(a+)+$` against a callback URL an editor crafted could keep the server busy for hours. Here the
 * pattern runs on re2js (https://github.com/le0pard/re2js), a pure-JavaScript port of RE2, in the editor, the
 * server and the CLI alike.
 *
 * cel-js refuses a second `string.matches(string)` overload, so this is a macro: macros are found by name and
 * argument count while parsing, before types are known, so it takes every `x.matches(y)` and the built-in is
 * never reached. Its declared receiver (`bytes`) only keeps the declaration from clashing with the built-in one;
 * the type check below accepts strings alone.
 */
import { type ASTNode, type Environment, EvaluationError } from "@marcbachmann/cel-js";
import { RE2JS } from "re2js";

/** What cel-js hands a macro's hooks (see its README, "Custom macros"). */
type MacroNode = ASTNode;
interface CelType {
  kind: string;
  name: string;
}
interface Checker {
  check(node: MacroNode, ctx: unknown): CelType;
  getType(name: string): CelType;
  createError(code: string, message: string, node: MacroNode): Error;
}
interface Runner {
  run(node: MacroNode, ctx: unknown): unknown;
}
interface MatchesMacro {
  call: MacroNode;
  receiver: MacroNode;
  pattern: MacroNode;
}

/**
 * RE2's time is linear in the input but also grows with the pattern's program size (counted repetitions such as
 * `.{1000}` expand into a thousand instructions): 1,000 covers any pattern a rule needs (the starter set's
 * localhost pattern is 44) and keeps a check of a 20,000-character string under a tenth of a second.
 */
export const MAX_PROGRAM_SIZE = 1000;

export const NOT_RE2 = "is not an RE2 regular expression";
export const TOO_LARGE = "is too large for a policy";

type Compiled = RE2JS | { error: string };

/** Compiled patterns and refusals, reused; bounded so that patterns built from data cannot fill memory. */
const cache = new Map<string, Compiled>();
const CACHE_SIZE = 200;

function compileUncached(pattern: string): Compiled {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { error: `the pattern ${NOT_RE2} (${message.replace(/^error parsing regexp: /u, "")})` };
  }
  const size = compiled.programSize();
  if (size > MAX_PROGRAM_SIZE) return { error: `the pattern ${TOO_LARGE} (RE2 program size ${size}, at most ${MAX_PROGRAM_SIZE})` };
  return compiled;
}

/** The RE2 compilation of a pattern, or why a policy may not use it. */
function compileRe2(pattern: string): Compiled {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const compiled = compileUncached(pattern);
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

const isStringOrDyn = (t: CelType) => t.kind === "dyn" || t.name === "string";

function typeCheck(checker: Checker, macro: MatchesMacro, ctx: unknown): CelType {
  const receiver = checker.check(macro.receiver, ctx);
  const pattern = checker.check(macro.pattern, ctx);
  if (!isStringOrDyn(receiver) || !isStringOrDyn(pattern))
    throw checker.createError("no_matching_overload", `found no matching overload for '${receiver.name}.matches(${pattern.name})'`, macro.call);
  // A literal pattern is checked once, here, so a policy that cannot run never gets saved.
  if (macro.pattern.op === "value" && typeof macro.pattern.args === "string") {
    const compiled = compileRe2(macro.pattern.args);
    if ("error" in compiled) throw checker.createError("invalid_regular_expression", compiled.error, macro.pattern);
  }
  return checker.getType("bool");
}

function evaluate(runner: Runner, macro: MatchesMacro, ctx: unknown): boolean {
  const text = runner.run(macro.receiver, ctx);
  const pattern = runner.run(macro.pattern, ctx);
  if (typeof text !== "string" || typeof pattern !== "string")
    throw new EvaluationError(`found no matching overload for '${typeof text}.matches(${typeof pattern})'`, macro.call);
  const compiled = compileRe2(pattern);
  if ("error" in compiled) throw new EvaluationError(compiled.error, macro.pattern);
  return compiled.test(text);
}

/** Replaces `matches` in an environment with the RE2 one; returns the environment. */
export function withLinearMatches(env: Environment): Environment {
  return env.registerFunction("bytes.matches(ast): bool", ({ ast, receiver, args }: { ast: MacroNode; receiver: MacroNode; args: MacroNode[] }) => ({
    call: ast,
    receiver,
    pattern: args[0],
    typeCheck,
    evaluate,
  }));
}
