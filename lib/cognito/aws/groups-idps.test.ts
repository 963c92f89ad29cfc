import { describe, expect, it } from "vitest";
import type { IdentityProviderSpec } from "../spec/identity-provider-schema";
import { createIdentityProviderInput, groupFromApi, identityProviderFromApi, updateGroupInput, updateIdentityProviderInput } from "./mapping-groups-idps";
import { normaliseGroups, normaliseIdentityProvider } from "./normalise-groups-idps";
import { SecretResolutionError, createSecretResolver, environmentSecretResolver, referencedName } from "./secret-resolver";

const google: IdentityProviderSpec = {
  providerName: "Google",
  providerType: "Google",
  providerDetails: { client_id: "c.apps.googleusercontent.com", authorize_scopes: "openid email" },
  secretRef: { source: "env", name: "IDP_SECRET_GOOGLE" },
  attributeMapping: { email: "email" },
};

describe("identity provider requests", () => {
  it("create sends the details with the resolved secret under the type's key (private_key for Apple)", () => {
    expect(createIdentityProviderInput("p", google, "s1").ProviderDetails).toEqual({ ...google.providerDetails, client_secret: "s1" });
    const apple: IdentityProviderSpec = { providerName: "SignInWithApple", providerType: "SignInWithApple", providerDetails: { client_id: "com.x", team_id: "T", key_id: "K", authorize_scopes: "email" } };
    expect(createIdentityProviderInput("p", apple, "-----BEGIN PRIVATE KEY-----").ProviderDetails?.private_key).toBe("-----BEGIN PRIVATE KEY-----");
  });

  it("update replaces ProviderDetails whole: every desired detail and the secret again, none of the live extras", () => {
    const live = { ProviderName: "Google", ProviderDetails: { client_id: "old", authorize_scopes: "openid", token_url: "https://x", client_secret: "old" }, AttributeMapping: { username: "sub" }, IdpIdentifiers: ["g"] };
    const input = updateIdentityProviderInput("p", { ...google, attributeMapping: undefined }, "s2", live);
    expect(input.ProviderDetails).toEqual({ client_id: "c.apps.googleusercontent.com", authorize_scopes: "openid email", client_secret: "s2" });
    // Mapping and identifiers the spec does not manage keep their live values (the call would reset them).
    expect(input.AttributeMapping).toEqual({ username: "sub" });
    expect(input.IdpIdentifiers).toEqual(["g"]);
  });

  it("reading a provider drops its secret and says it had one", () => {
    const { spec, hadSecret } = identityProviderFromApi({ ProviderName: "Google", ProviderType: "Google", ProviderDetails: { client_id: "c", client_secret: "GOCSPX-x" } });
    expect(hadSecret).toBe(true);
    expect(JSON.stringify(spec)).not.toContain("GOCSPX");
  });
});

describe("groups", () => {
  it("update keeps live settings the spec does not manage", () => {
    const live = { GroupName: "admins", Description: "Admins", Precedence: 3, RoleArn: "arn:aws:iam::123456789012:role/a" };
    expect(updateGroupInput("p", { name: "admins", precedence: 0 }, live)).toEqual({ UserPoolId: "p", GroupName: "admins", Description: "Admins", Precedence: 0, RoleArn: live.RoleArn });
  });
  it("an empty description read back is not a setting", () => {
    expect(normaliseGroups([groupFromApi({ GroupName: "a", Description: "" })], [{ name: "a" }])).toEqual([{ name: "a" }]);
    expect(normaliseGroups([], undefined)).toBeUndefined();
  });
});

describe("normaliseIdentityProvider", () => {
  const live: IdentityProviderSpec = {
    providerName: "Google",
    providerType: "Google",
    providerDetails: { ...google.providerDetails, authorize_url: "https://accounts.google.com/o/oauth2/v2/auth", token_url: "https://www.googleapis.com/oauth2/v4/token" },
    attributeMapping: { email: "email", username: "sub" },
    idpIdentifiers: [],
  };
  it("removes what Describe adds, keeps the desired secret reference when AWS holds a secret", () => {
    expect(normaliseIdentityProvider(live, true, google)).toEqual(google);
    expect(normaliseIdentityProvider(live, false, google).secretRef).toBeUndefined();
  });
  it("keeps a computed key or username mapping the spec sets itself", () => {
    const desired = { ...google, providerDetails: { ...google.providerDetails, token_url: "https://www.googleapis.com/oauth2/v4/token" }, attributeMapping: { email: "email", username: "sub" } };
    const out = normaliseIdentityProvider(live, true, desired);
    expect(out.providerDetails.token_url).toBe("https://www.googleapis.com/oauth2/v4/token");
    expect(out.attributeMapping).toEqual({ email: "email", username: "sub" });
  });
});

describe("environmentSecretResolver", () => {
  it("reads a variable and names a missing one without a value", async () => {
    const resolve = environmentSecretResolver({ IDP_SECRET_GOOGLE: "v" });
    await expect(resolve({ source: "env", name: "IDP_SECRET_GOOGLE" })).resolves.toBe("v");
    await expect(resolve({ source: "env", name: "IDP_SECRET_MISSING" })).rejects.toThrow("environment variable IDP_SECRET_MISSING is not set");
    await expect(resolve({ source: "ssmParameter", name: "/x" })).rejects.toThrow("environment variables only");
  });
  it("never reads a variable without the IDP_SECRET_ prefix, even when it is set", async () => {
    // The server's own settings are in the same environment as the provider secrets.
    const env = { AWS_SECRET_ACCESS_KEY: "aws-key", AUTH_SECRET: "auth", DATABASE_URL: "postgres://u:p@h/db", AUTH_OIDC_CLIENT_SECRET: "oidc" };
    for (const resolve of [environmentSecretResolver(env), createSecretResolver({ region: "eu-west-1" }, env)])
      for (const name of Object.keys(env)) {
        const read = resolve({ source: "env", name });
        await expect(read).rejects.toThrow(SecretResolutionError);
        await expect(read).rejects.toThrow(`refusing to read environment variable ${name}: provider secrets are read only from variables starting with IDP_SECRET_`);
      }
  });
});

describe("createSecretResolver with STUDIO_SECRET_NAME_PREFIX", () => {
  // Refused before any AWS call, so no endpoint is needed: a reference outside the prefix never reaches Secrets Manager or SSM.
  const resolve = createSecretResolver({ region: "eu-west-1", endpoint: "http://127.0.0.1:9" }, { STUDIO_SECRET_NAME_PREFIX: "studio/idp/" });
  it.each([
    [{ source: "secretsManager" as const, name: "prod/database-password" }],
    [{ source: "secretsManager" as const, name: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf" }],
    [{ source: "ssmParameter" as const, name: "/prod/db" }],
    [{ source: "ssmParameter" as const, name: "arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db" }],
  ])("refuses %o", async (ref) => {
    await expect(resolve(ref)).rejects.toThrow(`STUDIO_SECRET_NAME_PREFIX allows only names starting with studio/idp/`);
  });
  it("reads the name part of an ARN for the check", () => {
    expect(referencedName({ source: "secretsManager", name: "arn:aws:secretsmanager:eu-west-1:1:secret:studio/idp/google-AbCdEf" })).toBe("studio/idp/google-AbCdEf");
    expect(referencedName({ source: "ssmParameter", name: "arn:aws:ssm:eu-west-1:1:parameter/studio/idp/google" })).toBe("/studio/idp/google");
    expect(referencedName({ source: "ssmParameter", name: "arn:aws:ssm:eu-west-1:1:parameter/google" })).toBe("google");
    expect(referencedName({ source: "ssmParameter", name: "studio/idp/x" })).toBe("studio/idp/x");
  });
});
