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

/**
 * The walks are compiled once per schema, naming and path, and kept: an export or import walks the same few
 * schemas for each of 1,000 clients, and working out each field's schema, kind and target name again for each
 * value was most of the walk's time. A naming's `targetName` is a table lookup (a pure function of path and
 * key), so what it answers once holds for the process.
 */
type Walk<F> = Map<string, F>;
const namingIds = new WeakMap<ShapeNaming["targetName"], number>();
let nextNamingId = 0;

/** The compiled walks of `schema` under `naming` at `path`, found or made by `compile`. */
function compiled<F>(cache: WeakMap<z.ZodType, Walk<F>>, schema: z.ZodType, naming: ShapeNaming, path: readonly string[], compile: () => F): F {
  let id = namingIds.get(naming.targetName);
  if (id === undefined) namingIds.set(naming.targetName, (id = nextNamingId++));
  const key = `${id}${naming.objectsAsBlocks ? "b" : "a"}\u0000${path.join("\u0000")}`;
  let walks = cache.get(schema);
  if (!walks) cache.set(schema, (walks = new Map()));
  let walk = walks.get(key);
  if (walk === undefined) walks.set(key, (walk = compile()));
  return walk;
}

type ToTarget = (value: unknown) => unknown;
const toTargetWalks = new WeakMap<z.ZodType, Walk<ToTarget>>();

function compileToTarget(schema: z.ZodType, naming: ShapeNaming, path: readonly string[]): ToTarget {
  const def = defOf(schema);
  if (def.type === "object" && def.shape) {
    const fields = Object.entries(def.shape).map(([key, child]) => ({
      key,
      target: naming.targetName(path, key),
      block: naming.objectsAsBlocks && defOf(child).type === "object",
      walk: undefined as ToTarget | undefined,
      child,
    }));
    return (value) => {
      if (!isPlainObject(value)) return value;
      const out: Record<string, unknown> = {};
      for (const field of fields) {
        const raw = value[field.key];
        if (raw === undefined) continue;
        const v = (field.walk ??= walkToTarget(field.child, naming, [...path, field.key]))(raw);
        if (v !== undefined) out[field.target] = field.block ? [v] : v;
      }
      return out;
    };
  }
  if (def.type === "array" && def.element) {
    const element = def.element;
    let walk: ToTarget | undefined;
    return (value) => {
      if (!Array.isArray(value)) return value;
      walk ??= walkToTarget(element, naming, path);
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) out[i] = value[i] === undefined ? undefined : walk(value[i]);
      return out;
    };
  }
  if (def.type === "record") return (value) => (isPlainObject(value) ? { ...value } : value);
  return (value) => value;
}

function walkToTarget(schema: z.ZodType, naming: ShapeNaming, path: readonly string[]): ToTarget {
  return compiled(toTargetWalks, schema, naming, path, () => compileToTarget(schema, naming, path));
}

/** Spec value → target shape. Undefined fields are left out. */
export function toTarget(schema: z.ZodType, value: unknown, naming: ShapeNaming, path: readonly string[] = []): unknown {
  if (value === undefined) return undefined;
  return walkToTarget(schema, naming, path)(value);
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

type FromTarget = (value: unknown, diagnostics: Diagnostic[], where: string) => unknown;
const fromTargetWalks = new WeakMap<z.ZodType, Walk<FromTarget>>();

/** Whether a value of this schema can hold a key or an item a diagnostic would name (scalars never report). */
function isContainer(schema: z.ZodType): boolean {
  const def = defOf(schema);
  return (def.type === "object" && def.shape !== undefined) || (def.type === "array" && def.element !== undefined);
}

function compileFromTarget(schema: z.ZodType, naming: ShapeNaming, path: readonly string[]): FromTarget {
  const def = defOf(schema);
  if (def.type === "object" && def.shape) {
    const shape = def.shape;
    const byTarget = new Map(
      Object.keys(shape).map((key) => [naming.targetName(path, key), { key, container: isContainer(shape[key]), walk: undefined as FromTarget | undefined }]),
    );
    return (value, diagnostics, where) => {
      let v = value;
      if (naming.objectsAsBlocks && Array.isArray(v)) {
        if (v.length > 1) diagnostics.push(warning("", "repeated-block", `${where} appears ${v.length} times; only the first is read`));
        v = v[0];
      }
      if (!isPlainObject(v)) return v;
      const out: Record<string, unknown> = {};
      for (const targetKey in v) {
        if (!Object.hasOwn(v, targetKey)) continue;
        const field = byTarget.get(targetKey);
        if (field === undefined) {
          diagnostics.push(warning("", "not-in-model", `${where}.${targetKey} has no place in the pool model and was not imported`));
          continue;
        }
        const targetValue = v[targetKey];
        if (targetValue === undefined || targetValue === null) continue;
        field.walk ??= walkFromTarget(shape[field.key], naming, [...path, field.key]);
        // Only containers name their place in a diagnostic: the path text is built for them alone.
        const converted = field.walk(targetValue, diagnostics, field.container ? `${where}.${targetKey}` : where);
        if (converted !== undefined) out[field.key] = converted;
      }
      return out;
    };
  }
  if (def.type === "array" && def.element) {
    const element = def.element;
    const container = isContainer(element);
    let walk: FromTarget | undefined;
    return (value, diagnostics, where) => {
      const list = Array.isArray(value) ? value : [value];
      walk ??= walkFromTarget(element, naming, path);
      const out = new Array<unknown>(list.length);
      for (let i = 0; i < list.length; i++) {
        const item: unknown = list[i];
        out[i] = item === undefined || item === null ? undefined : walk(item, diagnostics, container ? `${where}[${i}]` : where);
      }
      return out;
    };
  }
  return (value) => coerce(def, value);
}

function walkFromTarget(schema: z.ZodType, naming: ShapeNaming, path: readonly string[]): FromTarget {
  return compiled(fromTargetWalks, schema, naming, path, () => compileFromTarget(schema, naming, path));
}

/** Target shape → spec value. Keys without a spec field are reported (and dropped). */
export function fromTarget(schema: z.ZodType, value: unknown, ctx: FromTargetContext, path: readonly string[] = [], where = ctx.where): unknown {
  if (value === undefined || value === null) return undefined;
  return walkFromTarget(schema, ctx.naming, path)(value, ctx.diagnostics, where);
}
