import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { poolDocumentSchema, schemaAt } from "@/lib/cognito/spec";
import { boundsOf } from "@/lib/cognito/spec/schema-introspection";
import { POOL_DOCUMENT_SHAPE, fieldValues, shapeAt } from "./schema-shape";
import { buildSchemaShape } from "./schema-shape-build";

describe("the editor's schema shape", () => {
  it("is the shape of the current poolDocumentSchema (else: npx tsx components/pool-editor/write-schema-shape.ts)", () => {
    const committed: unknown = JSON.parse(readFileSync(new URL("./schema-shape.json", import.meta.url), "utf8"));
    expect(committed).toEqual(buildSchemaShape(poolDocumentSchema));
  });

  it.each([
    ["spec.passwordPolicy.minimumLength"],
    ["spec.clients.0.callbackUrls"],
    ["spec.clients.0.authSessionValidity"],
    ["spec.userPoolTags.env"],
    ["spec.domain.managedLoginVersion"],
    ["spec.managedLoginBranding.0.assets.0.category"],
  ])("answers as the schema does at %s", (name) => {
    const path = name.split(".").map((s) => (/^\d+$/u.test(s) ? Number(s) : s));
    const bounds = boundsOf(schemaAt(poolDocumentSchema, path)!);
    const shape = shapeAt(POOL_DOCUMENT_SHAPE, path)!;
    expect(shape.type).toBe(bounds.type);
    expect([shape.minLength, shape.maxLength, shape.minimum, shape.maximum]).toEqual([bounds.minLength, bounds.maxLength, bounds.minimum, bounds.maximum]);
    expect(shape.values).toEqual(bounds.enumValues ?? bounds.literalValues);
  });

  it("has nothing off the schema", () => {
    expect(shapeAt(POOL_DOCUMENT_SHAPE, ["spec", "noSuchSetting"])).toBeUndefined();
    expect(shapeAt(POOL_DOCUMENT_SHAPE, ["spec", "region", "x"])).toBeUndefined();
    expect(shapeAt(POOL_DOCUMENT_SHAPE, ["spec", "toString"])).toBeUndefined();
  });

  it("lists a field's fixed values, or its items' values", () => {
    expect(fieldValues("spec.mfaConfiguration")).toEqual(["OFF", "ON", "OPTIONAL"]);
    expect(fieldValues("spec.clients.4.allowedOAuthFlows")).toContain("client_credentials");
    expect(fieldValues("spec.clients.4.name")).toEqual([]);
  });
});
