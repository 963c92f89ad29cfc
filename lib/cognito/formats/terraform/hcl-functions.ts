/**
 * The Terraform built-in functions the importer evaluates, as documented at
 * https://developer.hashicorp.com/terraform/language/functions. Each takes evaluated arguments; unless it is
 * listed in {@link PARTIAL_FUNCTIONS}, an argument holding an unknown value makes the result unknown (the
 * evaluator does that before calling). `try` and `can` are not here: they need the unevaluated arguments.
 */
import {
  EvalError,
  type HclObject,
  Unknown,
  type Value,
  deepUnknown,
  entriesOf,
  isObject,
  toListValue,
  toNumberValue,
  toStringValue,
  typeName,
  valuesEqual,
} from "./hcl-values";

type Fn = (args: Value[]) => Value;

function arity(name: string, args: Value[], min: number, max = min): void {
  if (args.length < min || args.length > max) throw new EvalError(`${name}() takes ${min === max ? min : `${min} to ${max}`} argument(s), got ${args.length}`);
}

function objectArg(name: string, value: Value): HclObject {
  if (isObject(value)) return value;
  throw new EvalError(`${name}() expects a map or object, got a ${typeName(value)}`);
}

/** Terraform's `format` verbs: %s %d %f %v %q %t %%, with optional width and precision. */
function format(spec: string, args: Value[]): string {
  let next = 0;
  return spec.replace(/%(-?)(0?)(\d*)(?:\.(\d+))?([sdfvqt%])/gu, (_whole, left: string, zero: string, width: string, precision: string | undefined, verb: string) => {
    if (verb === "%") return "%";
    if (next >= args.length) throw new EvalError(`format("${spec}") has more verbs than arguments`);
    const arg = args[next++];
    let out: string;
    if (verb === "d") out = String(Math.trunc(toNumberValue(arg)));
    else if (verb === "f") out = toNumberValue(arg).toFixed(precision === undefined ? 6 : Number(precision));
    else if (verb === "q") out = JSON.stringify(toStringValue(arg));
    else if (verb === "v" && (Array.isArray(arg) || isObject(arg))) out = JSON.stringify(arg);
    else out = toStringValue(arg);
    if (verb === "s" && precision !== undefined) out = out.slice(0, Number(precision));
    const w = Math.min(Number(width || 0), 1024);
    if (left) return out.padEnd(w);
    return out.padStart(w, zero && (verb === "d" || verb === "f") ? "0" : " ");
  });
}

function flatten(list: Value[]): Value[] {
  return list.flatMap((v) => (Array.isArray(v) ? flatten(v) : [v]));
}

function distinct(list: Value[]): Value[] {
  const out: Value[] = [];
  for (const v of list) if (!out.some((o) => valuesEqual(o, v))) out.push(v);
  return out;
}

export const FUNCTIONS: Record<string, Fn> = {
  format: (args) => {
    if (args.length === 0) throw new EvalError("format() needs a format string");
    return format(toStringValue(args[0]), args.slice(1));
  },
  formatlist: (args) => {
    if (args.length === 0) throw new EvalError("formatlist() needs a format string");
    const lists = args.slice(1).filter(Array.isArray) as Value[][];
    const n = lists.length ? lists[0].length : 1;
    return Array.from({ length: n }, (_, i) => format(toStringValue(args[0]), args.slice(1).map((a) => (Array.isArray(a) ? a[i] : a))));
  },
  join: (args) => {
    arity("join", args, 2, 99);
    return args.slice(1).flatMap(toListValue).map(toStringValue).join(toStringValue(args[0]));
  },
  split: (args) => {
    arity("split", args, 2);
    return toStringValue(args[1]).split(toStringValue(args[0]));
  },
  lower: (args) => (arity("lower", args, 1), toStringValue(args[0]).toLowerCase()),
  upper: (args) => (arity("upper", args, 1), toStringValue(args[0]).toUpperCase()),
  title: (args) => (arity("title", args, 1), toStringValue(args[0]).replace(/\b\w/gu, (c) => c.toUpperCase())),
  trimspace: (args) => (arity("trimspace", args, 1), toStringValue(args[0]).trim()),
  trimprefix: (args) => {
    arity("trimprefix", args, 2);
    const [s, p] = [toStringValue(args[0]), toStringValue(args[1])];
    return s.startsWith(p) ? s.slice(p.length) : s;
  },
  trimsuffix: (args) => {
    arity("trimsuffix", args, 2);
    const [s, p] = [toStringValue(args[0]), toStringValue(args[1])];
    return p && s.endsWith(p) ? s.slice(0, -p.length) : s;
  },
  replace: (args) => {
    arity("replace", args, 3);
    const search = toStringValue(args[1]);
    if (search.length > 1 && search.startsWith("/") && search.endsWith("/")) throw new EvalError("replace() with a regular expression is not evaluated");
    return toStringValue(args[0]).split(search).join(toStringValue(args[2]));
  },
  substr: (args) => {
    arity("substr", args, 3);
    const s = [...toStringValue(args[0])];
    const offset = toNumberValue(args[1]);
    const length = toNumberValue(args[2]);
    const start = offset < 0 ? s.length + offset : offset;
    return s.slice(start, length < 0 ? undefined : start + length).join("");
  },
  startswith: (args) => (arity("startswith", args, 2), toStringValue(args[0]).startsWith(toStringValue(args[1]))),
  endswith: (args) => (arity("endswith", args, 2), toStringValue(args[0]).endsWith(toStringValue(args[1]))),
  tostring: (args) => (arity("tostring", args, 1), args[0] === null ? null : toStringValue(args[0])),
  tonumber: (args) => (arity("tonumber", args, 1), args[0] === null ? null : toNumberValue(args[0])),
  tobool: (args) => {
    arity("tobool", args, 1);
    const v = args[0];
    if (v === null || typeof v === "boolean") return v;
    if (v === "true" || v === "false") return v === "true";
    throw new EvalError(`tobool() cannot convert a ${typeName(v)}`);
  },
  tolist: (args) => (arity("tolist", args, 1), toListValue(args[0])),
  toset: (args) => {
    arity("toset", args, 1);
    const list = toListValue(args[0]);
    // A set is unordered; Terraform iterates a set of strings in lexical order.
    return deepUnknown(list) ? list : distinct(list).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  },
  tomap: (args) => (arity("tomap", args, 1), objectArg("tomap", args[0])),
  concat: (args) => args.flatMap(toListValue),
  flatten: (args) => (arity("flatten", args, 1), flatten(toListValue(args[0]))),
  distinct: (args) => (arity("distinct", args, 1), distinct(toListValue(args[0]))),
  compact: (args) => (arity("compact", args, 1), toListValue(args[0]).filter((v) => v !== null && v !== "")),
  element: (args) => {
    arity("element", args, 2);
    const list = toListValue(args[0]);
    if (list.length === 0) throw new EvalError("element() of an empty list");
    return list[toNumberValue(args[1]) % list.length];
  },
  slice: (args) => (arity("slice", args, 3), toListValue(args[0]).slice(toNumberValue(args[1]), toNumberValue(args[2]))),
  reverse: (args) => (arity("reverse", args, 1), [...toListValue(args[0])].reverse()),
  sort: (args) => (arity("sort", args, 1), toListValue(args[0]).map(toStringValue).sort()),
  range: (args) => {
    arity("range", args, 1, 3);
    const n = args.map(toNumberValue);
    const [start, end, step] = n.length === 1 ? [0, n[0], 1] : [n[0], n[1], n[2] ?? (n[1] >= n[0] ? 1 : -1)];
    if (step === 0 || Math.abs((end - start) / step) > 1024) throw new EvalError("range() is too long or has a zero step");
    const out: number[] = [];
    for (let i = start; step > 0 ? i < end : i > end; i += step) out.push(i);
    return out;
  },
  keys: (args) => (arity("keys", args, 1), Object.keys(objectArg("keys", args[0])).sort()),
  values: (args) => {
    arity("values", args, 1);
    const o = objectArg("values", args[0]);
    return Object.keys(o).sort().map((k) => o[k]);
  },
  lookup: (args) => {
    arity("lookup", args, 2, 3);
    const o = objectArg("lookup", args[0]);
    const key = toStringValue(args[1]);
    if (Object.hasOwn(o, key)) return o[key];
    if (args.length === 3) return args[2];
    throw new EvalError(`lookup() found no key "${key}" and has no default`);
  },
  merge: (args) => {
    const out: HclObject = {};
    for (const a of args) if (a !== null) Object.assign(out, objectArg("merge", a));
    return out;
  },
  zipmap: (args) => {
    arity("zipmap", args, 2);
    const keys = toListValue(args[0]).map(toStringValue);
    const values = toListValue(args[1]);
    return Object.fromEntries(keys.map((k, i) => [k, values[i] ?? null]));
  },
  coalesce: (args) => {
    for (const a of args) if (a !== null && a !== "") return a;
    throw new EvalError("coalesce() found no non-null, non-empty argument");
  },
  coalescelist: (args) => {
    for (const a of args) if (toListValue(a).length > 0) return a;
    throw new EvalError("coalescelist() found no non-empty list");
  },
  length: (args) => {
    arity("length", args, 1);
    const v = args[0];
    if (typeof v === "string") return [...v].length;
    if (Array.isArray(v)) return v.length;
    return Object.keys(objectArg("length", v)).length;
  },
  contains: (args) => (arity("contains", args, 2), toListValue(args[0]).some((v) => valuesEqual(v, args[1]))),
  one: (args) => {
    arity("one", args, 1);
    const list = toListValue(args[0]);
    if (list.length > 1) throw new EvalError("one() of a list with more than one element");
    return list[0] ?? null;
  },
  min: (args) => Math.min(...args.map(toNumberValue)),
  max: (args) => Math.max(...args.map(toNumberValue)),
  abs: (args) => (arity("abs", args, 1), Math.abs(toNumberValue(args[0]))),
  jsonencode: (args) => (arity("jsonencode", args, 1), JSON.stringify(args[0])),
  jsondecode: (args) => {
    arity("jsondecode", args, 1);
    try {
      return JSON.parse(toStringValue(args[0])) as Value;
    } catch {
      throw new EvalError("jsondecode() of text that is not JSON");
    }
  },
};

/**
 * Functions whose result can be known while some argument parts are not: they look only at the shape
 * (a list's length, a map's keys) or pass elements through. The evaluator still makes the result unknown
 * when an argument is unknown as a whole.
 */
export const PARTIAL_FUNCTIONS = new Set(["length", "concat", "tolist", "toset", "merge", "lookup", "element", "flatten", "keys", "slice", "reverse", "one", "compact", "coalesce"]);

/** `entriesOf` re-exported for the evaluator's `for` expressions. */
export { entriesOf };

/** Whole-argument unknowns (what even a partial function cannot see through). */
export function wholeUnknowns(args: Value[]): Unknown | undefined {
  const found = args.filter((a): a is Unknown => a instanceof Unknown);
  return found.length ? Unknown.merge(found) : undefined;
}
