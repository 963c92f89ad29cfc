/** JSON Schema of the native document format, generated from the zod schemas (for editors and `cognito-studio schema`). */
import { z } from "zod";
import { poolDocumentSchema } from "./document-schema";

export const POOL_DOCUMENT_SCHEMA_ID = "https://cognito-studio.dev/schemas/user-pool-v1.json";

export function poolDocumentJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(poolDocumentSchema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return { ...schema, $id: POOL_DOCUMENT_SCHEMA_ID, title: "Cognito Studio user pool document" };
}
