/**
 * The echo-rules table: every row has a reason and a source, every [M …] citation names a shape or
 * member that exists in the vendored Smithy model, and the tables normalise.ts uses are derived from it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { CLIENT_DEFAULTS, ECHO_RULES, POOL_DEFAULTS, STANDARD_ATTRIBUTE_DEFAULTS, TOKEN_VALIDITY_DEFAULTS } from "./echo-rules";

const model = JSON.parse(readFileSync(new URL("../../../test/fixtures/reference/aws-cognito-identity-provider.smithy.json", import.meta.url), "utf8")) as {
  shapes: Record<string, { members?: Record<string, unknown> }>;
};
const shapeNames = new Set(Object.keys(model.shapes).map((k) => k.split("#")[1]));
const memberNames = new Set(Object.values(model.shapes).flatMap((s) => Object.keys(s.members ?? {})));

describe("ECHO_RULES", () => {
  test.each(ECHO_RULES.map((r) => [`${r.scope} ${r.path} (${r.kind})`, r] as const))("%s has a reason and a source", (_, rule) => {
    expect(rule.reason.length).toBeGreaterThan(10);
    expect(rule.source.length).toBeGreaterThan(2);
  });

  test("every [M …] citation names something in the API model", () => {
    const cited = ECHO_RULES.flatMap((r) => [...r.source.matchAll(/\[M ([^\]]+)\]/gu)].flatMap((m) => (m[1] ?? "").split(/,\s*/u)));
    expect(cited.length).toBeGreaterThan(10);
    for (const name of cited) {
      const [shape, member] = name.split(".");
      if (member) expect(shapeNames.has(shape ?? "") && memberNames.has(member), name).toBe(true);
      else expect(shapeNames.has(shape ?? "") || memberNames.has(shape ?? ""), name).toBe(true);
    }
  });

  test("no path is covered twice by the same kind in one scope", () => {
    const keys = ECHO_RULES.map((r) => `${r.scope}|${r.kind}|${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test("the derived tables hold the documented defaults", () => {
    expect((POOL_DEFAULTS.passwordPolicy as Record<string, unknown>).temporaryPasswordValidityDays).toBe(7);
    expect(POOL_DEFAULTS.userPoolTier).toBe("ESSENTIALS");
    expect(CLIENT_DEFAULTS.tokenValidityUnits).toEqual({ accessToken: "hours", idToken: "hours", refreshToken: "days" });
    expect(CLIENT_DEFAULTS.readAttributes).toEqual([]);
    expect(STANDARD_ATTRIBUTE_DEFAULTS.birthdate?.stringAttributeConstraints).toEqual({ minLength: "10", maxLength: "10" });
    expect(TOKEN_VALIDITY_DEFAULTS.find((t) => t.field === "refreshTokenValidity")?.seconds).toBe(30 * 86400);
  });
});
