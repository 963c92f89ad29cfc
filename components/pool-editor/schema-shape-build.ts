/**
 * Builds the editor's schema shape ({@link SchemaShape}, `schema-shape.ts`) from the spec's zod schema. Run on
 * the server side only: by the test that keeps `schema-shape.json` in step with the schema, and by
 * `write-schema-shape.ts` that rewrites it.
 */
import type { z } from "zod";
import { boundsOf, schemaAt } from "@/lib/cognito/spec/schema-introspection";
import { poolDocumentSchema } from "@/lib/cognito/spec/document-schema";
import type { SchemaShape } from "./schema-shape";

/** The schema is a tree of plain values; a schema deeper than this is a recursive one the shape cannot hold. */
const MAX_DEPTH = 32;

/** The shape of `schema`: what `schemaAt` and `boundsOf` would answer for every path below it. */
export function buildSchemaShape(schema: z.ZodType = poolDocumentSchema, depth = 0): SchemaShape {
  if (depth > MAX_DEPTH) throw new Error(`The schema is deeper than ${MAX_DEPTH} levels (recursive?): the editor's schema shape cannot hold it.`);
  const bounds = boundsOf(schema);
  const shape: SchemaShape = { type: bounds.type };
  if (bounds.minLength !== undefined) shape.minLength = bounds.minLength;
  if (bounds.maxLength !== undefined) shape.maxLength = bounds.maxLength;
  if (bounds.minimum !== undefined) shape.minimum = bounds.minimum;
  if (bounds.maximum !== undefined) shape.maximum = bounds.maximum;
  if (bounds.isInteger) shape.isInteger = true;
  const values = bounds.enumValues ?? bounds.literalValues;
  if (values) shape.values = values as (string | number)[];
  const below = (segment: string | number) => {
    const next = schemaAt(schema, [segment]);
    return next && buildSchemaShape(next, depth + 1);
  };
  if (bounds.type === "object") shape.fields = Object.fromEntries((bounds.fields ?? []).flatMap((key) => (below(key) ? [[key, below(key) as SchemaShape]] : [])));
  if (bounds.type === "array") shape.element = below(0);
  if (bounds.type === "record") shape.value = below("key");
  return shape;
}
