import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { groupDigits } from "./group-digits";

describe("groupDigits", () => {
  test("writes what toLocaleString('en-US') writes for counts", () => {
    for (const n of [0, 7, 999, 1000, 131072, 1_000_000, -4096, 12.5]) expect(groupDigits(n)).toBe(n.toLocaleString("en-US"));
    fc.assert(fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => groupDigits(n) === n.toLocaleString("en-US")));
  });
});
