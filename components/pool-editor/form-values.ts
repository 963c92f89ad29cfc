/**
 * Pool document ⇄ react-hook-form values, driven by the spec's schema (its shape, `schema-shape.ts`, so zod
 * stays out of the editor's first load) so every field converts by its type:
 *
 * | schema type            | document value      | form value                     |
 * | ---------------------- | ------------------- | ------------------------------ |
 * | number / int / 1 \| 2  | 12                  | "12" (text input)              |
 * | boolean                | true / false        | "true" / "false" (tri-state)   |
 * | string, enum           | "x"                 | "x"                            |
 * | record (tags, labels)  | { env: "prod" }     | [{ key: "env", value: "prod" }] |
 * | unset (any)            | absent              | absent or ""                   |
 *
 * The spec's design rule is "unset = not managed" (pool-schema.ts), so {@link fromFormValues} never fills a
 * default: an empty text input, an empty number or a "Not set" choice maps back to `undefined`, and an optional
 * object whose fields were all cleared disappears. List items are kept as typed (an empty item is an error the
 * user sees, not a silently dropped value). Text that is not a number stays text, so the schema reports it.
 */
import type { PoolDocument } from "@/lib/cognito/spec/document-schema";
import { POOL_DOCUMENT_SHAPE, type SchemaShape, shapeAt } from "./schema-shape";

/** Form values mirror the document's paths (records become rows); leaves are strings for inputs. */
export type PoolFormValues = Record<string, unknown>;

export interface RecordRow {
  key: string;
  value: string;
}

type Kind = "object" | "array" | "record" | "number" | "boolean" | "text";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kindOf(schema: SchemaShape | undefined): Kind {
  if (!schema) return "text";
  if (schema.type === "object" || schema.type === "array" || schema.type === "record" || schema.type === "boolean") return schema.type;
  if (schema.type === "number") return "number";
  if (schema.type === "union" && schema.values?.every((v) => typeof v === "number")) return "number";
  return "text";
}

const child = (schema: SchemaShape | undefined, segment: string | number) => shapeAt(schema, [segment]);

function toForm(value: unknown, schema: SchemaShape | undefined): unknown {
  if (value === undefined || value === null) return value;
  switch (kindOf(schema)) {
    case "object":
      return isPlainObject(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toForm(v, child(schema, k))])) : value;
    case "array":
      return Array.isArray(value) ? value.map((v) => toForm(v, child(schema, 0))) : value;
    case "record":
      return isPlainObject(value)
        ? Object.entries(value).map(([key, v]): RecordRow => ({ key, value: typeof v === "string" ? v : String(v) }))
        : value;
    case "number":
      return typeof value === "number" ? String(value) : value;
    case "boolean":
      return typeof value === "boolean" ? String(value) : value;
    default:
      return value;
  }
}

const NUMBER = /^-?\d+(\.\d+)?$/u;

function fromForm(value: unknown, schema: SchemaShape | undefined, inList: boolean): unknown {
  // No schema: a key the document's schema does not name, i.e. JSON the form only carries (a branding style's
  // other settings). It is the document's own value, "" and null included; only typed fields come from inputs.
  if (schema === undefined) return value;
  if (value === undefined || value === null) return undefined;
  switch (kindOf(schema)) {
    case "object": {
      if (!isPlainObject(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const converted = fromForm(v, child(schema, k), false);
        if (converted !== undefined) out[k] = converted;
      }
      // Fields registered by the form start as "" and create their parent object; when all of them are empty
      // the object was never really set. A document's own `{}` (no keys at all) is kept as it was.
      if (!inList && Object.keys(value).length > 0 && Object.keys(out).length === 0) return undefined;
      return out;
    }
    case "array":
      return Array.isArray(value) ? value.map((v) => fromForm(v, child(schema, 0), true)) : value;
    case "record": {
      if (!Array.isArray(value)) return value;
      const rows = value.filter((r): r is RecordRow => isPlainObject(r) && !(r.key === "" && (r.value ?? "") === ""));
      return Object.fromEntries(rows.map((r) => [r.key, r.value ?? ""]));
    }
    case "number": {
      if (typeof value !== "string") return value;
      const text = value.trim();
      if (text === "") return undefined;
      return NUMBER.test(text) ? Number(text) : value;
    }
    case "boolean":
      if (value === "true") return true;
      if (value === "false") return false;
      return value === "" ? undefined : value;
    default:
      return value === "" && !inList ? undefined : value;
  }
}

/** The form's initial values for a document. */
export function toFormValues(document: PoolDocument): PoolFormValues {
  return toForm(document, POOL_DOCUMENT_SHAPE) as PoolFormValues;
}

/**
 * The document the form currently describes. It is only a valid {@link PoolDocument} when the schema accepts it
 * (check with `validatePoolDocument`); a half-typed form gives a document that carries its mistakes.
 */
export function fromFormValues(values: PoolFormValues): PoolDocument {
  return (fromForm(values, POOL_DOCUMENT_SHAPE, false) ?? {}) as PoolDocument;
}

/**
 * The document part at `path` that the form values describe, e.g. one client at `["spec", "clients", 3]`: what
 * {@link fromFormValues} gives at that path, without converting the rest (200 clients with 2,500 scopes).
 */
export function fromFormValuesAt(values: PoolFormValues, path: readonly (string | number)[]): unknown {
  let value: unknown = values;
  for (const segment of path) value = isPlainObject(value) || Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined;
  return fromForm(value, shapeAt(POOL_DOCUMENT_SHAPE, path), typeof path.at(-1) === "number");
}

/** Form values of a part of the document at `path`, e.g. a client at `["spec", "clients", 0]`. */
export function toFormValuesAt(value: unknown, path: readonly (string | number)[]): unknown {
  return toForm(value, shapeAt(POOL_DOCUMENT_SHAPE, path));
}
