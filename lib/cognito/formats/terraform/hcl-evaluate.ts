/**
 * Evaluates the expressions of a Terraform configuration as far as they are known at import time. A value
 * Terraform only knows when it runs (a variable nobody supplied, a data source, a computed attribute) is an
 * {@link Unknown} naming its inputs; an expression the importer cannot evaluate (an unsupported function, a
 * type error) becomes an Unknown of kind "expression" with the reason. Evaluation never throws.
 *
 * Operators and conversions follow https://developer.hashicorp.com/terraform/language/expressions.
 */
import { FUNCTIONS, PARTIAL_FUNCTIONS, wholeUnknowns } from "./hcl-functions";
import { type Expr, ParseError, type Step, parseExpression, parseTemplate } from "./hcl-expression-parser";
import {
  EvalError,
  type HclObject,
  PoolRef,
  Unknown,
  type Value,
  deepUnknown,
  entriesOf,
  isObject,
  toBoolValue,
  toNumberValue,
  toStringValue,
  typeName,
  valuesEqual,
} from "./hcl-values";

/** The names an expression can refer to. `lookup` returns undefined for a root it does not know. */
export interface EvalScope {
  /** Resolves `root` and as many leading steps as it needs; the evaluator applies the rest. */
  lookup(root: string, steps: readonly Step[], index: (e: Expr) => Value): { value: Value; rest: readonly Step[] } | undefined;
}

/** Objects standing for a resource: a missing attribute is then that resource's computed attribute (unknown). */
const RESOURCE_ADDRESS = new WeakMap<object, string>();

export function markResource(value: HclObject, address: string): HclObject {
  RESOURCE_ADDRESS.set(value, address);
  return value;
}

const MAX_DEPTH = 200;

class Evaluator {
  private depth = 0;
  constructor(private readonly scope: EvalScope) {}

  evaluate(expr: Expr): Value {
    if (++this.depth > MAX_DEPTH) throw new EvalError("the expression is nested too deeply");
    try {
      return this.evaluateInner(expr);
    } finally {
      this.depth--;
    }
  }

  private evaluateInner(expr: Expr): Value {
    switch (expr.kind) {
      case "literal":
        return expr.value;
      case "template":
        return this.template(expr.parts);
      case "reference":
        return this.reference(expr.root, expr.steps);
      case "traverse":
        return this.applySteps(this.evaluate(expr.target), expr.steps, "");
      case "call":
        return this.call(expr.name, expr.args, expr.expand);
      case "list":
        return expr.items.map((item) => this.evaluate(item));
      case "object": {
        const out: HclObject = {};
        for (const entry of expr.entries) {
          const key = this.evaluate(entry.key);
          if (key instanceof Unknown) return key;
          out[toStringValue(key)] = this.evaluate(entry.value);
        }
        return out;
      }
      case "unary": {
        const operand = this.evaluate(expr.operand);
        if (operand instanceof Unknown) return operand;
        return expr.op === "!" ? !toBoolValue(operand) : -toNumberValue(operand);
      }
      case "binary":
        return this.binary(expr.op, expr.left, expr.right);
      case "conditional": {
        const condition = this.evaluate(expr.condition);
        if (condition instanceof Unknown) return condition;
        return toBoolValue(condition) ? this.evaluate(expr.then) : this.evaluate(expr.else);
      }
      case "for":
        return this.forExpression(expr);
    }
  }

  private template(parts: readonly (string | Expr | { kind: "directive"; text: string })[]): Value {
    let out = "";
    const unknowns: Unknown[] = [];
    for (const part of parts) {
      if (typeof part === "string") out += part;
      else if (part.kind === "directive") throw new EvalError(`template directives (${part.text}) are not evaluated`);
      else {
        const value = this.evaluate(part);
        const unknown = deepUnknown(value);
        if (unknown) unknowns.push(unknown);
        else if (value === null) throw new EvalError("a null value cannot be used in a string template");
        else out += toStringValue(value);
      }
    }
    return unknowns.length ? Unknown.merge(unknowns) : out;
  }

  private reference(root: string, steps: readonly Step[]): Value {
    const found = this.scope.lookup(root, steps, (e) => this.evaluate(e));
    if (!found) throw new EvalError(`"${root}" is not something the importer can refer to`);
    return this.applySteps(found.value, found.rest, "");
  }

  applySteps(value: Value, steps: readonly Step[], _where: string): Value {
    let current = value;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      if (current instanceof Unknown) return current;
      if (step.kind === "splat") {
        const list = current === null ? [] : Array.isArray(current) ? current : [current];
        const rest = steps.slice(i + 1);
        return list.map((item) => this.applySteps(item, rest, _where));
      }
      if (step.kind === "attr") current = this.attribute(current, step.name);
      else {
        const key = this.evaluate(step.key);
        if (key instanceof Unknown) return key;
        current = this.index(current, key);
      }
    }
    return current;
  }

  private attribute(value: Value, name: string): Value {
    if (isObject(value)) {
      if (Object.hasOwn(value, name)) return value[name];
      const address = RESOURCE_ADDRESS.get(value);
      if (address) return Unknown.of(`${address}.${name}`, "resource-attribute");
      throw new EvalError(`the object has no attribute "${name}"`);
    }
    throw new EvalError(`a ${typeName(value)} has no attribute "${name}"`);
  }

  private index(value: Value, key: Value): Value {
    if (Array.isArray(value)) {
      const i = toNumberValue(key);
      if (!Number.isInteger(i) || i < 0 || i >= value.length) throw new EvalError(`index ${i} is out of range (the list has ${value.length} elements)`);
      return value[i];
    }
    if (isObject(value)) {
      const k = toStringValue(key);
      if (Object.hasOwn(value, k)) return value[k];
      const address = RESOURCE_ADDRESS.get(value);
      if (address) return Unknown.of(`${address}[${JSON.stringify(k)}]`, "resource-attribute");
      throw new EvalError(`the map has no key "${k}"`);
    }
    throw new EvalError(`a ${typeName(value)} cannot be indexed`);
  }

  private call(name: string, argExprs: readonly Expr[], expand: boolean): Value {
    if (name === "try") {
      for (const arg of argExprs) {
        try {
          return this.evaluate(arg);
        } catch (cause) {
          if (!(cause instanceof EvalError)) throw cause;
        }
      }
      throw new EvalError("no argument of try() could be evaluated");
    }
    if (name === "can") {
      if (argExprs.length !== 1) throw new EvalError("can() takes one argument");
      try {
        const v = this.evaluate(argExprs[0]);
        return v instanceof Unknown ? v : true;
      } catch (cause) {
        if (!(cause instanceof EvalError)) throw cause;
        return false;
      }
    }
    const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
    if (!fn) throw new EvalError(`the function ${name}() is not evaluated by the importer`);
    let args = argExprs.map((a) => this.evaluate(a));
    if (expand && args.length > 0) {
      const last = args[args.length - 1];
      if (last instanceof Unknown) return last;
      if (!Array.isArray(last)) throw new EvalError(`the expanded argument of ${name}() is not a list`);
      args = [...args.slice(0, -1), ...last];
    }
    const unknown = PARTIAL_FUNCTIONS.has(name) ? wholeUnknowns(args) : Unknown.merge(args.flatMap((a) => deepUnknown(a) ?? []));
    if (unknown && unknown.inputs.length) return unknown;
    return fn(args);
  }

  private binary(op: string, leftExpr: Expr, rightExpr: Expr): Value {
    const left = this.evaluate(leftExpr);
    // && and || short-circuit on a known left side, so `var.x != null && ...` works with a null.
    if (op === "&&" && left === false) return false;
    if (op === "||" && left === true) return true;
    const right = this.evaluate(rightExpr);
    if (op === "==" || op === "!=") {
      const unknown = deepUnknown(left) ?? deepUnknown(right);
      if (unknown) return unknown;
      return valuesEqual(left, right) === (op === "==");
    }
    const unknowns = [left, right].filter((v): v is Unknown => v instanceof Unknown);
    if (unknowns.length) return Unknown.merge(unknowns);
    switch (op) {
      case "&&":
        return toBoolValue(left) && toBoolValue(right);
      case "||":
        return toBoolValue(left) || toBoolValue(right);
      case "<":
        return toNumberValue(left) < toNumberValue(right);
      case "<=":
        return toNumberValue(left) <= toNumberValue(right);
      case ">":
        return toNumberValue(left) > toNumberValue(right);
      case ">=":
        return toNumberValue(left) >= toNumberValue(right);
      case "+":
        return toNumberValue(left) + toNumberValue(right);
      case "-":
        return toNumberValue(left) - toNumberValue(right);
      case "*":
        return toNumberValue(left) * toNumberValue(right);
      case "/":
        return toNumberValue(left) / toNumberValue(right);
      case "%":
        return toNumberValue(left) % toNumberValue(right);
      default:
        throw new EvalError(`the operator ${op} is not evaluated`);
    }
  }

  private forExpression(expr: Extract<Expr, { kind: "for" }>): Value {
    const collection = this.evaluate(expr.collection);
    if (collection instanceof Unknown) return collection;
    const list: Value[] = [];
    const object: HclObject = {};
    const groups: Record<string, Value[]> = {};
    for (const [key, value] of entriesOf(collection)) {
      const bindings: HclObject = { [expr.valueVar]: value, ...(expr.keyVar ? { [expr.keyVar]: key } : {}) };
      const inner = new Evaluator(withBindings(this.scope, bindings));
      if (expr.condition) {
        const keep = inner.evaluate(expr.condition);
        if (keep instanceof Unknown) return keep;
        if (!toBoolValue(keep)) continue;
      }
      if (!expr.object) {
        list.push(inner.evaluate(expr.valueExpr));
        continue;
      }
      const k = inner.evaluate(expr.keyExpr as Expr);
      if (k instanceof Unknown) return k;
      const name = toStringValue(k);
      const v = inner.evaluate(expr.valueExpr);
      if (expr.group) (groups[name] ??= []).push(v);
      else object[name] = v;
    }
    if (!expr.object) return list;
    return expr.group ? groups : object;
  }
}

/** A scope with some extra names (a `for` variable, `each`, `count`, a dynamic block's iterator) in front. */
export function withBindings(scope: EvalScope, bindings: HclObject): EvalScope {
  return {
    lookup: (root, steps, index) => (Object.hasOwn(bindings, root) ? { value: bindings[root], rest: steps } : scope.lookup(root, steps, index)),
  };
}

/** The reason an expression could not be evaluated, as an Unknown of kind "expression". */
function failed(text: string, cause: unknown): Unknown {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return Unknown.of(text, "expression", reason);
}

/** Evaluates expression text (the inside of `${...}`). Never throws. */
export function evaluateExpression(text: string, scope: EvalScope): Value {
  try {
    return new Evaluator(scope).evaluate(parseExpression(text));
  } catch (cause) {
    if (cause instanceof EvalError || cause instanceof ParseError || cause instanceof RangeError) return failed(text, cause);
    return failed(text, cause);
  }
}

/**
 * Evaluates one string as hcl2json gives it: `${expr}` alone yields the expression's value (of any type),
 * anything else is a template yielding a string. A string without `${` / `%{` is returned as it is.
 */
export function evaluateString(text: string, scope: EvalScope): Value {
  if (!text.includes("${") && !text.includes("%{")) return text;
  try {
    const expr = parseTemplate(text, false);
    return new Evaluator(scope).evaluate(expr.kind === "template" && expr.parts.length === 1 && typeof expr.parts[0] !== "string" && expr.parts[0].kind !== "directive" ? expr.parts[0] : expr);
  } catch (cause) {
    return failed(text.startsWith("${") && text.endsWith("}") ? text.slice(2, -1) : text, cause);
  }
}

/** Deeply evaluates a body as hcl2json gives it (strings may hold expressions; lists and objects are walked). */
export function evaluateJson(value: unknown, scope: EvalScope): Value {
  if (typeof value === "string") return evaluateString(value, scope);
  if (Array.isArray(value)) return value.map((v) => evaluateJson(v, scope));
  if (value !== null && typeof value === "object") {
    const out: HclObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = evaluateJson(v, scope);
    return out;
  }
  if (typeof value === "number" || typeof value === "boolean" || value === null) return value;
  return null;
}

export { PoolRef };
