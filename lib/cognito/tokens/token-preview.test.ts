import { describe, expect, test } from "vitest";
import { poolDocument } from "@/test/support/pool-documents";
import { UnknownClientError } from "../connect/app-connection";
import { preferredRoleOf, previewTokens, UnknownGroupError } from "./token-preview";
import { EXAMPLE_AUTH_TIME } from "./token-rules";

const role = (name: string) => `arn:aws:iam::123456789012:role/${name}`;
const spa = { name: "web", allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ["code" as const], allowedOAuthScopes: ["openid", "email", "https://api.example.com/orders.read"], callbackUrls: ["https://app.example.com/cb"] };
const worker = { name: "worker", generateSecret: true, allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ["client_credentials" as const], allowedOAuthScopes: ["https://api.example.com/orders.read"], accessTokenValidity: 15, tokenValidityUnits: { accessToken: "minutes" as const } };
const sdkOnly = { name: "mobile", explicitAuthFlows: ["ALLOW_USER_SRP_AUTH" as const, "ALLOW_REFRESH_TOKEN_AUTH" as const], readAttributes: ["email", "custom:tenant"] };
const groups = [
  { name: "admins", precedence: 0, roleArn: role("admin") },
  { name: "staff", precedence: 5, roleArn: role("staff") },
  { name: "beta" },
];
const doc = (extra: Partial<Parameters<typeof poolDocument>[0]> = {}) =>
  poolDocument({
    region: "eu-west-1",
    usernameAttributes: ["email"],
    schemaAttributes: [{ name: "tenant", attributeDataType: "String" }],
    clients: [spa, worker, sdkOnly],
    groups,
    ...extra,
  });
const texts = (p: { notes: { text: string }[] }) => p.notes.map((n) => n.text).join("\n");

describe("previewTokens by client kind", () => {
  test("an SPA: an ID token with aud, groups, roles and preferred role; an access token with client_id and the allowed scopes", () => {
    const p = previewTokens(doc(), "web", { groups: ["staff", "admins"], attributes: { "custom:tenant": "acme" } });
    expect(p.kind).toBe("spa");
    expect(p.idToken).toMatchObject({
      token_use: "id",
      iss: expect.stringMatching(/^https:\/\/cognito-idp\.eu-west-1\.amazonaws\.com\//u),
      aud: expect.stringContaining("client id of web"),
      "cognito:groups": ["staff", "admins"],
      "cognito:roles": [role("staff"), role("admin")],
      "cognito:preferred_role": role("admin"),
      email: "user@example.com",
      email_verified: true,
      "custom:tenant": "acme",
    });
    // The pool signs in with email: the username is generated, equal to sub.
    expect(p.idToken?.["cognito:username"]).toBe(p.idToken?.sub);
    expect(p.accessToken).toMatchObject({ token_use: "access", scope: "openid email https://api.example.com/orders.read", "cognito:groups": ["staff", "admins"] });
    expect(p.accessToken.client_id).toBe(p.idToken?.aud);
    // The access token carries groups, not roles.
    expect(p.accessToken).not.toHaveProperty("cognito:roles");
    expect(p.accessToken).not.toHaveProperty("aud");
    expect([p.idToken?.exp, p.accessToken.exp]).toEqual([EXAMPLE_AUTH_TIME + 3600, EXAMPLE_AUTH_TIME + 3600]);
    expect(p.notes.every((n) => n.source.startsWith("https://docs.aws.amazon.com/"))).toBe(true);
  });

  test("an M2M client: no ID token, an access token whose sub is the client id, exp from its validity in minutes", () => {
    const p = previewTokens(doc(), "worker", { groups: ["admins"] });
    expect(p.kind).toBe("m2m");
    expect(p.idToken).toBeNull();
    expect(p.accessToken).toMatchObject({ token_use: "access", scope: "https://api.example.com/orders.read", exp: EXAMPLE_AUTH_TIME + 15 * 60 });
    expect(p.accessToken.sub).toBe(p.accessToken.client_id);
    expect(p.accessToken).not.toHaveProperty("cognito:groups");
    expect(p.accessToken).not.toHaveProperty("username");
    expect(texts(p)).toContain("there is no ID token");
    // The note on example values names only what this token carries: no username, and sub is the real client id.
    expect(texts(p)).toContain("Example values (known only at sign-in): auth_time, iat, exp, jti.");
  });

  test("a client without OAuth flows: the access token's scope is aws.cognito.signin.user.admin; unreadable attributes are dropped", () => {
    const p = previewTokens(doc(), "mobile", { attributes: { "custom:tenant": "acme", name: "Jane" } });
    expect(p.accessToken.scope).toBe("aws.cognito.signin.user.admin");
    expect(p.idToken).toMatchObject({ email: "user@example.com", "custom:tenant": "acme" });
    expect(p.idToken).not.toHaveProperty("name");
    expect(p.idToken).not.toHaveProperty("email_verified");
    expect(texts(p)).toContain("may not read email_verified, name");
  });

  test("without usernameAttributes the username is its own example value; without groups no group claims", () => {
    const p = previewTokens(doc({ usernameAttributes: undefined }), "web");
    expect(p.idToken?.["cognito:username"]).toBe("example-user");
    expect(p.accessToken.username).toBe("example-user");
    expect(p.idToken).not.toHaveProperty("cognito:groups");
    expect(p.idToken).not.toHaveProperty("email");
  });

  test("an attribute the pool lacks is named in a note, not put in the token", () => {
    const p = previewTokens(doc(), "web", { attributes: { tenant: "acme" } });
    expect(p.idToken).not.toHaveProperty("tenant");
    expect(texts(p)).toContain("tenant is not an attribute of this pool");
  });

  test("unknown client and unknown group are errors naming what exists", () => {
    expect(() => previewTokens(doc(), "nope")).toThrow(UnknownClientError);
    expect(() => previewTokens(doc(), "web", { groups: ["ops"] })).toThrow(new UnknownGroupError('no group named "ops"; the design has admins, staff, beta'));
  });
});

describe("cognito:preferred_role", () => {
  test("the lowest precedence wins; a tie with different roles sets none; a tie with one role sets it; null precedence loses", () => {
    expect(preferredRoleOf([groups[1]!, groups[0]!])).toBe(role("admin"));
    expect(preferredRoleOf([{ name: "a", precedence: 1, roleArn: role("a") }, { name: "b", precedence: 1, roleArn: role("b") }])).toBeUndefined();
    expect(preferredRoleOf([{ name: "a", precedence: 1, roleArn: role("a") }, { name: "b", precedence: 1, roleArn: role("a") }])).toBe(role("a"));
    expect(preferredRoleOf([{ name: "a", roleArn: role("a") }, { name: "b", precedence: 9, roleArn: role("b") }])).toBe(role("b"));
    expect(preferredRoleOf([{ name: "beta" }])).toBeUndefined();
  });
});

describe("the pre token generation trigger", () => {
  const lambdaArn = "arn:aws:lambda:eu-west-1:123456789012:function:pre-token";
  test("none: the tokens are as shown", () => {
    expect(texts(previewTokens(doc(), "web"))).toContain("No pre token generation trigger");
  });
  test("V1_0 (legacy field): ID token only; not invoked for client credentials", () => {
    const d = doc({ lambdaConfig: { preTokenGeneration: lambdaArn } });
    expect(texts(previewTokens(d, "web"))).toContain("(V1_0) may add, override or suppress ID token claims");
    expect(texts(previewTokens(d, "worker"))).toContain("is not invoked for client credentials");
  });
  test("V2_0 customises both user tokens but not M2M; V3_0 also M2M; on Lite the page's tier rule is a note", () => {
    const v2 = doc({ lambdaConfig: { preTokenGenerationConfig: { lambdaVersion: "V2_0", lambdaArn } } });
    expect(texts(previewTokens(v2, "web"))).toContain("claims in both tokens");
    expect(texts(previewTokens(v2, "worker"))).toContain("not invoked for client credentials");
    const v3 = doc({ userPoolTier: "LITE", lambdaConfig: { preTokenGenerationConfig: { lambdaVersion: "V3_0", lambdaArn } } });
    expect(texts(previewTokens(v3, "worker"))).toContain("(V3_0) may add or override claims");
    expect(texts(previewTokens(v3, "worker"))).toContain("needs the Essentials or Plus feature plan; this pool is on Lite");
    expect(texts(previewTokens(v2, "worker"))).not.toContain("this pool is on Lite");
    expect(texts(previewTokens(v3, "web"))).toMatch(/No trigger may add, change or suppress .*\biss\b.*\btoken_use\b/u);
  });
});

test("one hour reads as one hour; a trigger not invoked for a machine client lists no reserved claims", () => {
  const p = previewTokens(doc({ lambdaConfig: { preTokenGenerationConfig: { lambdaVersion: "V2_0", lambdaArn: "arn:aws:lambda:eu-west-1:123456789012:function:f" } } }), "worker");
  expect(texts(previewTokens(doc(), "web"))).toContain("exp is iat + 1 hour (the default accessTokenValidity)");
  expect(texts(p)).not.toContain("No trigger may add");
});
