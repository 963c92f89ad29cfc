/**
 * The values a Terraform expression evaluates to at import time. Besides HCL's own (null, bool, number,
 * string, tuple/list, object/map) there are two the importer needs:
 * - {@link Unknown}: a value only known when Terraform runs (a variable nobody supplied, a data source, another
 *   resource's computed attribute). It carries the inputs it depends on, so the import can name them.
 * - {@link PoolRef}: `aws_cognito_user_pool.X.id`, the link from a client, server, domain or group to its pool.
 */

export type UnknownKind = "variable" | "local" | "data-source" | "resource-attribute" | "expression";

/** One input an unknown value depends on. `name` as the source writes it: `var.env`, `data.aws_region.current.name`. */
export type UnknownInput = { name: string; kind: UnknownKind; reason?: string };

export class Unknown {
  constructor(readonly inputs: readonly UnknownInput[]) {}

  static of(name: string, kind: UnknownKind, reason?: string): Unknown {
    return new Unknown([{ name, kind, ...(reason ? { reason } : {}) }]);
  }

  /** The union of the inputs of several unknowns (each name once). */
  static merge(values: readonly Unknown[]): Unknown {
    const seen = new Map<string, UnknownInput>();
    for (const v of values) for (const input of v.inputs) if (!seen.has(input.name)) seen.set(input.name, input);
    return new Unknown([...seen.values()]);
  }
}

/** `aws_cognito_user_pool.main.id` (or `aws_cognito_user_pool.main[0].id`): the pool with that address. */
export class PoolRef {
  constructor(readonly address: string) {}
}

export type HclObject = { [key: string]: Value };
export type Value = null | boolean | number | string | Value[] | HclObject | Unknown | PoolRef;

/** An expression Terraform would reject (or the importer cannot evaluate): the caller turns it into an Unknown. */
export class EvalError extends Error {}

export function isObject(value: unknown): value is HclObject {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Unknown) && !(value instanceof PoolRef);
}

/** Every Unknown inside a value (a list or object may be partly known). */
export function unknownsIn(value: Value): Unknown[] {
  if (value instanceof Unknown) return [value];
  if (value instanceof PoolRef) return [Unknown.of(`${value.address}.id`, "resource-attribute")];
  if (Array.isArray(value)) return value.flatMap(unknownsIn);
  if (isObject(value)) return Object.values(value).flatMap(unknownsIn);
  return [];
}

/** The value as an Unknown when any part of it is unknown (or a pool reference), else undefined. */
export function deepUnknown(value: Value): Unknown | undefined {
  const found = unknownsIn(value);
  return found.length ? Unknown.merge(found) : undefined;
}

export function typeName(value: Value): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "list";
  if (isObject(value)) return "object";
  if (value instanceof Unknown || value instanceof PoolRef) return "unknown";
  return typeof value;
}

/** HCL's string conversion: numbers and bools convert, anything else is an error. */
export function toStringValue(value: Value): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new EvalError(`a ${typeName(value)} cannot be used as a string`);
}

export function toNumberValue(value: Value): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/u.test(value.trim())) return Number(value);
  throw new EvalError(`a ${typeName(value)} cannot be used as a number`);
}

export function toBoolValue(value: Value): boolean {
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  throw new EvalError(`a ${typeName(value)} cannot be used as a bool`);
}

/** Lists, sets and tuples; objects are iterated by `for` and `for_each` through {@link entriesOf}. */
export function toListValue(value: Value): Value[] {
  if (Array.isArray(value)) return value;
  throw new EvalError(`a ${typeName(value)} cannot be used as a list`);
}

/** `for` / `for_each` iteration: a list gives index → element, an object gives key → value (keys sorted, as Terraform). */
export function entriesOf(value: Value): [string | number, Value][] {
  if (Array.isArray(value)) return value.map((v, i) => [i, v]);
  if (isObject(value)) return Object.keys(value).sort().map((k) => [k, value[k]]);
  throw new EvalError(`a ${typeName(value)} cannot be iterated`);
}

export function valuesEqual(a: Value, b: Value): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
