/**
 * Groups and identity providers against a real moto server: a pool with 3 groups, a Google and a SAML provider
 * and a client offering both is created, read back equal, changed (group added/removed, precedence, Google
 * scopes and mapping, the Google secret moved to another source, the SAML provider renamed), and re-planned
 * empty. The Google secret lives in moto's Secrets Manager and then in an environment variable; the last test
 * greps everything the run produced (plans, apply results, live documents, exports, console output, apply
 * progress entries) for the secret values and finds none.
 *
 * moto 5.2 accepts any SAML `MetadataFile` text (it does not parse it); the file is a minimal, well-formed IdP
 * metadata document (test/fixtures/saml/corp-idp-metadata.xml) so the same test would be meaningful on AWS.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DescribeIdentityProviderCommand, DescribeUserPoolClientCommand, GetGroupCommand, ListUserPoolClientsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { useMotoCognito } from "@/test/support/moto-cognito";
import { readLivePool } from "../aws/read-live-pool";
import { createSecretResolver } from "../aws/secret-resolver";
import { renderCloudFormation } from "../formats/cloudformation/render-cloudformation";
import { renderTerraform } from "../formats/terraform/render-terraform";
import { renderPlanJson, renderPlanText } from "../plan";
import type { PoolDocument } from "../spec/document-schema";
import { validatePoolDocument } from "../spec/validate";
import { applyPlan, type ApplyResult } from "./apply-plan";
import { failingPort, planAgainstLive } from "../../../test/support/apply-testing";

const REGION = "eu-west-1";
const GOOGLE_SECRET_1 = "GOCSPX-moto-first-4f1c9e2a7b";
const GOOGLE_SECRET_2 = "GOCSPX-moto-second-8d3b6a1f0c";
const ENV_NAME = "IDP_SECRET_STUDIO_TEST_GOOGLE";
const METADATA = readFileSync(join(__dirname, "../../../test/fixtures/saml/corp-idp-metadata.xml"), "utf8");

const moto = useMotoCognito(REGION);
let resolveSecret: ReturnType<typeof createSecretResolver>;
/** Everything the run produces that a person or a file could see: grepped for the secrets at the end. */
const produced: string[] = [];
const consoleLines: string[] = [];

beforeAll(async () => {
  for (const method of ["log", "info", "warn", "error", "debug"] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleLines.push(args.map(String).join(" "));
    });
  const connection = moto.connection;
  await new SecretsManagerClient(connection).send(new CreateSecretCommand({ Name: "studio/google-oauth", SecretString: JSON.stringify({ client_secret: GOOGLE_SECRET_1 }) }));
  // The prefix lets the Secrets Manager secret below through (studio/google-oauth).
  resolveSecret = createSecretResolver(connection, { [ENV_NAME]: GOOGLE_SECRET_2, STUDIO_SECRET_NAME_PREFIX: "studio/" });
});
afterAll(async () => {
  vi.restoreAllMocks();
});

function document(): PoolDocument {
  return {
    apiVersion: "cognito-studio.dev/v1",
    kind: "UserPool",
    metadata: { name: "groups-idps" },
    spec: {
      region: REGION,
      schemaAttributes: [{ name: "tenant", attributeDataType: "String", mutable: true }],
      groups: [
        { name: "admins", description: "Full access", precedence: 0, roleArn: "arn:aws:iam::123456789012:role/admins" },
        { name: "editors", precedence: 10 },
        { name: "readers", description: "Read only" },
      ],
      identityProviders: [
        {
          providerName: "Google",
          providerType: "Google",
          providerDetails: { client_id: "1234.apps.googleusercontent.com", authorize_scopes: "openid email profile" },
          secretRef: { source: "secretsManager", name: "studio/google-oauth", jsonKey: "client_secret" },
          attributeMapping: { email: "email", name: "name", username: "sub" },
        },
        {
          providerName: "Corp-SAML",
          providerType: "SAML",
          providerDetails: { MetadataFile: METADATA, IDPSignout: "true" },
          attributeMapping: { email: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "custom:tenant": "tenant" },
          idpIdentifiers: ["corp.example.com"],
        },
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
      domain: { domain: "groups-idps-auth" },
    },
  };
}

/** Plans against the live pool and applies; `writes` lists the port's write calls in the order they were made. */
async function planAndApply(doc: PoolDocument, userPoolId?: string): Promise<ApplyResult & { writes: string[] }> {
  const plan = await planAgainstLive(moto.port, doc, userPoolId);
  produced.push(renderPlanText(plan), renderPlanJson(plan));
  expect(plan.errors).toEqual([]);
  const recording = failingPort(moto.port, 0); // failAt 0 never fails: it only records the writes
  const result = await applyPlan(plan, recording, { desired: doc, resolveSecret, ...(userPoolId ? { userPoolId } : {}) });
  produced.push(JSON.stringify(result));
  expect(result.steps.filter((s) => s.outcome !== "ok")).toEqual([]);
  return { ...result, writes: recording.writes };
}

async function expectReadBackEqual(doc: PoolDocument, userPoolId: string) {
  const live = await readLivePool(moto.port, userPoolId, { desired: doc });
  produced.push(JSON.stringify(live.document), JSON.stringify(live.raw));
  // Lists come back in AWS's order (creation runs concurrently); the plan matches them by name.
  const byName = <T>(items: T[] | undefined, key: (item: T) => string) => [...(items ?? [])].sort((a, b) => key(a).localeCompare(key(b)));
  expect(byName(live.document.spec.groups, (g) => g.name)).toEqual(byName(doc.spec.groups, (g) => g.name));
  expect(byName(live.document.spec.identityProviders, (p) => p.providerName)).toEqual(byName(doc.spec.identityProviders, (p) => p.providerName));
  const plan = await planAgainstLive(moto.port, doc, userPoolId);
  produced.push(renderPlanText(plan));
  expect(plan.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${JSON.stringify(e.changes)}`)).toEqual([]);
}

async function providerDetails(userPoolId: string, name: string) {
  return (await moto.sdk.send(new DescribeIdentityProviderCommand({ UserPoolId: userPoolId, ProviderName: name }))).IdentityProvider;
}

async function clientProviders(userPoolId: string): Promise<string[]> {
  const clients = await moto.sdk.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
  const id = clients.UserPoolClients?.[0]?.ClientId ?? "";
  return (await moto.sdk.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: id }))).UserPoolClient?.SupportedIdentityProviders ?? [];
}

describe("groups and identity providers on moto", () => {
  let doc = document();
  let id = "";

  test("the document is valid", () => {
    expect(validatePoolDocument(doc).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  test("a pool with 3 groups, Google and SAML providers and a client using both is created and reads back equal", async () => {
    const result = await planAndApply(doc);
    id = result.userPoolId ?? "";
    expect(result.writes.lastIndexOf("createIdentityProvider")).toBeLessThan(result.writes.indexOf("createUserPoolClient"));
    expect(result.steps.map((s) => `${s.resource} ${s.action}`)).toEqual(
      expect.arrayContaining(['identity_provider["Google"] create', 'identity_provider["Corp-SAML"] create', 'group["admins"] create', 'app_client["web"] create']),
    );
    // The secret reached Cognito from Secrets Manager; the SAML metadata is sent whole.
    expect((await providerDetails(id, "Google"))?.ProviderDetails?.client_secret).toBe(GOOGLE_SECRET_1);
    expect((await providerDetails(id, "Corp-SAML"))?.ProviderDetails?.MetadataFile).toBe(METADATA);
    const admins = (await moto.sdk.send(new GetGroupCommand({ UserPoolId: id, GroupName: "admins" }))).Group;
    expect([admins?.Precedence, admins?.RoleArn]).toEqual([0, "arn:aws:iam::123456789012:role/admins"]);
    expect(await clientProviders(id)).toEqual(["COGNITO", "Google", "Corp-SAML"]);
    await expectReadBackEqual(doc, id);
  });

  test("changes apply in place, the secret moves to an env variable, and a renamed SAML provider is swapped in order", async () => {
    doc = structuredClone(doc);
    const spec = doc.spec;
    spec.groups = [{ name: "admins", description: "Full access", precedence: 1, roleArn: "arn:aws:iam::123456789012:role/admins" }, { name: "editors", precedence: 10 }, { name: "support" }];
    const [google, saml] = spec.identityProviders ?? [];
    if (!google || !saml) throw new Error("fixture");
    google.providerDetails = { client_id: "1234.apps.googleusercontent.com", authorize_scopes: "openid email" };
    google.attributeMapping = { email: "email" };
    google.secretRef = { source: "env", name: ENV_NAME };
    saml.providerName = "Corp-SSO";
    spec.clients = [{ ...spec.clients![0]!, supportedIdentityProviders: ["COGNITO", "Google", "Corp-SSO"] }];

    const plan = await planAgainstLive(moto.port, doc, id);
    expect(plan.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action}`)).toEqual([
      'identity_provider["Corp-SSO"] replace',
      'identity_provider["Google"] update',
      'app_client["web"] update',
      'group["admins"] update',
      'group["readers"] delete',
      'group["support"] create',
    ]);
    const { writes } = await planAndApply(doc, id);
    // Ordering (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolClient.html): the new provider exists before the client lists it; the old one is
    // deleted only after the client stopped listing it.
    const at = (method: string) => writes.indexOf(method);
    expect(at("createIdentityProvider")).toBeGreaterThanOrEqual(0);
    expect(at("createIdentityProvider")).toBeLessThan(at("updateUserPoolClient"));
    expect(at("updateUserPoolClient")).toBeLessThan(at("deleteIdentityProvider"));
    const details = (await providerDetails(id, "Google"))?.ProviderDetails ?? {};
    // UpdateIdentityProvider got every detail again: the new scopes and the secret from the environment.
    expect(details).toEqual({ client_id: "1234.apps.googleusercontent.com", authorize_scopes: "openid email", client_secret: GOOGLE_SECRET_2 });
    expect((await providerDetails(id, "Google"))?.AttributeMapping).toEqual({ email: "email" });
    await expect(providerDetails(id, "Corp-SAML")).rejects.toThrow();
    expect(await clientProviders(id)).toEqual(["COGNITO", "Google", "Corp-SSO"]);
    await expectReadBackEqual(doc, id);
  });

  test("nothing the run produced contains a secret value", async () => {
    // The exports of both documents join what the run produced.
    for (const exported of [renderTerraform(document(), { variables: true }), renderTerraform(doc), renderCloudFormation(document()), renderCloudFormation(doc)])
      produced.push(...exported.files.map((f) => f.content), JSON.stringify(exported.diagnostics));
    const pulled = await readLivePool(moto.port, id); // `cognito-studio pull`: no desired document
    produced.push(JSON.stringify(pulled.document));
    expect(pulled.document.spec.identityProviders?.map((p) => p.providerName).sort()).toEqual(["Corp-SSO", "Google"]);
    // Only Google holds a secret in AWS; the pulled document cannot know where it is kept.
    expect(pulled.live.providersWithSecret).toEqual(["Google"]);
    expect(pulled.document.spec.identityProviders?.find((p) => p.providerName === "Google")?.secretRef).toBeUndefined();
    expect(produced.length).toBeGreaterThan(8);
    const everything = [...produced, ...consoleLines].join("\n");
    expect(everything).toContain("studio/google-oauth"); // the reference is there …
    for (const secret of [GOOGLE_SECRET_1, GOOGLE_SECRET_2]) expect(everything).not.toContain(secret); // … the values are not
  });
});
