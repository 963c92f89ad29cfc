/**
 * What the editor reads from the spec's zod schema while it renders (how each field converts to an input, the
 * lengths and ranges in the help texts, which fields take values from a fixed list), as plain data: the schema
 * itself and zod stay out of the editor's first-load JavaScript (they load for validation after it is shown).
 *
 * `schema-shape.json` is generated from `poolDocumentSchema` (`schema-shape-build.ts`); a unit test fails when
 * the schema changes without it: rewrite it with `npx tsx components/pool-editor/write-schema-shape.ts`.
 */
import shapeJson from "./schema-shape.json";

/** One schema node: `boundsOf`'s answer (type, lengths, range, fixed values) and the nodes below it. */
export interface SchemaShape {
  /** zod's type: object, array, record, string, number, boolean, enum, literal, union… */
  type: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  isInteger?: boolean;
  /** The fixed values of an enum, literal or union of literals. */
  values?: (string | number)[];
  fields?: Record<string, SchemaShape>;
  element?: SchemaShape;
  /** The values' shape of a record (tags, labels). */
  value?: SchemaShape;
}

/** The pool document's shape. */
export const POOL_DOCUMENT_SHAPE: SchemaShape = shapeJson as SchemaShape;

/** The shape at `path` below `root` (list indexes and record keys go to the item's shape); undefined off the schema. */
export function shapeAt(root: SchemaShape | undefined, path: readonly (string | number)[]): SchemaShape | undefined {
  let current = root;
  for (const segment of path) {
    if (!current) return undefined;
    if (current.type === "object" && typeof segment === "string") current = Object.hasOwn(current.fields ?? {}, segment) ? current.fields?.[segment] : undefined;
    else if (current.type === "array") current = current.element;
    else if (current.type === "record") current = current.value;
    else return undefined;
  }
  return current;
}

/** `spec.clients.3.name` (or `spec.clients.*.name`) → the path segments {@link shapeAt} reads. */
export function segmentsOfField(name: string): (string | number)[] {
  return name.split(".").map((s) => (s === "*" || /^\d+$/u.test(s) ? 0 : s));
}

/** The fixed values of a field (`spec.autoVerifiedAttributes`), or of its items when it is a list. */
export function fieldValues(name: string): (string | number)[] {
  let shape = shapeAt(POOL_DOCUMENT_SHAPE, segmentsOfField(name));
  if (shape?.type === "array") shape = shape.element;
  return shape?.values ?? [];
}
