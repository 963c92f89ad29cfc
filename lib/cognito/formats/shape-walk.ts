/**
 * Renames a spec value into a target format's shape and back, driven by the zod schema of the spec, so each
 * format only lists the names that differ from its convention (Terraform snake_case, CloudFormation
 * PascalCase). On the way in, keys the model does not know become warnings naming them; scalars are coerced
 * where formats differ (HCL numbers for the model's numeric strings, "true" for true).
 */
import type { z } from "zod";
import { type Diagnostic, warning } from "../spec/diagnostics";
import { unwrapSchema } from "../spec/schema-introspection";

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
}

function defOf(schema: z.ZodType): Def {
  return (unwrapSchema(schema) as unknown as { _zod: { def: Def } })._zod.def;
}

export interface ShapeNaming {
  /** The target's name for spec key `key` of the object at spec path `path` (object keys only, no indexes). */
  targetName(path: readonly string[], key: string): string;
  /** Terraform: nested objects are blocks, which hcl2json reads as one-element lists. */
  objectsAsBlocks: boolean;
}

export function snakeCase(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/gu, "$1_$2").replace(/([A-Z])([A-Z][a-z])/gu, "$1_$2").toLowerCase();
}

export function pascalCase(key: string): string {
  return key[0].toUpperCase() + key.slice(1);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Spec value → target shape. Undefined fields are left out. */
export function toTarget(schema: z.ZodType, value: unknown, naming: ShapeNaming, path: readonly string[] = []): unknown {
  if (value === undefined) return undefined;
  const def = defOf(schema);
  if (def.type === "object" && def.shape && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(def.shape)) {
      const v = toTarget(child, value[key], naming, [...path, key]);
      if (v === undefined) continue;
      const isObject = defOf(child).type === "object";
      out[naming.targetName(path, key)] = naming.objectsAsBlocks && isObject ? [v] : v;
    }
    return out;
  }
  if (def.type === "array" && def.element && Array.isArray(value)) return value.map((v) => toTarget(def.element as z.ZodType, v, naming, path));
  if (def.type === "record" && isPlainObject(value)) return { ...value };
  return value;
}

export interface FromTargetContext {
  naming: ShapeNaming;
  diagnostics: Diagnostic[];
  /** How a path is named in messages, e.g. `aws_cognito_user_pool.this` or `Resources.UserPool.Properties`. */
  where: string;
}

function coerce(def: Def, value: unknown): unknown {
  if (def.type === "string" && typeof value === "number") return String(value);
  if ((def.type === "number" || def.type === "int") && typeof value === "string" && /^-?\d+(\.\d+)?$/u.test(value)) return Number(value);
  if (def.type === "boolean" && (value === "true" || value === "false")) return value === "true";
  if (def.type === "union" && typeof value === "string" && /^\d+$/u.test(value)) return Number(value);
  return value;
}

/** Target shape → spec value. Keys without a spec field are reported (and dropped). */
export function fromTarget(schema: z.ZodType, value: unknown, ctx: FromTargetContext, path: readonly string[] = [], where = ctx.where): unknown {
  if (value === undefined || value === null) return undefined;
  const def = defOf(schema);
  if (def.type === "object" && def.shape) {
    let v = value;
    if (ctx.naming.objectsAsBlocks && Array.isArray(v)) {
      if (v.length > 1) ctx.diagnostics.push(warning("", "repeated-block", `${where} appears ${v.length} times; only the first is read`));
      v = v[0];
    }
    if (!isPlainObject(v)) return v;
    const byTarget = new Map(Object.keys(def.shape).map((k) => [ctx.naming.targetName(path, k), k]));
    const out: Record<string, unknown> = {};
    for (const [targetKey, targetValue] of Object.entries(v)) {
      const key = byTarget.get(targetKey);
      if (key === undefined) {
        ctx.diagnostics.push(warning("", "not-in-model", `${where}.${targetKey} has no place in the pool model and was not imported`));
        continue;
      }
      const converted = fromTarget(def.shape[key], targetValue, ctx, [...path, key], `${where}.${targetKey}`);
      if (converted !== undefined) out[key] = converted;
    }
    return out;
  }
  if (def.type === "array" && def.element) {
    const list = Array.isArray(value) ? value : [value];
    return list.map((item, i) => fromTarget(def.element as z.ZodType, item, ctx, path, `${where}[${i}]`));
  }
  return coerce(def, value);
}
