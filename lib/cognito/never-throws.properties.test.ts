/**
 * Fuzzing of the core's promise "never throws": validation of arbitrary JSON placed anywhere in a document,
 * planning between arbitrary valid documents, every renderer on arbitrary valid documents, and every importer
 * on arbitrary and on mangled text. Each returns diagnostics; none may throw.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXPORTERS, EXPORT_FORMATS, IMPORTERS, IMPORT_FORMATS, detectImportFormat } from "./formats";
import { planChanges } from "./plan";
import { reviewTerraformPlan } from "./terraform-plan/review-plan";
import { validatePoolDocument } from "./spec";
import { poolDocumentArbitrary, poolDocumentPairArbitrary } from "@/test/support/pool-arbitraries";

type Json = unknown;

/** Every path to a value inside `value` (objects and arrays), the root excluded. */
function pathsOf(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (value !== null && typeof value === "object")
    for (const [key, child] of Object.entries(value)) {
      const path = [...prefix, Array.isArray(value) ? Number(key) : key];
      out.push(path);
      pathsOf(child, path, out);
    }
  return out;
}

function replaceAt(root: Json, path: (string | number)[], junk: Json): Json {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1) as string | number] = junk;
  return copy;
}

/** JSON with what hostile input brings: huge and odd numbers, prototype keys, control characters, long strings. */
const hostileJson: fc.Arbitrary<Json> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, 1e308, -0, 2 ** 53 + 1, Number.MIN_VALUE, "", "\u0000", "\uFFFD\uD800", "__proto__", "constructor", "a".repeat(10_000)),
    fc.jsonValue({ maxDepth: 2 }),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor", "prototype", "toString")), tie("value"), { maxKeys: 4 }),
  ),
})).value;

describe("never throws (fast-check)", () => {
  it("validatePoolDocument: arbitrary hostile JSON anywhere inside a valid document gives diagnostics", () => {
    fc.assert(
      fc.property(poolDocumentArbitrary(), hostileJson, fc.nat(), (doc, junk, pick) => {
        const paths = pathsOf(doc);
        const mangled = replaceAt(doc, paths[pick % paths.length] as (string | number)[], junk);
        expect(Array.isArray(validatePoolDocument(mangled).diagnostics)).toBe(true);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(hostileJson, (value) => {
        expect(Array.isArray(validatePoolDocument(value).diagnostics)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("planChanges: between arbitrary valid documents, and from nothing", () => {
    fc.assert(
      fc.property(poolDocumentPairArbitrary(), fc.boolean(), ([a, b], allowReplace) => {
        expect(Array.isArray(planChanges(a, b, { allowReplace }).entries)).toBe(true);
        expect(Array.isArray(planChanges(null, b).entries)).toBe(true);
        expect(Array.isArray(planChanges(b, a).entries)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it.each(EXPORT_FORMATS)("the %s renderer on arbitrary valid documents", (format) => {
    fc.assert(
      fc.property(poolDocumentArbitrary(), (doc) => {
        const out = EXPORTERS[format](doc);
        expect(out.files.length).toBeGreaterThan(0);
        for (const file of out.files) expect(typeof file.content).toBe("string");
      }),
      { numRuns: 60 },
    );
  });

  it.each(IMPORT_FORMATS)("the %s importer on arbitrary text and on a mangled export", async (format) => {
    const exported = EXPORTERS[format === "spec" ? "spec" : format](fc.sample(poolDocumentArbitrary(), { numRuns: 1, seed: 7 })[0]!).files[0]!.content;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 300 }),
          fc.tuple(fc.nat(), fc.nat(40), fc.string({ unit: "binary", maxLength: 20 })).map(([at, cut, insert]) => {
            const i = at % (exported.length + 1);
            return exported.slice(0, i) + insert + exported.slice(i + cut);
          }),
        ),
        async (text) => {
          const result = await IMPORTERS[format](text, { fileName: format === "terraform" ? "main.tf" : "input.yaml" });
          expect(Array.isArray(result.diagnostics)).toBe(true);
          detectImportFormat(text);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("reviewTerraformPlan: hostile JSON anywhere in a plan's resource change is reviewed or refused in words, never an internal error", async () => {
    const plan = {
      format_version: "1.2",
      resource_changes: [
        { address: "aws_cognito_user_pool.shop", mode: "managed", type: "aws_cognito_user_pool", name: "shop", change: { actions: ["update"], before: { name: "shop", id: "eu-west-1_abc", mfa_configuration: "OFF" }, after: { name: "shop", mfa_configuration: "ON", password_policy: [{ minimum_length: 12 }] }, after_unknown: {}, replace_paths: [["name"]] } },
        { address: "aws_cognito_user_pool_client.web", mode: "managed", type: "aws_cognito_user_pool_client", name: "web", change: { actions: ["delete", "create"], before: { name: "web", user_pool_id: "eu-west-1_abc" }, after: { name: "web", user_pool_id: "eu-west-1_abc", callback_urls: ["https://x"] } } },
      ],
      configuration: { root_module: { resources: [{ type: "aws_cognito_user_pool_client", name: "web", mode: "managed", expressions: { user_pool_id: { references: ["aws_cognito_user_pool.shop.id"] } } }] } },
    };
    await fc.assert(
      fc.asyncProperty(hostileJson, fc.nat(), async (junk, pick) => {
        const paths = pathsOf(plan);
        const mangled = replaceAt(plan, paths[pick % paths.length] as (string | number)[], junk);
        const review = await reviewTerraformPlan(JSON.stringify(mangled));
        expect(review.diagnostics.filter((d) => d.code === "internal-error")).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
