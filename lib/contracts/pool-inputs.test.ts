import { describe, expect, test } from "vitest";
import { nestsDeeperThan } from "@/lib/cognito/formats/input-limits";
import { saveDraftSchema } from "@/lib/contracts/pool-inputs";

const nested = (depth: number): Record<string, unknown> => {
  let value: Record<string, unknown> = {};
  for (let i = 1; i < depth; i++) value = { a: value };
  return value;
};

describe("a draft's nesting is limited before anything recursive walks it", () => {
  test("depth is measured without recursion, even 1,000,000 levels", () => {
    expect(nestsDeeperThan(nested(64), 64)).toBe(false);
    expect(nestsDeeperThan(nested(65), 64)).toBe(true);
    expect(nestsDeeperThan(nested(1_000_000), 64)).toBe(true);
  });

  test("saving a draft nested 100,000 deep is a field error, not a stack overflow", () => {
    const parsed = saveDraftSchema.safeParse({ poolId: "p", version: 1, document: nested(100_000) });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/nests more than 64 levels deep/u);
    expect(saveDraftSchema.safeParse({ poolId: "p", version: 1, document: { apiVersion: "v", spec: { clients: [{ name: "c" }] } } }).success).toBe(true);
  });
});
