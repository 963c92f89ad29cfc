import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { poolDocumentPairArbitrary } from "@/test/support/pool-arbitraries";
import { assess } from "./classify";
import { type RawChange, diffValues, isSameJson } from "./diff";

describe("isSameJson, the plan's shortcut for an unchanged resource", () => {
  it.each([
    ["the same nested value", { a: [1, { b: "x" }], c: null }, { a: [1, { b: "x" }], c: null }, true],
    ["keys in another order", { a: 1, b: 2 }, { b: 2, a: 1 }, true],
    ["an undefined value as an absent key", { a: 1, b: undefined }, { a: 1 }, true],
    ["a changed leaf", { a: { b: "x" } }, { a: { b: "y" } }, false],
    ["an added key", { a: 1 }, { a: 1, b: 2 }, false],
    ["a removed key", { a: 1, b: 2 }, { a: 1 }, false],
    ["a list in another order (the diff decides: lists are sets there)", ["a", "b"], ["b", "a"], false],
    ["a longer list", ["a"], ["a", "b"], false],
    ["a list against an object", [], {}, false],
    ["null against an object", null, {}, false],
    ["a number against its string", 1, "1", false],
  ])("%s", (_name, a, b, same) => {
    expect(isSameJson(a, b)).toBe(same);
    expect(isSameJson(b, a)).toBe(same);
  });

  it("says the same only of values the diff finds no change between", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        for (const [x, y] of [[a, b], [a, structuredClone(a)]]) {
          if (!isSameJson(x, y)) continue;
          const exact: RawChange[] = [];
          diffValues(x, y, { mode: "exact" }, exact);
          expect(exact).toEqual([]);
        }
        expect(isSameJson(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("an app client the shortcut calls unchanged has no change when assessed in full", () => {
    fc.assert(
      fc.property(poolDocumentPairArbitrary(), ([a, b]) => {
        const before = new Map((a.spec.clients ?? []).map((c) => [c.name, c]));
        for (const client of b.spec.clients ?? []) {
          const old = before.get(client.name);
          if (old !== undefined && isSameJson(old, client)) expect(assess("appClient", old, client, new Set(["name"]))).toEqual({ changes: [], replaceReasons: [], impossible: [] });
        }
        for (const client of a.spec.clients ?? []) expect(isSameJson(client, structuredClone(client))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
