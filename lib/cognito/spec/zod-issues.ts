/**
 * Turns zod issues into diagnostics whose messages state the rule and the allowed values in plain words
 * (never zod's generic "Invalid input"). Bounds are read from the schema so a message gives the full range.
 */
import type { z } from "zod";
import { type Diagnostic, type PathSegment, error, joinPath } from "./diagnostics";
import { type SchemaBounds, boundsOf, keySchemaOf, schemaAt } from "./schema-introspection";

type Issue = z.core.$ZodIssue;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "number") return Number.isInteger(value) ? `the number ${value}` : `the decimal ${value}`;
  return `${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "an object (key: value fields)",
  array: "a list",
  record: "an object of key: value pairs",
};

function listValues(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(", ");
}

function range(min: number | undefined, max: number | undefined, unit: string): string {
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min}${unit}` : `${min}–${max}${unit}`;
  if (max !== undefined) return `at most ${max}${unit}`;
  return `at least ${min}${unit}`;
}

function sizeMessage(issue: Extract<Issue, { code: "too_big" | "too_small" }>, bounds: SchemaBounds | undefined, actual: unknown): string {
  if (issue.origin === "number" || issue.origin === "int") {
    const r = range(bounds?.minimum, bounds?.maximum, "");
    return `must be ${r.includes("–") ? `between ${r.replace("–", " and ")}` : r}${typeof actual === "number" ? ` (got ${actual})` : ""}`;
  }
  if (issue.origin === "array" || issue.origin === "set") {
    const got = Array.isArray(actual) ? ` (got ${actual.length})` : "";
    return `must have ${range(bounds?.minLength, bounds?.maxLength, " items")}${got}`;
  }
  const got = typeof actual === "string" ? ` (got ${actual.length})` : "";
  return `must be ${range(bounds?.minLength, bounds?.maxLength, " characters")} long${got}`;
}

/** Edit distance, for "did you mean" suggestions on unknown fields. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

function suggest(key: string, fields: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const exact = fields.find((f) => f.toLowerCase() === lower);
  if (exact) return exact;
  const ranked = fields.map((f) => ({ f, d: distance(lower, f.toLowerCase()) })).sort((a, b) => a.d - b.d);
  return ranked[0] && ranked[0].d <= 2 ? ranked[0].f : undefined;
}

function leafName(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === "string") return `"${String(path[i])}"`;
  return "the document";
}

/** One issue with what its message needs: where it is, the field's name, its schema's bounds, the value found. */
interface IssueContext<I extends Issue = Issue> {
  issue: I;
  path: string;
  segments: PathSegment[];
  name: string;
  bounds: SchemaBounds | undefined;
  actual: unknown;
  root: z.ZodType;
  /** Paths (as JSON) of the issues that are pattern failures. */
  formatPaths: ReadonlySet<string>;
}

type Describe<C extends Issue["code"]> = (c: IssueContext<Extract<Issue, { code: C }>>) => Diagnostic[];

const describeInvalidType: Describe<"invalid_type"> = ({ issue, path, name, actual }) => {
  const expected = EXPECTED[issue.expected] ?? issue.expected;
  return [actual === undefined ? error(path, "required", `${name} is required (${expected})`) : error(path, "invalid-type", `${name} must be ${expected}, not ${describeType(actual)}`)];
};

/** When a field fails both its length and its pattern, the pattern's message is the useful one. */
const describeSize: Describe<"too_big" | "too_small"> = ({ issue, path, name, bounds, actual, formatPaths }) => {
  if (issue.origin === "string" && formatPaths.has(JSON.stringify(issue.path))) return [];
  return [error(path, issue.code === "too_big" ? "too-big" : "too-small", `${name} ${sizeMessage(issue, bounds, actual)}`)];
};

const describeInvalidValue: Describe<"invalid_value"> = ({ issue, path, name, actual }) => [
  error(
    path,
    "invalid-value",
    issue.values.length === 1
      ? `${name} must be ${JSON.stringify(issue.values[0])}, not ${describeType(actual)}`
      : `${name} must be one of ${listValues(issue.values)}, not ${describeType(actual)}`,
  ),
];

const describeInvalidFormat: Describe<"invalid_format"> = ({ issue, path, name, bounds, actual }) => {
  const len = bounds && (bounds.minLength !== undefined || bounds.maxLength !== undefined) ? ` and be ${range(bounds.minLength, bounds.maxLength, " characters")} long` : "";
  return [error(path, "invalid-format", `${name} ${issue.message}${len} (got ${describeType(actual)})`)];
};

const describeUnknownKeys: Describe<"unrecognized_keys"> = ({ issue, path, bounds }) => {
  const fields = bounds?.fields ?? [];
  return issue.keys.map((key) => {
    const hint = suggest(key, fields);
    return error(joinPath(path, key), "unknown-field", `"${key}" is not a known field here${hint ? `; did you mean "${hint}"?` : "."} Allowed fields: ${fields.join(", ")}`);
  });
};

const describeInvalidUnion: Describe<"invalid_union"> = ({ path, name, bounds, actual }) => [
  error(path, "invalid-value", bounds?.literalValues ? `${name} must be one of ${listValues(bounds.literalValues)}, not ${describeType(actual)}` : `${name} does not match any allowed form`),
];

const describeInvalidKey: Describe<"invalid_key"> = ({ path, segments, root }) => {
  const parent = schemaAt(root, segments.slice(0, -1));
  const keySchema = parent && keySchemaOf(parent);
  const kb = keySchema ? boundsOf(keySchema) : undefined;
  const key = segments[segments.length - 1];
  return [error(path, "invalid-key", `the key ${JSON.stringify(String(key))} is not allowed: keys must be ${range(kb?.minLength, kb?.maxLength, " characters")} long`)];
};

const describeNotMultipleOf: Describe<"not_multiple_of"> = ({ issue, path, name }) => [error(path, "invalid-value", `${name} must be a multiple of ${String(issue.divisor)}`)];

/** The message of each zod issue code; any other code keeps zod's message after the field's name. */
const DESCRIBE: { [C in Issue["code"]]?: Describe<C> } = {
  invalid_type: describeInvalidType,
  too_big: describeSize as Describe<"too_big">,
  too_small: describeSize as Describe<"too_small">,
  invalid_value: describeInvalidValue,
  invalid_format: describeInvalidFormat,
  unrecognized_keys: describeUnknownKeys,
  invalid_union: describeInvalidUnion,
  invalid_key: describeInvalidKey,
  not_multiple_of: describeNotMultipleOf,
};

function contextOf(issue: Issue, root: z.ZodType, input: unknown, basePath: string, formatPaths: ReadonlySet<string>): IssueContext {
  const segments = issue.path.filter((p): p is PathSegment => typeof p !== "symbol");
  const schema = schemaAt(root, segments);
  return {
    issue,
    path: joinPath(basePath, ...segments),
    segments,
    name: leafName(issue.path),
    bounds: schema ? boundsOf(schema) : undefined,
    actual: valueAt(input, issue.path),
    root,
    formatPaths,
  };
}

/**
 * Maps the issues of one `safeParse` to diagnostics. `basePath` is prefixed to every path; `root` is the
 * schema that was parsed and `input` the value it was given (to describe what was found).
 */
export function diagnosticsFromZodIssues(issues: readonly Issue[], root: z.ZodType, input: unknown, basePath: string): Diagnostic[] {
  const formatPaths = new Set(issues.filter((i) => i.code === "invalid_format").map((i) => JSON.stringify(i.path)));
  return issues.flatMap((issue) => {
    const context = contextOf(issue, root, input, basePath, formatPaths);
    const describe = DESCRIBE[issue.code] as Describe<Issue["code"]> | undefined;
    return describe ? describe(context) : [error(context.path, "invalid", `${context.name}: ${issue.message}`)];
  });
}
