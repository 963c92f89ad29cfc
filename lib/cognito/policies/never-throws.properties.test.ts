/**
 * Policies never throw: the starter set on arbitrary valid pools for arbitrary targets, and arbitrary text as an
 * expression (a person types anything into the Policies page) compiles or is explained.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { poolDocumentArbitrary } from "@/test/support/pool-arbitraries";
import { compilePolicies, compilePolicy } from "./compile";
import { evaluatePolicies } from "./evaluate";
import { readPolicyFile } from "./read-policy-file";
import { STARTER_POLICIES } from "./starter-set";

const starter = compilePolicies(STARTER_POLICIES).compiled;
const target = fc.record({ name: fc.string({ maxLength: 12 }), region: fc.string({ maxLength: 12 }) });

describe("policies never throw", () => {
  it("the starter set evaluates on any valid pool and target, giving diagnostics with policy codes", () => {
    fc.assert(
      fc.property(poolDocumentArbitrary(), target, (doc, t) => {
        for (const v of evaluatePolicies(starter, doc, t)) expect(v.code).toMatch(/^policy\/[a-z0-9-]+$/u);
      }),
      { numRuns: 60 },
    );
  });

  it("any text as an expression compiles or is explained with the policy's id", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom("pool.spec.", "((((", '"', "a in [", "1/0 == 1", "pool.spec.clients.map(c, c)", "size(pool) > 0")), (text) => {
        const result = compilePolicy({ id: "p", description: "d", severity: "block", require: text, path: "spec" });
        if (!result.compiled) expect(result.problems[0]?.message).toMatch(/^policy "p"/u);
      }),
      { numRuns: 300 },
    );
  });

  it("any text as a policy file is read or explained", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const file = readPolicyFile(text);
        expect(Array.isArray(file.problems)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
