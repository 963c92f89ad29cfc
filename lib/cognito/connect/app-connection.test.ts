import { describe, expect, test } from "vitest";
import type { PoolDocument } from "../spec/document-schema";
import { appConnection, PLACEHOLDER_POOL_ID, UnknownClientError } from "./app-connection";
import { connectKindsFor, renderConnectSnippet, renderConnectSnippets } from "./snippets";

const doc = (spec: Partial<PoolDocument["spec"]>): PoolDocument => ({ apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: "shop" }, spec: { region: "eu-west-1", ...spec } });
const web = { name: "web", allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ["code" as const], allowedOAuthScopes: ["openid", "email"], callbackUrls: ["https://app.example.com/cb"] };

describe("appConnection", () => {
  test("before apply: placeholders for the ids; the issuer and JWKS follow the region", () => {
    const c = appConnection(doc({ clients: [web], domain: { domain: "shop-auth" } }), "web");
    expect(c.applied).toBe(false);
    expect(c.userPoolId).toBe(PLACEHOLDER_POOL_ID);
    expect(c.clientId).toContain("apply the design first");
    expect(c.issuer.startsWith("https://cognito-idp.eu-west-1.amazonaws.com/")).toBe(true);
    expect(c.domain?.token).toBe("https://shop-auth.auth.eu-west-1.amazoncognito.com/oauth2/token");
  });

  test("after apply: the live ids; a custom domain is used as is", () => {
    const c = appConnection(
      doc({ clients: [web], domain: { domain: "auth.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/x" } }),
      "web",
      { userPoolId: "eu-west-1_Abc", clientIds: { web: "client123" } },
    );
    expect([c.applied, c.userPoolId, c.clientId]).toEqual([true, "eu-west-1_Abc", "client123"]);
    expect(c.jwksUrl).toBe("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc/.well-known/jwks.json");
    expect(c.domain?.authorize).toBe("https://auth.example.com/oauth2/authorize");
    expect(c.redirectUri).toBe("https://app.example.com/cb");
  });

  test("clientDefaults are inherited; a confidential client gets a reference to its secret, never a value", () => {
    const c = appConnection(doc({ clientDefaults: { generateSecret: true, allowedOAuthScopes: ["openid"] }, clients: [{ name: "api" }] }), "api");
    expect(c.confidential).toBe(true);
    expect(c.scopes).toEqual(["openid"]);
    expect(c.secretReference).toContain("COGNITO_CLIENT_SECRET");
  });

  test("an unknown client names the clients there are", () => {
    expect(() => appConnection(doc({ clients: [web] }), "mobile")).toThrow(UnknownClientError);
    expect(() => appConnection(doc({ clients: [web] }), "mobile")).toThrow('no app client named "mobile"; the design has web');
  });
});

describe("which stacks can use a client", () => {
  test("a machine-to-machine client: env only", () => {
    const m2m = { name: "worker", generateSecret: true, allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ["client_credentials" as const], allowedOAuthScopes: ["api/read"] };
    const c = appConnection(doc({ clients: [m2m], domain: { domain: "shop-auth" } }), "worker");
    expect((["env", "next-auth", "amplify", "oidc-client-ts"] as const).map((k) => renderConnectSnippet(c, k).applicable)).toEqual([true, false, false, false]);
    expect(renderConnectSnippet(c, "next-auth").notes.join(" ")).toContain("authorization code flow");
  });

  test("no domain: next-auth and oidc-client-ts need the hosted endpoints; Amplify falls back to SRP", () => {
    const c = appConnection(doc({ clients: [web] }), "web");
    expect(renderConnectSnippet(c, "next-auth").applicable).toBe(false);
    expect(renderConnectSnippet(c, "oidc-client-ts").notes.join(" ")).toContain("no domain");
    const amplify = renderConnectSnippet(c, "amplify");
    expect(amplify.applicable).toBe(true);
    expect(amplify.text).not.toContain("loginWith");
  });

  test("a client_credentials client gets the token endpoint and a client-credentials request, not sign-in libraries", () => {
    const worker = { name: "worker", generateSecret: true, allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ["client_credentials" as const], allowedOAuthScopes: ["https://api.example.com/read"] };
    const c = appConnection(doc({ clients: [web, worker], domain: { domain: "shop-auth" } }), "worker", { userPoolId: "eu-west-1_Abc", clientIds: { worker: "w123" } });
    expect(connectKindsFor(c)).toEqual(["env", "client-credentials"]);
    const [env, token] = renderConnectSnippets(c);
    expect(env?.text).toContain("COGNITO_TOKEN_URL=https://shop-auth.auth.eu-west-1.amazoncognito.com/oauth2/token");
    expect(env?.text).not.toMatch(/AUTHORIZE|LOGOUT|AUTH_COGNITO/u);
    expect(token?.applicable).toBe(true);
    expect(token?.text).toContain('"https://shop-auth.auth.eu-west-1.amazoncognito.com/oauth2/token"');
    expect(token?.text).toContain('grant_type: "client_credentials", scope: "https://api.example.com/read"');
    // A client that signs users in keeps the sign-in libraries.
    expect(connectKindsFor(appConnection(doc({ clients: [web], domain: { domain: "shop-auth" } }), "web"))).toEqual(["env", "next-auth", "amplify", "oidc-client-ts"]);
  });
});
