/**
 * Drift without noise, against a real moto server: pools created outside the studio (the SDK, boto3) with
 * minimal parameters, pools applied from every preset and the maximal pool are pulled and planned again,
 * and must show no change; a change made behind the studio's back with boto3 must show up as exactly that
 * change and nothing else. The rules that make this hold are the rows of echo-rules.ts.
 *
 * Groups and identity providers too: a pool made with boto3 with two groups, a Google and a SAML provider and
 * a client offering them. moto 5.2 accepts any SAML `MetadataFile` text; the fixture is a well-formed IdP
 * metadata document (test/fixtures/saml/corp-idp-metadata.xml) so the same test would be meaningful on AWS.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { describe, expect, test } from "vitest";
import { runBoto3 } from "../../../test/support/boto3";
import { planAgainstLive, planAndApply } from "../../../test/support/apply-testing";
import type { Plan } from "../plan/types";
import { applyClientPreset, createPoolDocument, listPresets, type ClientPreset, type PoolPreset } from "../presets";
import type { PoolDocument } from "../spec/document-schema";
import { maximalPoolOnMoto } from "@/test/support/pool-documents";
import { useMotoCognito } from "@/test/support/moto-cognito";
import { readLivePool } from "./read-live-pool";

const REGION = "eu-west-1";
const SAML_METADATA = readFileSync(join(__dirname, "../../../test/fixtures/saml/corp-idp-metadata.xml"), "utf8");
const moto = useMotoCognito(REGION);

/** Every change of a plan as `address action path`, so that a failure shows the noise itself. */
function changesOf(plan: Plan): string[] {
  return plan.entries
    .filter((e) => e.action !== "noop")
    .flatMap((e) => (e.changes.length === 0 ? [`${e.address} ${e.action}`] : e.changes.map((c) => `${e.address} ${e.action} ${c.path}`)));
}

/** Pull (no desired spec: the smallest spec), then plan that spec against the same pool. */
async function pullAndReplan(userPoolId: string): Promise<{ pulled: PoolDocument; plan: Plan }> {
  const pulled = (await readLivePool(moto.port, userPoolId)).document;
  const plan = await planAgainstLive(moto.port, pulled, userPoolId);
  expect(plan.errors).toEqual([]);
  return { pulled, plan };
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}`;

describe("pools created outside the studio with minimal parameters", () => {
  test("through the SDK: pulled as the smallest spec, planned again as no change", async () => {
    const name = unique("sdk-minimal");
    const id = (await moto.sdk.send(new CreateUserPoolCommand({ PoolName: name }))).UserPool!.Id!;
    await moto.sdk.send(new CreateUserPoolClientCommand({ UserPoolId: id, ClientName: "app" }));
    await moto.sdk.send(new CreateResourceServerCommand({ UserPoolId: id, Identifier: "https://api.example.com", Name: "api" }));
    await moto.sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: id, Domain: `${name}-auth` }));

    const { pulled, plan } = await pullAndReplan(id);
    // Nothing but what was set (and moto's account recovery setting, for which AWS documents no default).
    expect(pulled.spec).toEqual({
      region: REGION,
      accountRecoverySetting: expect.any(Object),
      clients: [{ name: "app" }],
      resourceServers: [{ identifier: "https://api.example.com", name: "api" }],
      domain: { domain: `${name}-auth` },
    });
    expect(changesOf(plan)).toEqual([]);
  });

  test("through boto3, with echoes of every kind: default lifetimes in other units, empty read attributes, unconstrained custom attributes, lists in another order", async () => {
    const name = unique("boto3-minimal");
    const created = await runBoto3<{ id: string }>(
      moto.endpoint,
      REGION,
      `
idp = client("cognito-idp")
pool = idp.create_user_pool(PoolName=args["name"], Schema=[{"Name": "tenant", "AttributeDataType": "String"}])["UserPool"]
idp.create_user_pool_client(UserPoolId=pool["Id"], ClientName="app",
    AccessTokenValidity=60, IdTokenValidity=3600, RefreshTokenValidity=720,
    TokenValidityUnits={"AccessToken": "minutes", "IdToken": "seconds", "RefreshToken": "hours"},
    ReadAttributes=[], ExplicitAuthFlows=["ALLOW_CUSTOM_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])
result = {"id": pool["Id"]}
`,
      { name },
    );
    const { pulled, plan } = await pullAndReplan(created.id);
    // 60 minutes, 3600 seconds and 720 hours are the default lifetimes; the auth flows are the default set
    // in another order; an empty ReadAttributes means "all". None of it is a setting of this pool.
    expect(pulled.spec.clients).toEqual([{ name: "app" }]);
    expect(pulled.spec.schemaAttributes).toEqual([{ name: "tenant", attributeDataType: "String" }]);
    expect(changesOf(plan)).toEqual([]);
  });
});

describe("a twin of a design created by boto3, every setting written another way", () => {
  test("lifetimes in other units, lists in other orders: the design plans against it as no change", async () => {
    const name = unique("twin");
    const design: PoolDocument = {
      apiVersion: "cognito-studio.dev/v1",
      kind: "UserPool",
      metadata: { name },
      spec: {
        region: REGION,
        autoVerifiedAttributes: ["email", "phone_number"],
        clients: [
          {
            name: "web",
            accessTokenValidity: 1,
            idTokenValidity: 60,
            refreshTokenValidity: 30,
            tokenValidityUnits: { idToken: "minutes" },
            explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
            callbackUrls: ["https://a.example.com/cb", "https://b.example.com/cb"],
            readAttributes: ["email", "name"],
            allowedOAuthFlowsUserPoolClient: true,
            allowedOAuthFlows: ["code"],
            allowedOAuthScopes: ["openid", "email"],
            supportedIdentityProviders: ["COGNITO"],
          },
        ],
      },
    };
    const created = await runBoto3<{ id: string }>(
      moto.endpoint,
      REGION,
      `
idp = client("cognito-idp")
pool = idp.create_user_pool(PoolName=args["name"], AutoVerifiedAttributes=["phone_number", "email"])["UserPool"]
idp.create_user_pool_client(UserPoolId=pool["Id"], ClientName="web",
    AccessTokenValidity=60, IdTokenValidity=1, RefreshTokenValidity=720,
    TokenValidityUnits={"AccessToken": "minutes", "IdToken": "hours", "RefreshToken": "hours"},
    ExplicitAuthFlows=["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"],
    CallbackURLs=["https://b.example.com/cb", "https://a.example.com/cb"], ReadAttributes=["name", "email"],
    AllowedOAuthFlowsUserPoolClient=True, AllowedOAuthFlows=["code"], AllowedOAuthScopes=["email", "openid"], SupportedIdentityProviders=["COGNITO"])
result = {"id": pool["Id"]}
`,
      { name },
    );
    expect(changesOf(await planAgainstLive(moto.port, design, created.id))).toEqual([]);
    // The same design with one real difference (a 2 hour access token) shows exactly that.
    const longer = structuredClone(design);
    longer.spec.clients![0]!.accessTokenValidity = 2;
    const { plan, result } = await planAndApply(moto.port, longer, created.id);
    expect(changesOf(plan)).toEqual(['app_client["web"] update accessTokenValidity']);
    expect(result.ok).toBe(true);
    // Applied, the lifetime is 2 hours (the design's implied unit), not 2 of the live "minutes".
    const units = await runBoto3<unknown>(
      moto.endpoint,
      REGION,
      `
idp = client("cognito-idp")
cid = [c["ClientId"] for c in idp.list_user_pool_clients(UserPoolId=args["pool"], MaxResults=60)["UserPoolClients"]][0]
c = idp.describe_user_pool_client(UserPoolId=args["pool"], ClientId=cid)["UserPoolClient"]
result = [c["AccessTokenValidity"], c["TokenValidityUnits"]["AccessToken"]]
`,
      { pool: created.id },
    );
    expect(units).toEqual([2, "hours"]);
    expect(changesOf(await planAgainstLive(moto.port, longer, created.id))).toEqual([]);
  });
});

describe("pools applied by the studio", () => {
  const poolPresets = listPresets("pool") as PoolPreset[];
  const clientPresets = listPresets("client") as ClientPreset[];

  test.each(poolPresets.map((p) => [p.name, p] as const))("the %s preset with every client preset: the design and the pulled spec both plan as no change", async (_, preset) => {
    let doc = createPoolDocument(preset, { name: unique(`preset-${preset.name}`), region: REGION });
    for (const clientPreset of clientPresets) {
      const applied = applyClientPreset(doc.spec, clientPreset, { clientName: clientPreset.name });
      expect(applied.diagnostics).toEqual([]);
      doc = { ...doc, spec: applied.spec };
    }
    const { result } = await planAndApply(moto.port, doc);
    expect(result.ok).toBe(true);
    expect(changesOf(await planAgainstLive(moto.port, doc, result.userPoolId))).toEqual([]);
    const { pulled, plan } = await pullAndReplan(result.userPoolId!);
    expect(pulled.spec.clients?.map((c) => c.name).sort()).toEqual(clientPresets.map((p) => p.name).sort());
    expect(changesOf(plan)).toEqual([]);
  });

  test("the maximal pool: the design and the pulled spec both plan as no change", async () => {
    const doc = maximalPoolOnMoto(unique("maximal"), REGION);
    const { result } = await planAndApply(moto.port, doc);
    expect(result.ok).toBe(true);
    expect(changesOf(await planAgainstLive(moto.port, doc, result.userPoolId))).toEqual([]);
    const { pulled, plan } = await pullAndReplan(result.userPoolId!);
    // birthdate is declared with AWS's own defaults for a standard attribute (optional, mutable), which a pulled
    // spec leaves out; every other attribute differs from its default and comes back.
    const declared = doc.spec.schemaAttributes?.map((a) => a.name).filter((name) => name !== "birthdate");
    expect(pulled.spec.schemaAttributes?.map((a) => a.name).sort()).toEqual(declared?.sort());
    expect(changesOf(plan)).toEqual([]);
  });
});

describe("a change behind the studio's back (boto3) shows up as exactly that change", () => {
  async function appliedMaximalPool(): Promise<{ doc: PoolDocument; id: string }> {
    const doc = maximalPoolOnMoto(unique("behind"), REGION);
    const { result } = await planAndApply(moto.port, doc);
    expect(result.ok).toBe(true);
    return { doc, id: result.userPoolId! };
  }

  /** A full-configuration UpdateUserPoolClient as a boto3 user writes it: read the client, change one thing (`change`, Python on `c`), send it all back. */
  async function updateClientWithBoto3(id: string, clientName: string, change: string): Promise<void> {
    const clientIds = (await readLivePool(moto.port, id)).live.clientIds;
    await runBoto3(
      moto.endpoint,
      REGION,
      `
idp = client("cognito-idp")
c = idp.describe_user_pool_client(UserPoolId=args["pool"], ClientId=args["client"])["UserPoolClient"]
for k in ["ClientSecret", "CreationDate", "LastModifiedDate"]:
    c.pop(k, None)
${change}
idp.update_user_pool_client(**c)
`,
      { pool: id, client: clientIds[clientName] },
    );
  }

  test("a callback URL added to one client with a full-configuration update", async () => {
    const { doc, id } = await appliedMaximalPool();
    await updateClientWithBoto3(id, "web-spa", 'c["CallbackURLs"] = c["CallbackURLs"] + ["https://evil.example.net/callback"]');
    const plan = await planAgainstLive(moto.port, doc, id);
    expect(changesOf(plan)).toEqual(['app_client["web-spa"] update callbackUrls']);
    const change = plan.entries.find((e) => e.address === 'app_client["web-spa"]')!.changes[0]!;
    expect(change.before).toContain("https://evil.example.net/callback");
    expect(change.after).not.toContain("https://evil.example.net/callback");
  });

  test("a token lifetime changed (same unit): the lifetime shows, not its unit", async () => {
    const { doc, id } = await appliedMaximalPool();
    await updateClientWithBoto3(id, "web-spa", 'c["AccessTokenValidity"] = 45');
    const plan = await planAgainstLive(moto.port, doc, id);
    expect(changesOf(plan)).toEqual(['app_client["web-spa"] update accessTokenValidity']);
    expect(plan.entries.find((e) => e.address === 'app_client["web-spa"]')?.changes[0]).toMatchObject({ before: 45, after: 60 });
  });

  test("a resource server added", async () => {
    const { doc, id } = await appliedMaximalPool();
    await runBoto3(
      moto.endpoint,
      REGION,
      `client("cognito-idp").create_resource_server(UserPoolId=args["pool"], Identifier="https://shadow.example.com", Name="shadow", Scopes=[{"ScopeName": "all", "ScopeDescription": "Everything"}])`,
      { pool: id },
    );
    const plan = await planAgainstLive(moto.port, doc, id);
    expect(plan.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action}`)).toEqual(['resource_server["https://shadow.example.com"] delete']);
  });

  test("a client deleted", async () => {
    const { doc, id } = await appliedMaximalPool();
    const clientIds = (await readLivePool(moto.port, id)).live.clientIds;
    await runBoto3(moto.endpoint, REGION, `client("cognito-idp").delete_user_pool_client(UserPoolId=args["pool"], ClientId=args["client"])`, { pool: id, client: clientIds["orders-worker"] });
    const plan = await planAgainstLive(moto.port, doc, id);
    expect(plan.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action}`)).toEqual(['app_client["orders-worker"] create']);
  });

  test("the MFA configuration turned off", async () => {
    const { doc, id } = await appliedMaximalPool();
    await runBoto3(moto.endpoint, REGION, `client("cognito-idp").set_user_pool_mfa_config(UserPoolId=args["pool"], MfaConfiguration="OFF")`, { pool: id });
    const plan = await planAgainstLive(moto.port, doc, id);
    const changes = changesOf(plan);
    expect(changes).toContain("mfa_config update mfaConfiguration");
    // Turning MFA off through SetUserPoolMfaConfig also drops the TOTP setting it did not name (it is a
    // full replace, like the update calls); that is part of the same change, nothing else may show.
    expect(changes.every((c) => c.startsWith("mfa_config update "))).toBe(true);
  });
});

describe("groups and identity providers created with boto3", () => {
  /** Two groups, Google and SAML providers and a client offering them, as a boto3 user writes it: minimal parameters. */
  async function boto3PoolWithGroupsAndProviders(name: string): Promise<string> {
    const created = await runBoto3<{ id: string }>(
      moto.endpoint,
      REGION,
      `
idp = client("cognito-idp")
pool = idp.create_user_pool(PoolName=args["name"])["UserPool"]
idp.create_group(UserPoolId=pool["Id"], GroupName="admins", Precedence=1, RoleArn="arn:aws:iam::123456789012:role/admins")
idp.create_group(UserPoolId=pool["Id"], GroupName="readers")
idp.create_identity_provider(UserPoolId=pool["Id"], ProviderName="Google", ProviderType="Google",
    ProviderDetails={"client_id": "1234.apps.googleusercontent.com", "client_secret": "GOCSPX-boto3-drift-5e2a", "authorize_scopes": "openid email"})
idp.create_identity_provider(UserPoolId=pool["Id"], ProviderName="Corp-SAML", ProviderType="SAML",
    ProviderDetails={"MetadataFile": args["metadata"]})
idp.create_user_pool_client(UserPoolId=pool["Id"], ClientName="web",
    AllowedOAuthFlowsUserPoolClient=True, AllowedOAuthFlows=["code"], AllowedOAuthScopes=["openid", "email"],
    CallbackURLs=["https://app.example.com/callback"], SupportedIdentityProviders=["COGNITO", "Google", "Corp-SAML"])
result = {"id": pool["Id"]}
`,
      { name, metadata: SAML_METADATA },
    );
    return created.id;
  }

  /** The studio design of the same pool; the Google secret is a reference (AWS never returns it usably). */
  function design(name: string): PoolDocument {
    return {
      apiVersion: "cognito-studio.dev/v1",
      kind: "UserPool",
      metadata: { name },
      spec: {
        region: REGION,
        groups: [{ name: "admins", precedence: 1, roleArn: "arn:aws:iam::123456789012:role/admins" }, { name: "readers" }],
        identityProviders: [
          {
            providerName: "Google",
            providerType: "Google",
            providerDetails: { client_id: "1234.apps.googleusercontent.com", authorize_scopes: "openid email" },
            secretRef: { source: "env", name: "IDP_SECRET_DRIFT_GOOGLE" },
          },
          { providerName: "Corp-SAML", providerType: "SAML", providerDetails: { MetadataFile: SAML_METADATA } },
        ],
        clients: [
          {
            name: "web",
            allowedOAuthFlowsUserPoolClient: true,
            allowedOAuthFlows: ["code"],
            allowedOAuthScopes: ["openid", "email"],
            callbackUrls: ["https://app.example.com/callback"],
            supportedIdentityProviders: ["COGNITO", "Google", "Corp-SAML"],
          },
        ],
      },
    };
  }

  // moto 5.2 echoes an empty description for a group created without one and `username: sub` for a provider
  // created without a mapping (echo-rules.ts, scopes group and identityProvider); it adds none of the provider
  // details AWS computes (authorize_url…, the SAML binding URIs), so that row is checked by groups-idps.test.ts
  // against AWS's documented Describe response instead.
  test("pulled without moto's echoes (empty group descriptions, username: sub), and both the pulled spec and the design plan as no change", async () => {
    const name = unique("boto3-idps");
    const id = await boto3PoolWithGroupsAndProviders(name);
    const { pulled, plan } = await pullAndReplan(id);
    expect(changesOf(plan)).toEqual([]);
    const byName = <T>(items: T[] | undefined, key: (item: T) => string) => [...(items ?? [])].sort((a, b) => key(a).localeCompare(key(b)));
    expect(byName(pulled.spec.groups, (g) => g.name)).toEqual(design(name).spec.groups);
    // What was set and nothing AWS added; the secret is not read, so the pulled provider has no reference.
    expect(byName(pulled.spec.identityProviders, (p) => p.providerName)).toEqual([
      { providerName: "Corp-SAML", providerType: "SAML", providerDetails: { MetadataFile: SAML_METADATA } },
      { providerName: "Google", providerType: "Google", providerDetails: { client_id: "1234.apps.googleusercontent.com", authorize_scopes: "openid email" } },
    ]);
    expect(changesOf(await planAgainstLive(moto.port, design(name), id))).toEqual([]);
  });

  /** The boto3 pool above, then `change` (Python using `idp` and `args["pool"]`) made behind the studio's back. */
  async function boto3PoolChangedBehindTheBack(change: string): Promise<{ name: string; id: string }> {
    const name = unique("boto3-idps");
    const id = await boto3PoolWithGroupsAndProviders(name);
    await runBoto3(moto.endpoint, REGION, `\nidp = client("cognito-idp")\n${change}\n`, { pool: id });
    return { name, id };
  }

  test("a group's precedence changed behind the studio's back shows as exactly that change", async () => {
    const { name, id } = await boto3PoolChangedBehindTheBack(`
g = idp.get_group(UserPoolId=args["pool"], GroupName="admins")["Group"]
idp.update_group(UserPoolId=args["pool"], GroupName="admins", Precedence=5, RoleArn=g["RoleArn"])
`);
    const plan = await planAgainstLive(moto.port, design(name), id);
    expect(changesOf(plan)).toEqual(['group["admins"] update precedence']);
    expect(plan.entries.find((e) => e.address === 'group["admins"]')?.changes[0]).toMatchObject({ before: 5, after: 1 });
  });

  test("a provider's authorize_scopes changed behind the studio's back shows as exactly that change", async () => {
    const { name, id } = await boto3PoolChangedBehindTheBack(`
p = idp.describe_identity_provider(UserPoolId=args["pool"], ProviderName="Google")["IdentityProvider"]
details = dict(p["ProviderDetails"], authorize_scopes="openid email profile")
idp.update_identity_provider(UserPoolId=args["pool"], ProviderName="Google", ProviderDetails=details)
`);
    const plan = await planAgainstLive(moto.port, design(name), id);
    // ProviderDetails is compared as a whole (its keys are data, plan/diff.ts); the change is that one key.
    expect(changesOf(plan)).toEqual(['identity_provider["Google"] update providerDetails']);
    const change = plan.entries.find((e) => e.address === 'identity_provider["Google"]')!.changes[0]!;
    const { authorize_scopes: before, ...beforeRest } = change.before as Record<string, string>;
    const { authorize_scopes: after, ...afterRest } = change.after as Record<string, string>;
    expect([before, after]).toEqual(["openid email profile", "openid email"]);
    expect(beforeRest).toEqual(afterRest);
  });
});
