import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { poolDocumentSchema } from "@/lib/cognito/spec/document-schema";
import { poolDocumentArbitrary, poolDocumentPairArbitrary } from "./pool-arbitraries";

describe("pool document arbitraries", () => {
  it("generate documents the schema accepts", () => {
    fc.assert(
      fc.property(poolDocumentArbitrary(), (doc) => {
        const parsed = poolDocumentSchema.safeParse(doc);
        expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("generate wide documents (names and numbers across the schema's bounds) the schema accepts", () => {
    fc.assert(
      fc.property(poolDocumentArbitrary({ wide: true }), (doc) => {
        const parsed = poolDocumentSchema.safeParse(doc);
        expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("generate full documents: every optional top-level field set, and schema-valid", () => {
    const optional = Object.keys(poolDocumentSchema.shape.spec.shape).filter((k) => k !== "region");
    fc.assert(
      fc.property(poolDocumentArbitrary({ full: true }), (doc) => {
        expect(poolDocumentSchema.safeParse(doc).success).toBe(true);
        expect(optional.filter((k) => !(k in doc.spec))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("generate related pairs that stay schema-valid and often share clients", () => {
    let shared = 0;
    fc.assert(
      fc.property(poolDocumentPairArbitrary(), ([a, b]) => {
        expect(poolDocumentSchema.safeParse(a).success).toBe(true);
        const parsed = poolDocumentSchema.safeParse(b);
        expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
        const names = new Set((a.spec.clients ?? []).map((c) => c.name));
        if ((b.spec.clients ?? []).some((c) => names.has(c.name))) shared++;
      }),
      { numRuns: 200 },
    );
    // Pairs are only useful for plan properties when they overlap; this guards the generator's design.
    expect(shared).toBeGreaterThan(20);
  });
});
