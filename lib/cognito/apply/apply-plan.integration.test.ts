/**
 * applyPlan against a real moto server through the SDK-backed port: create from presets, change clients,
 * resource servers, domain and pool settings, and after every apply read the pool back and plan again
 * (no changes). Failure tests inject an error at write k and show that re-plan + re-apply converge
 * without duplicates. (moto has no UpdateResourceServer/DeleteResourceServer: apply-plan.test.ts covers
 * those with an SDK stub.)
 */
import {
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
  ListUserPoolClientsCommand,
  UpdateUserPoolClientCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { beforeAll, describe, expect, test } from "vitest";
import { useMotoCognito } from "@/test/support/moto-cognito";
import { readLivePool } from "../aws/read-live-pool";
import { applyClientPreset, createPoolDocument, getPreset, type ClientPreset, type PoolPreset } from "../presets";
import type { PoolDocument } from "../spec/document-schema";
import { ApplyRefusedError, applyPlan } from "./apply-plan";
import { failingPort, planAgainstLive, planAndApply } from "../../../test/support/apply-testing";

const REGION = "eu-west-1";
const moto = useMotoCognito(REGION);

let poolCounter = 0;
/** A pool document from a pool preset with every client preset, a domain and a custom attribute. */
function presetDocument(poolPreset: string): PoolDocument {
  poolCounter++;
  let doc = createPoolDocument(getPreset(poolPreset) as PoolPreset, { name: `pool-${poolPreset}-${poolCounter}`, region: REGION });
  for (const name of ["spa", "confidential-server", "machine-to-machine", "mobile"]) {
    const applied = applyClientPreset(doc.spec, getPreset(name) as ClientPreset, { clientName: name });
    expect(applied.diagnostics).toEqual([]);
    doc = { ...doc, spec: applied.spec };
  }
  doc.spec.domain = { domain: `auth-${poolPreset}-${poolCounter}` };
  return doc;
}

/** Reads the pool back and asserts that planning the document against it shows no change. */
async function expectConverged(doc: PoolDocument, userPoolId: string) {
  const plan = await planAgainstLive(moto.port, doc, userPoolId);
  expect(plan.errors).toEqual([]);
  expect(plan.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action} ${JSON.stringify(e.changes)}`)).toEqual([]);
  return plan;
}

async function clientNames(userPoolId: string): Promise<string[]> {
  const out = await moto.sdk.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
  return (out.UserPoolClients ?? []).map((c) => c.ClientName ?? "").sort();
}

describe("create from presets", () => {
  test.each(["development", "hardened-production"])("a pool from the %s preset with every client preset reads back as no change", async (preset) => {
    const doc = presetDocument(preset);
    const { result } = await planAndApply(moto.port, doc);
    expect(result.ok).toBe(true);
    const id = result.userPoolId!;
    expect(result.steps.map((s) => `${s.resource}:${s.action}:${s.outcome}`)).toContain('app_client["confidential-server"]:create:ok');
    // Only the confidential and machine-to-machine clients have secrets; they are handed back once.
    expect(Object.keys(result.newClientSecrets ?? {}).sort()).toEqual(["confidential-server", "machine-to-machine"]);
    await expectConverged(doc, id);
    expect(await clientNames(id)).toEqual(["confidential-server", "machine-to-machine", "mobile", "spa"]);

    // Read back with the plain SDK: the values the spec set are the pool's.
    const pool = (await moto.sdk.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool!;
    const spec = doc.spec;
    expect(pool.Policies?.PasswordPolicy?.MinimumLength).toBe(spec.passwordPolicy?.minimumLength);
    expect(pool.UsernameAttributes).toEqual(spec.usernameAttributes);
    expect(pool.DeletionProtection).toBe(spec.deletionProtection);
    const mfa = await moto.sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: id }));
    expect(mfa.MfaConfiguration).toBe(spec.mfaConfiguration ?? "OFF");
  });
});

describe("changes to an existing pool", () => {
  let doc: PoolDocument;
  let id: string;
  beforeAll(async () => {
    doc = presetDocument("development");
    doc.spec.lambdaConfig = { preSignUp: "arn:aws:lambda:eu-west-1:123456789012:function:pre-sign-up" };
    doc.spec.schemaAttributes = [{ name: "tenant", attributeDataType: "String", mutable: true }];
    doc.spec.mfaConfiguration = "OPTIONAL";
    doc.spec.softwareTokenMfaConfiguration = { enabled: true };
    doc.spec.emailConfiguration = { emailSendingAccount: "COGNITO_DEFAULT", replyToEmailAddress: "support@example.com" };
    const { result } = await planAndApply(moto.port, doc);
    expect(result.ok).toBe(true);
    id = result.userPoolId!;
    await expectConverged(doc, id);
  });

  test("update resets nothing: changing only the password policy keeps MFA, email, schema and triggers", async () => {
    const before = (await moto.sdk.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool!;
    const mfaBefore = await moto.sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: id }));
    doc = structuredClone(doc);
    doc.spec.passwordPolicy = { ...doc.spec.passwordPolicy, minimumLength: 16 };
    const { plan, result } = await planAndApply(moto.port, doc, id);
    expect(plan.entries.filter((e) => e.action !== "noop").map((e) => e.address)).toEqual(["user_pool"]);
    expect(result.steps).toEqual([{ resource: "user_pool", action: "update", outcome: "ok" }]);

    const after = (await moto.sdk.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool!;
    const mfaAfter = await moto.sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: id }));
    expect(after.Policies?.PasswordPolicy?.MinimumLength).toBe(16);
    expect(mfaAfter.MfaConfiguration).toBe("OPTIONAL");
    expect(mfaAfter.SoftwareTokenMfaConfiguration).toEqual(mfaBefore.SoftwareTokenMfaConfiguration);
    expect(after.EmailConfiguration).toEqual(before.EmailConfiguration);
    expect(after.EmailConfiguration?.ReplyToEmailAddress).toBe("support@example.com");
    expect(after.SchemaAttributes).toEqual(before.SchemaAttributes);
    expect(after.SchemaAttributes?.map((a) => a.Name)).toContain("custom:tenant");
    expect(after.LambdaConfig).toEqual({ PreSignUp: "arn:aws:lambda:eu-west-1:123456789012:function:pre-sign-up" });
    expect(after.AutoVerifiedAttributes).toEqual(before.AutoVerifiedAttributes);
    await expectConverged(doc, id);
  });

  test("settings the spec does not manage keep their live values", async () => {
    // Someone sets the device configuration outside the studio; the spec never mentions it.
    const undocumented = structuredClone(doc);
    delete undocumented.spec.lambdaConfig; // unset = not managed: the trigger must survive
    undocumented.spec.passwordPolicy = { ...undocumented.spec.passwordPolicy, minimumLength: 14 };
    const { result } = await planAndApply(moto.port, undocumented, id);
    expect(result.ok).toBe(true);
    const after = (await moto.sdk.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool!;
    expect(after.LambdaConfig?.PreSignUp).toBe("arn:aws:lambda:eu-west-1:123456789012:function:pre-sign-up");
    expect(after.Policies?.PasswordPolicy?.MinimumLength).toBe(14);
    doc = undocumented;
  });

  test("add, remove and rename clients", async () => {
    doc = structuredClone(doc);
    const clients = doc.spec.clients!;
    doc.spec.clients = [
      ...clients.filter((c) => c.name !== "mobile" && c.name !== "spa"),
      { ...clients.find((c) => c.name === "spa")!, name: "web" }, // rename = the old name goes, a new client comes
      { name: "reporting", explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"], refreshTokenValidity: 10 },
    ];
    const { plan, result } = await planAndApply(moto.port, doc, id);
    expect(plan.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action}`).sort()).toEqual([
      'app_client["mobile"] delete',
      'app_client["reporting"] create',
      'app_client["spa"] delete',
      'app_client["web"] create',
    ]);
    expect(result.ok).toBe(true);
    expect(await clientNames(id)).toEqual(["confidential-server", "machine-to-machine", "reporting", "web"]);
    await expectConverged(doc, id);
  });

  test("change a client's settings in place: its id stays", async () => {
    const before = await readLivePool(moto.port, id);
    doc = structuredClone(doc);
    const web = doc.spec.clients!.find((c) => c.name === "web")!;
    web.callbackUrls = [...(web.callbackUrls ?? []), "https://app.example.com/other"];
    web.refreshTokenValidity = 3;
    const { result } = await planAndApply(moto.port, doc, id);
    expect(result.steps).toEqual([{ resource: 'app_client["web"]', action: "update", outcome: "ok" }]);
    const after = await readLivePool(moto.port, id);
    expect(after.live.clientIds.web).toBe(before.live.clientIds.web);
    await expectConverged(doc, id);
  });

  test("add a resource server and a client that uses its scopes", async () => {
    doc = structuredClone(doc);
    doc.spec.resourceServers = [
      ...(doc.spec.resourceServers ?? []),
      { identifier: "https://orders.example.com", name: "orders", scopes: [{ name: "read", description: "Read orders" }] },
    ];
    doc.spec.clients!.push({
      name: "orders-worker",
      generateSecret: true,
      allowedOAuthFlowsUserPoolClient: true,
      allowedOAuthFlows: ["client_credentials"],
      allowedOAuthScopes: ["https://orders.example.com/read"],
    });
    const { result } = await planAndApply(moto.port, doc, id);
    expect(result.steps.map((s) => `${s.resource}:${s.outcome}`)).toEqual(['resource_server["https://orders.example.com"]:ok', 'app_client["orders-worker"]:ok']);
    expect(Object.keys(result.newClientSecrets ?? {})).toEqual(["orders-worker"]);
    await expectConverged(doc, id);
  });

  test("change the domain: the old one is deleted, the new one created", async () => {
    doc = structuredClone(doc);
    const oldDomain = doc.spec.domain!.domain;
    doc.spec.domain = { domain: `${oldDomain}-v2` };
    const { plan, result } = await planAndApply(moto.port, doc, id);
    expect(plan.entries.find((e) => e.type === "domain")?.action).toBe("replace");
    expect(result.steps).toEqual([{ resource: "domain", action: "replace", outcome: "ok" }]);
    const live = await readLivePool(moto.port, id);
    expect(live.document.spec.domain).toEqual({ domain: `${oldDomain}-v2` });
    expect(await moto.port.describeUserPoolDomain(oldDomain)).toBeUndefined();
    expect(live.live.domainCloudFrontTarget).toMatch(/\./);
    await expectConverged(doc, id);
  });

  test("change pool settings (MFA off, tags, tier, verification)", async () => {
    doc = structuredClone(doc);
    doc.spec.mfaConfiguration = "OFF";
    doc.spec.softwareTokenMfaConfiguration = { enabled: false };
    doc.spec.userPoolTags = { team: "identity", env: "test" };
    doc.spec.autoVerifiedAttributes = ["email"];
    const { result } = await planAndApply(moto.port, doc, id);
    expect(result.ok).toBe(true);
    expect((await moto.sdk.send(new GetUserPoolMfaConfigCommand({ UserPoolId: id }))).MfaConfiguration).toBe("OFF");
    expect((await moto.sdk.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool?.UserPoolTags).toEqual({ team: "identity", env: "test" });
    await expectConverged(doc, id);
  });

  test("stale plan: a change made after planning to a client the plan changes makes apply refuse, and nothing is applied", async () => {
    const changed = structuredClone(doc);
    changed.spec.passwordPolicy = { ...changed.spec.passwordPolicy, minimumLength: 20 };
    changed.spec.clients!.find((c) => c.name === "reporting")!.refreshTokenValidity = 12;
    const plan = await planAgainstLive(moto.port, changed, id);
    const live = await readLivePool(moto.port, id);
    // Someone edits that client in the console between plan and apply (stale-plan-guard.integration.test.ts: other changes).
    const raw = live.raw.clients.find((c) => c.ClientName === "reporting")!;
    await moto.sdk.send(new UpdateUserPoolClientCommand({ UserPoolId: id, ClientId: raw.ClientId, ClientName: "reporting", RefreshTokenValidity: 11 }));
    const error = await applyPlan(plan, moto.port, { desired: changed, userPoolId: id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplyRefusedError);
    expect((error as ApplyRefusedError).code).toBe("stale-plan");
    expect((await moto.sdk.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool?.Policies?.PasswordPolicy?.MinimumLength).not.toBe(20);
    // Planning again shows the console change as drift and the apply converges.
    await planAndApply(moto.port, doc, id);
    await expectConverged(doc, id);
  });

  test("replacing a client (secret added) is refused without allowReplace and done with it", async () => {
    doc = structuredClone(doc);
    doc.spec.clients!.find((c) => c.name === "reporting")!.generateSecret = true;
    const plan = await planAgainstLive(moto.port, doc, id);
    expect(plan.entries.find((e) => e.address === 'app_client["reporting"]')?.action).toBe("replace");
    await expect(applyPlan(plan, moto.port, { desired: doc, userPoolId: id })).rejects.toMatchObject({ code: "replace-not-allowed" });
    const before = await readLivePool(moto.port, id);
    const result = await applyPlan(plan, moto.port, { desired: doc, userPoolId: id, allowReplace: true });
    expect(result.steps).toEqual([{ resource: 'app_client["reporting"]', action: "replace", outcome: "ok" }]);
    expect(Object.keys(result.newClientSecrets ?? {})).toEqual(["reporting"]);
    const after = await readLivePool(moto.port, id);
    expect(after.live.clientIds.reporting).not.toBe(before.live.clientIds.reporting);
    expect(await clientNames(id)).toEqual(["confidential-server", "machine-to-machine", "orders-worker", "reporting", "web"]);
    await expectConverged(doc, id);
  });
});

describe("replacing the pool", () => {
  test("a new pool gets every client, resource server, group and the domain; the old pool is gone; the steps are the plan's entries", async () => {
    poolCounter++;
    const name = `replaced-${poolCounter}`;
    const before: PoolDocument = {
      apiVersion: "cognito-studio.dev/v1",
      kind: "UserPool",
      metadata: { name },
      spec: {
        region: REGION,
        usernameAttributes: ["email"],
        mfaConfiguration: "OFF",
        clients: [{ name: "web", callbackUrls: ["https://app.example.com/cb"] }, { name: "old-only" }],
        resourceServers: [{ identifier: "https://orders.example.com", name: "orders", scopes: [{ name: "read", description: "Read" }] }],
        groups: [{ name: "admins" }],
        domain: { domain: `auth-${name}` },
      },
    };
    const created = await planAndApply(moto.port, before);
    expect(created.result.ok).toBe(true);
    const oldId = created.result.userPoolId!;
    const after: PoolDocument = structuredClone(before);
    after.spec.usernameAttributes = ["phone_number"];
    after.spec.clients = [{ name: "web", callbackUrls: ["https://app.example.com/cb"] }];
    delete after.spec.mfaConfiguration;
    const plan = await planAgainstLive(moto.port, after, oldId, true);
    expect(plan.entries[0]).toMatchObject({ address: "user_pool", action: "replace" });
    const result = await applyPlan(plan, moto.port, { desired: after, userPoolId: oldId, allowReplace: true });
    // Every entry that is not a noop is a step, in the plan's order; the children of the old pool went with it.
    expect(result.steps.map((s) => `${s.resource} ${s.action} ${s.outcome}`)).toEqual(plan.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action} ok`));
    expect(result.steps.map((s) => `${s.resource} ${s.action}`)).toContain('app_client["old-only"] delete');
    expect(result.userPoolId).not.toBe(oldId);
    await expect(moto.sdk.send(new DescribeUserPoolCommand({ UserPoolId: oldId }))).rejects.toMatchObject({ name: "ResourceNotFoundException" });
    expect(await clientNames(result.userPoolId!)).toEqual(["web"]);
    await expectConverged(after, result.userPoolId!);
  });
});

describe("failure at write k, then re-plan and re-apply converge with no duplicates", () => {
  // Creating a pool from the development preset with four clients and a domain takes these writes:
  // CreateUserPool, SetUserPoolMfaConfig?, CreateResourceServer, 4× CreateUserPoolClient, CreateUserPoolDomain.
  test.each([1, 2, 3, 4, 6, 8])("creating a pool, write %i fails", async (k) => {
    const doc = presetDocument("development");
    const broken = failingPort(moto.port, k);
    const plan = await planAgainstLive(moto.port, doc);
    const first = await applyPlan(plan, broken, { desired: doc });
    expect(first.ok).toBe(false);
    const failed = first.steps.filter((s) => s.outcome === "failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]!.error).toEqual({ code: "InternalErrorException", message: expect.stringContaining(`write #${k}`) });

    if (!first.userPoolId) {
      // The pool itself was not created: everything else was skipped, applying again starts over.
      expect(first.steps.filter((s) => s.outcome === "skipped").length).toBe(first.steps.length - 1);
      const { result } = await planAndApply(moto.port, doc);
      expect(result.ok).toBe(true);
      await expectConverged(doc, result.userPoolId!);
      return;
    }
    const id = first.userPoolId;
    // Re-plan shows exactly what is left: every step that was not ok, except a failed MFA step of the
    // development preset, whose desired state (MFA OFF) is what a new pool has anyway.
    const replan = await planAgainstLive(moto.port, doc, id);
    const left = replan.entries.filter((e) => e.action !== "noop").map((e) => e.address).sort();
    const notDone = first.steps.filter((s) => s.outcome !== "ok").map((s) => s.resource).sort();
    expect(doc.spec.mfaConfiguration).toBe("OFF");
    expect(left).toEqual(notDone.filter((r) => r !== "mfa_config"));
    const second = await applyPlan(replan, moto.port, { desired: doc, userPoolId: id });
    expect(second.ok).toBe(true);
    await expectConverged(doc, id);
    expect(await clientNames(id)).toEqual(["confidential-server", "machine-to-machine", "mobile", "spa"]);
  });

  test("updating a pool, the second client update fails; the first is kept, the rest converge", async () => {
    const doc = presetDocument("development");
    const { result } = await planAndApply(moto.port, doc);
    const id = result.userPoolId!;
    const changed = structuredClone(doc);
    for (const client of changed.spec.clients!) client.refreshTokenValidity = 2;
    changed.spec.clients!.push({ name: "extra" });
    const plan = await planAgainstLive(moto.port, changed, id);
    const broken = failingPort(moto.port, 2);
    const first = await applyPlan(plan, broken, { desired: changed, userPoolId: id, concurrency: 1 });
    expect(first.steps.filter((s) => s.outcome === "failed")).toHaveLength(1);
    expect(first.steps.filter((s) => s.outcome === "ok")).toHaveLength(4);
    const replan = await planAgainstLive(moto.port, changed, id);
    expect(replan.entries.filter((e) => e.action !== "noop").map((e) => e.address)).toEqual(first.steps.filter((s) => s.outcome !== "ok").map((s) => s.resource));
    const second = await applyPlan(replan, moto.port, { desired: changed, userPoolId: id });
    expect(second.ok).toBe(true);
    await expectConverged(changed, id);
    expect(await clientNames(id)).toEqual(["confidential-server", "extra", "machine-to-machine", "mobile", "spa"]);
  });
});
