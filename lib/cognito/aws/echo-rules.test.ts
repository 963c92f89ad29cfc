/**
 * The echo-rules table: every row has a reason and a source, every [M …] citation names a shape or
 * member that exists in the vendored Smithy model, and the tables normalise.ts uses are derived from it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import {
  CLIENT_DEFAULTS,
  COMPUTED_PROVIDER_DETAILS,
  ECHO_RULES,
  GROUP_DEFAULTS,
  IDENTITY_PROVIDER_DEFAULTS,
  POOL_DEFAULTS,
  STANDARD_ATTRIBUTE_DEFAULTS,
  TOKEN_VALIDITY_DEFAULTS,
  type EchoScope,
} from "./echo-rules";

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

  test("every scope of the studio's resources has rows in the one table, groups and identity providers included", () => {
    const scopes: EchoScope[] = ["pool", "client", "resourceServer", "domain", "schemaAttribute", "group", "identityProvider"];
    expect([...new Set(ECHO_RULES.map((r) => r.scope))].sort()).toEqual([...scopes].sort());
  });

  test("the group and identity provider tables hold what Describe echoes", () => {
    expect(GROUP_DEFAULTS).toEqual({ description: "" });
    expect(IDENTITY_PROVIDER_DEFAULTS).toEqual({ attributeMapping: { username: "sub" }, idpIdentifiers: [] });
    // The nested row (attributeMapping.username) must not write into the row of the whole mapping.
    expect(ECHO_RULES.find((r) => r.scope === "identityProvider" && r.path === "attributeMapping")?.value).toEqual({});
    expect(COMPUTED_PROVIDER_DETAILS.Google).toContain("authorize_url");
    expect(COMPUTED_PROVIDER_DETAILS.SAML).toEqual(["ActiveEncryptionCertificate", "SLORedirectBindingURI", "SSORedirectBindingURI"]);
    expect(Object.keys(COMPUTED_PROVIDER_DETAILS).sort()).toEqual(["Facebook", "Google", "LoginWithAmazon", "OIDC", "SAML", "SignInWithApple"]);
  });
});
