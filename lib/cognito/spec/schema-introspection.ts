/**
 * Reads constraints back out of our zod schemas (zod 4 keeps them in `_zod.def`), so error messages can
 * state the full allowed range and the conformance test can compare them with the AWS model.
 */
import type { z } from "zod";
import type { PathSegment } from "./diagnostics";

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number | bigint;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  options?: z.ZodType[];
  checks?: { _zod: { def: CheckDef } }[];
  format?: string;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Strips `optional` / `nullable` / `default` wrappers. */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let def = defOf(current); def.innerType; def = defOf(current)) current = def.innerType;
  return current;
}

/** The schema that validates the value at `path` below `root`, or undefined if the path leaves the schema. */
export function schemaAt(root: z.ZodType, path: readonly PathSegment[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = root;
  for (const segment of path) {
    if (!current) return undefined;
    const def = defOf(unwrapSchema(current));
    if (def.type === "object" && typeof segment === "string") current = def.shape?.[segment];
    else if (def.type === "array") current = def.element;
    else if (def.type === "record") current = def.valueType;
    else return undefined;
  }
  return current && unwrapSchema(current);
}

export interface SchemaBounds {
  type: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  patterns: RegExp[];
  enumValues?: (string | number)[];
  literalValues?: unknown[];
  isInteger: boolean;
  fields?: string[];
}

/** Length, item-count, range, pattern and enum constraints of one (unwrapped) schema. */
export function boundsOf(schema: z.ZodType): SchemaBounds {
  const def = defOf(unwrapSchema(schema));
  const bounds: SchemaBounds = { type: def.type, patterns: [], isInteger: def.format === "safeint" };
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === "min_length") bounds.minLength = c.minimum;
    else if (c.check === "max_length") bounds.maxLength = c.maximum;
    else if (c.check === "greater_than") bounds.minimum = Number(c.value);
    else if (c.check === "less_than") bounds.maximum = Number(c.value);
    else if (c.check === "string_format" && c.pattern) bounds.patterns.push(c.pattern);
  }
  if (def.type === "enum" && def.entries) bounds.enumValues = Object.values(def.entries);
  if (def.type === "literal") bounds.literalValues = def.values;
  if (def.type === "union" && def.options) {
    const literals = def.options.map((o) => defOf(o)).filter((d) => d.type === "literal");
    if (literals.length === def.options.length) bounds.literalValues = literals.flatMap((d) => d.values ?? []);
  }
  if (def.type === "object" && def.shape) bounds.fields = Object.keys(def.shape);
  return bounds;
}

/** The key schema of a record schema (e.g. tag keys), if `schema` is a record. */
export function keySchemaOf(schema: z.ZodType): z.ZodType | undefined {
  const def = defOf(unwrapSchema(schema));
  return def.type === "record" ? def.keyType : undefined;
}
