import type { PoolDocument } from "../lib/cognito/spec";

/**
 * The maximal pool of the spec-and-formats benchmark: 1000 app clients, 25 resource servers with 100 scopes each,
 * 50 custom attributes (the most AWS allows, https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html). Every client asks for scopes of one
 * resource server, so exports reference them.
 */
export function maximalPool(): PoolDocument {
  const resourceServers = Array.from({ length: 25 }, (_, r) => ({
    identifier: `https://api${r}.example.com`,
    name: `api-${r}`,
    scopes: Array.from({ length: 100 }, (_, s) => ({ name: `scope-${s}`, description: `Scope ${s} of API ${r}` })),
  }));
  const clients = Array.from({ length: 1000 }, (_, i) => ({
    name: `client-${String(i).padStart(4, "0")}`,
    generateSecret: false,
    allowedOAuthFlowsUserPoolClient: true,
    allowedOAuthFlows: ["code" as const],
    allowedOAuthScopes: ["openid", "email", `https://api${i % 25}.example.com/scope-${i % 100}`],
    callbackUrls: [`https://app${i}.example.com/callback`],
    logoutUrls: [`https://app${i}.example.com/`],
    supportedIdentityProviders: ["COGNITO"],
    explicitAuthFlows: ["ALLOW_USER_SRP_AUTH" as const, "ALLOW_REFRESH_TOKEN_AUTH" as const],
    preventUserExistenceErrors: "ENABLED" as const,
    enableTokenRevocation: true,
    accessTokenValidity: 60,
    idTokenValidity: 60,
    refreshTokenValidity: 30,
    tokenValidityUnits: { accessToken: "minutes" as const, idToken: "minutes" as const, refreshToken: "days" as const },
  }));
  const schemaAttributes = Array.from({ length: 50 }, (_, i) => ({
    name: `attr${i}`,
    attributeDataType: "String" as const,
    mutable: true,
    stringAttributeConstraints: { minLength: "0", maxLength: "256" },
  }));
  return {
    apiVersion: "cognito-studio.dev/v1",
    kind: "UserPool",
    metadata: { name: "maximal-pool", labels: { env: "production" } },
    spec: {
      region: "eu-west-1",
      usernameAttributes: ["email"],
      autoVerifiedAttributes: ["email"],
      mfaConfiguration: "ON",
      softwareTokenMfaConfiguration: { enabled: true },
      deletionProtection: "ACTIVE",
      passwordPolicy: { minimumLength: 14, requireLowercase: true, requireUppercase: true, requireNumbers: true, requireSymbols: true },
      schemaAttributes,
      resourceServers,
      clients,
      domain: { domain: "maximal-pool-auth" },
    },
  } as PoolDocument;
}

/** A copy with 10% of the clients changed (a callback URL added), for the plan benchmark. */
export function withTenPercentChanged(doc: PoolDocument): PoolDocument {
  const copy = structuredClone(doc);
  copy.spec.clients?.forEach((client, i) => {
    if (i % 10 === 0) client.callbackUrls = [...(client.callbackUrls ?? []), `https://new${i}.example.com/callback`];
  });
  return copy;
}
