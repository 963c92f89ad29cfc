/**
 * Shared by review-apply.*.integration.test.ts (SQLite and PostgreSQL).
 * Team review against a real moto server: an approved change request creates the pool (read back with
 * the SDK it matches the design), drift between approval and apply resets the approvals, and two applies
 * of one target at once create the pool once; a change of a provider's secretRef alone is planned (with the
 * references of the last applied change request) and sends the new secret. Two targets naming one live
 * pool apply one at a time (the live-pool lock), and an approver cannot approve a request she wrote into.
 */
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  DeleteUserPoolClientCommand,
  DescribeIdentityProviderCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { CreateEmailIdentityCommand, SESv2Client } from "@aws-sdk/client-sesv2";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "./db";
import { createMotoClient } from "@/lib/cognito/aws/moto-compat.testing";
import { createSdkPort, readLivePool } from "@/lib/cognito/aws";
import { createSdkPreflightPort } from "@/lib/cognito/preflight";
import { planChanges } from "@/lib/cognito/plan";
import { applyClientPreset, type ClientPreset, getPreset } from "@/lib/cognito/presets";
import type { PoolDocument } from "@/lib/cognito/spec";
import type { CognitoPort } from "@/lib/cognito/aws";
import { migrate } from "@/prisma/migrate.mjs";
import { startMoto, type MotoServer } from "@/test/support/moto";
import type { Role } from "./roles";

/** A database for the suite: its URL (set as DATABASE_URL before the first query) and how to drop it. */
export interface SuiteDatabase {
  url: string;
  stop(): Promise<void>;
}

export function reviewApplySuite(kind: string, startDatabase: () => Promise<SuiteDatabase>): void {
  let database: SuiteDatabase;
  let getDb: () => { db: Db };
  let setSessionLookup: (typeof import("./session"))["setSessionLookup"];
  let createAccount: (typeof import("./users"))["createAccount"];
  let setTargetPortFactory: (typeof import("./target-port"))["setTargetPortFactory"];
  let setTargetPreflightFactory: (typeof import("./target-port"))["setTargetPreflightFactory"];
  let poolActions: typeof import("@/app/pools/actions");
  let actions: typeof import("@/app/pools/review-actions");

  const REGION = "eu-west-1";
  const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };
  const users: Partial<Record<Role, string>> = {};
  let moto: MotoServer;
  let sdk: CognitoIdentityProviderClient;

  function as(role: Role) {
    setSessionLookup(async () => ({ userId: users[role] ?? "" }));
  }

  /** While set, every AWS write of the studio waits for it: an apply held mid-flight. */
  let writeGate: Promise<void> | undefined;
  function gated(port: CognitoPort): CognitoPort {
    return new Proxy(port, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== "function") return value;
        const write = typeof prop === "string" && /^(create|update|delete|set|add)/u.test(prop);
        return async (...args: unknown[]) => {
          if (write) await writeGate;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  }

  beforeAll(async () => {
    database = await startDatabase();
    process.env.DATABASE_URL = database.url;
    ({ getDb } = await import("./db"));
    ({ setSessionLookup } = await import("./session"));
    ({ createAccount } = await import("./users"));
    ({ setTargetPortFactory, setTargetPreflightFactory } = await import("./target-port"));
    poolActions = await import("@/app/pools/actions");
    actions = await import("@/app/pools/review-actions");
    moto = await startMoto();
    sdk = new CognitoIdentityProviderClient({ region: REGION, endpoint: moto.endpoint, credentials });
    // The target's endpoint is what the server uses; only moto's one UpdateUserPool bug is worked around.
    setTargetPortFactory((target) => gated(createSdkPort(createMotoClient({ region: target.region, endpoint: target.endpoint ?? "", credentials }), { rateLimit: "off" })));
    // Preflight runs on every apply with the same endpoint; the hardened preset sends email through the
    // SES identity shop.test in us-east-1, which is set up here as it would be in the account.
    setTargetPreflightFactory((target) => createSdkPreflightPort({ region: target.region, endpoint: target.endpoint ?? "", credentials }));
    await new SESv2Client({ region: "us-east-1", endpoint: moto.endpoint, credentials }).send(new CreateEmailIdentityCommand({ EmailIdentity: "shop.test" }));
    await migrate(process.env.DATABASE_URL);
    users.admin = (await createAccount({ email: "admin@shop.test", name: "Admin", password: "password-admin" })).id;
    for (const role of ["editor", "approver"] as const) {
      users[role] = (await createAccount({ email: `${role}@shop.test`, name: role, password: `password-${role}` })).id;
      await getDb().db.membership.updateMany({ where: { userId: users[role] }, data: { role } });
    }
  });

  afterAll(async () => {
    setSessionLookup(undefined);
    setTargetPortFactory(undefined);
    setTargetPreflightFactory(undefined);
    await getDb().db.$disconnect();
    await moto?.stop();
    await database?.stop();
  });

  /** A hardened pool with a SPA and a confidential client (which gets a secret). */
  async function newPool(name: string): Promise<{ id: string; document: PoolDocument }> {
    as("editor");
    const created = await poolActions.createPoolAction({ name, region: REGION, environment: "dev", preset: "hardened-production" });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId: created.data.id } });
    let document = JSON.parse(draft.document) as PoolDocument;
    for (const preset of ["spa", "confidential-server"]) {
      const applied = applyClientPreset(document.spec, getPreset(preset) as ClientPreset, { clientName: preset });
      document = { ...document, spec: applied.spec };
    }
    // The presets' example values replaced as a team would before going beyond dev (placeholders are refused
    // there): the shop's own domain (.test, reserved for testing) and the team's account.
    document = JSON.parse(JSON.stringify(document).replaceAll("example.com", "shop.test").replaceAll("123456789012", "111122223333").replaceAll("Example <", "Shop <")) as PoolDocument;
    const saved = await poolActions.saveDraftAction({ poolId: created.data.id, version: draft.version, document });
    if (!saved.ok || !saved.data.valid) throw new Error(`draft not valid: ${JSON.stringify(saved)}`);
    return { id: created.data.id, document };
  }

  async function addTarget(poolId: string, name: string, requiredApprovals: number, userPoolId = ""): Promise<string> {
    as("admin");
    const created = await actions.createTargetAction({ poolId, name, region: REGION, endpoint: moto.endpoint, roleArn: "", userPoolId, requiredApprovals });
    if (!created.ok) throw new Error(JSON.stringify(created));
    return created.data.id;
  }

  async function submit(poolId: string, targetId: string, title: string): Promise<string> {
    as("editor");
    const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId } });
    const result = await actions.submitChangeRequestAction({ poolId, targetId, draftVersion: draft.version, title, description: "" });
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.data.id;
  }

  async function approve(changeRequestId: string, planVersion = 1) {
    as("approver");
    const result = await actions.approveAction({ changeRequestId, planVersion });
    expect(result.ok, JSON.stringify(result)).toBe(true);
  }

  async function poolsNamed(name: string): Promise<number> {
    const listed = await sdk.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    return (listed.UserPools ?? []).filter((p) => p.Name === name).length;
  }

  describe(`apply to a moto-backed target (${kind})`, () => {
    let poolId: string;
    let targetId: string;
    let document: PoolDocument;
    let userPoolId: string;

    test("an approved change request creates the pool; read back, it matches the design", async () => {
      ({ id: poolId, document } = await newPool("team-orders"));
      targetId = await addTarget(poolId, "prod", 1);
      const id = await submit(poolId, targetId, "Create the orders pool");
      await approve(id);
      as("approver");
      const applied = await actions.applyAction({ changeRequestId: id, planVersion: 1 });
      expect(applied.ok, JSON.stringify(applied)).toBe(true);
      if (!applied.ok) return;
      expect(applied.data.status).toBe("succeeded");
      expect(applied.data.steps.every((s) => s.outcome === "ok")).toBe(true);
      expect(applied.data.steps.map((s) => s.resource)).toEqual(expect.arrayContaining(["user_pool", 'app_client["spa"]', 'app_client["confidential-server"]']));
      // The confidential client's secret is returned once, and stored nowhere.
      const secret = applied.data.newClientSecrets?.["confidential-server"];
      expect(secret).toMatch(/^\S{20,}$/u);
      expect(Object.keys(applied.data.newClientSecrets ?? {})).toEqual(["confidential-server"]);
      const run = await getDb().db.applyRun.findFirstOrThrow({ where: { changeRequestId: id } });
      const audit = await getDb().db.auditEvent.findFirstOrThrow({ where: { action: "change-request.apply", target: id } });
      expect(run.steps).not.toContain(secret);
      expect(`${audit.after}${audit.details}`).not.toContain(secret ?? "");

      userPoolId = applied.data.userPoolId ?? "";
      expect(userPoolId).toMatch(/^eu-west-1_/u);
      expect((await getDb().db.target.findUniqueOrThrow({ where: { id: targetId } })).userPoolId).toBe(userPoolId);
      const live = await readLivePool(createSdkPort(createMotoClient({ region: REGION, endpoint: moto.endpoint, credentials }), { rateLimit: "off" }), userPoolId, { desired: document });
      expect(live.document.metadata.name).toBe("team-orders");
      expect(Object.keys(live.live.clientIds).sort()).toEqual(["confidential-server", "spa"]);
      const replan = planChanges(live.document, document);
      expect(replan.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action} ${JSON.stringify(e.changes)}`)).toEqual([]);
    });

    test("drift between approval and apply resets the approvals; approved again, the apply goes through", async () => {
      // A change: the SPA gets a second callback URL.
      as("editor");
      const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId } });
      const changed: PoolDocument = {
        ...document,
        spec: { ...document.spec, clients: (document.spec.clients ?? []).map((c) => (c.name === "spa" ? { ...c, callbackUrls: [...(c.callbackUrls ?? []), "https://staging.shop.test/callback"] } : c)) },
      };
      expect((await poolActions.saveDraftAction({ poolId, version: draft.version, document: changed })).ok).toBe(true);
      const id = await submit(poolId, targetId, "Add the staging callback");
      const cr = await getDb().db.changeRequest.findUniqueOrThrow({ where: { id } });
      expect(cr.planUserPoolId).toBe(userPoolId);
      expect(cr.planFingerprint).toMatch(/^\w{12,}/u);
      expect(JSON.parse(cr.plan).entries.filter((e: { action: string }) => e.action !== "noop").map((e: { address: string; action: string }) => `${e.address} ${e.action}`)).toEqual([
        'app_client["spa"] update',
      ]);
      await approve(id);

      // Someone changes the live pool outside the studio.
      await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: "made-by-hand" }));
      as("approver");
      const stale = await actions.applyAction({ changeRequestId: id, planVersion: 1 });
      expect(stale).toEqual({
        ok: false,
        fieldErrors: {},
        formError: `The plan was recomputed because the live pool ${userPoolId} changed since the plan was made (drift); earlier approvals no longer count. Review the new plan (version 2).`,
      });
      const after = await getDb().db.changeRequest.findUniqueOrThrow({ where: { id } });
      expect(after).toMatchObject({ status: "open", planVersion: 2 });
      expect(after.planFingerprint).not.toBe(cr.planFingerprint);
      // Still version 2's approvals: none, so applying is refused until someone approves again.
      const unapproved = await actions.applyAction({ changeRequestId: id, planVersion: 2 });
      expect(unapproved.ok === false && unapproved.formError).toBe("Target prod needs 1 approval(s) of this plan by someone who did not write it; it has 0. Approvals: 0 of 1 needed; another approver must approve.");

      await approve(id, 2);
      as("admin");
      // The new plan also deletes the client made by hand (the design manages the pool's clients): that needs
      // the pool's name typed.
      const unconfirmed = await actions.applyAction({ changeRequestId: id, planVersion: 2 });
      expect(unconfirmed.ok === false && unconfirmed.fieldErrors.confirmName).toEqual(['This plan deletes app client "made-by-hand"; type the pool\'s name (team-orders) to apply it.']);
      const applied = await actions.applyAction({ changeRequestId: id, planVersion: 2, confirmName: "team-orders" });
      expect(applied.ok && applied.data.status).toBe("succeeded");
      const live = await readLivePool(createSdkPort(createMotoClient({ region: REGION, endpoint: moto.endpoint, credentials }), { rateLimit: "off" }), userPoolId, { desired: changed });
      expect(live.document.spec.clients?.find((c) => c.name === "spa")?.callbackUrls).toContain("https://staging.shop.test/callback");
    });

    test("a drift check shows what changed outside the studio, and pulls it into the draft", async () => {
      const { checkTargetDrift } = await import("./drift");
      const workspaceId = (await getDb().db.pool.findUniqueOrThrow({ where: { id: poolId } })).workspaceId ?? "";
      const clean = await checkTargetDrift(workspaceId, targetId);
      expect(clean.baseline).toEqual({ kind: "applied", title: "Add the staging callback", revisionNumber: 2 });
      expect(clean.plan.hasChanges).toBe(false);
      await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: "hand-made-2" }));
      const drift = await checkTargetDrift(workspaceId, targetId);
      expect(drift.plan.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action}`)).toEqual(['app_client["hand-made-2"] create']);
      as("editor");
      const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId } });
      const pulled = await actions.pullLiveIntoDraftAction({ targetId, draftVersion: draft.version });
      expect(pulled).toEqual({ ok: true, data: { version: draft.version + 1, valid: true } });
      const after = JSON.parse((await getDb().db.draft.findUniqueOrThrow({ where: { poolId } })).document) as PoolDocument;
      expect(after.metadata.name).toBe("team-orders");
      expect((after.spec.clients ?? []).map((c) => c.name).sort()).toEqual(["confidential-server", "hand-made-2", "spa"]);
      const audit = await getDb().db.auditEvent.findFirstOrThrow({ where: { action: "draft.pull-live", poolId } });
      expect(audit.after).toBe(`version ${draft.version + 1} from live pool ${userPoolId}`);
    });

    test("a recorded drift check: In sync, then a change made behind the studio's back reads Drifted in the pools list's words", async () => {
      const { describeDeployment, listDeployments } = await import("./deployments");
      const status = async () => {
        const [d] = (await listDeployments([poolId])).get(poolId) ?? [];
        if (!d) throw new Error("no target");
        return describeDeployment(d, new Date());
      };
      // The previous test left a client made by hand; removed, the live pool is what was applied.
      const clients = await sdk.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
      for (const c of (clients.UserPoolClients ?? []).filter((c) => c.ClientName === "hand-made-2")) await sdk.send(new DeleteUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: c.ClientId }));
      expect(await status()).toMatchObject({ status: "applied", label: "prod: revision 2 applied" });

      as("editor");
      const clean = await actions.checkDriftAction({ targetId });
      expect(clean).toEqual({ ok: true, data: { id: expect.any(String), differences: 0 } });
      expect(await status()).toMatchObject({ status: "in-sync", label: "prod: In sync (checked just now)" });

      // Behind the studio's back: a client made in the console.
      await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: "made-in-console" }));
      const drifted = await actions.checkDriftAction({ targetId });
      expect(drifted.ok && drifted.data.differences).toBe(1);
      expect(await status()).toMatchObject({ status: "drifted", label: "prod: Drifted: 1 setting differs (checked just now)" });

      // Recorded with who and when, the plan kept for the target page, and its audit event.
      const row = await getDb().db.driftCheck.findFirstOrThrow({ where: { targetId }, orderBy: { checkedAt: "desc" } });
      expect(row).toMatchObject({ checkedBy: "editor@shop.test", differences: 1, userPoolId, baseline: "revision 2 (Add the staging callback)" });
      expect(JSON.parse(row.plan).entries.filter((e: { action: string }) => e.action !== "noop").map((e: { address: string; action: string }) => `${e.address} ${e.action}`)).toEqual([
        'app_client["made-in-console"] create',
      ]);
      const audit = await getDb().db.auditEvent.findFirstOrThrow({ where: { action: "target.drift-check", target: targetId }, orderBy: { at: "desc" } });
      expect(audit).toMatchObject({ actor: "editor@shop.test", poolId, after: `prod (${userPoolId}): 1 setting differs from revision 2 (Add the staging callback)` });
      expect(JSON.parse(audit.details)).toEqual({ differences: 1, addresses: ['create app_client["made-in-console"]'] });
      expect(await getDb().db.auditEvent.count({ where: { action: "target.drift-check", target: targetId } })).toBe(2);

      // Put back as it was for the tests after this one.
      const made = await sdk.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
      for (const c of (made.UserPoolClients ?? []).filter((c) => c.ClientName === "made-in-console")) await sdk.send(new DeleteUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: c.ClientId }));
    });

    test("a Google provider's secret comes from the server's environment at apply time and no table holds it", async () => {
      const secret = `GOCSPX-suite-${kind}-7d1e0c`;
      const variable = `IDP_SECRET_STUDIO_SUITE_GOOGLE_${kind.toUpperCase().replace(/\W/gu, "_")}`;
      process.env[variable] = secret;
      try {
        const { id: federated } = await newPool("team-federated");
        as("editor");
        const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId: federated } });
        const base = JSON.parse(draft.document) as PoolDocument;
        const spec = {
          ...base.spec,
          identityProviders: [
            {
              providerName: "Google",
              providerType: "Google" as const,
              providerDetails: { client_id: "1234.apps.googleusercontent.com", authorize_scopes: "openid email" },
              secretRef: { source: "env" as const, name: variable },
              attributeMapping: { email: "email" },
            },
          ],
          groups: [{ name: "admins", precedence: 0 }],
          clients: (base.spec.clients ?? []).map((c) => (c.name === "spa" ? { ...c, supportedIdentityProviders: ["COGNITO", "Google"] } : c)),
        };
        const saved = await poolActions.saveDraftAction({ poolId: federated, version: draft.version, document: { ...base, spec } });
        expect(saved.ok && saved.data.valid, JSON.stringify(saved)).toBe(true);
        const target = await addTarget(federated, "dev", 1);
        const id = await submit(federated, target, "Sign in with Google");
        await approve(id);
        as("approver");
        const applied = await actions.applyAction({ changeRequestId: id, planVersion: 1 });
        expect(applied.ok && applied.data.status, JSON.stringify(applied)).toBe("succeeded");
        if (!applied.ok) return;
        const provider = await sdk.send(new DescribeIdentityProviderCommand({ UserPoolId: applied.data.userPoolId ?? "", ProviderName: "Google" }));
        expect(provider.IdentityProvider?.ProviderDetails?.client_secret).toBe(secret);
        // Every row the review and the apply wrote: drafts, revisions, change requests (plans), apply runs and their
        // progress, audit events.
        // A recorded drift check too (its plan is kept for the target page).
        as("editor");
        expect((await actions.checkDriftAction({ targetId: target })).ok).toBe(true);
        const db = getDb().db;
        const rows = [await db.draft.findMany(), await db.revision.findMany(), await db.changeRequest.findMany(), await db.applyRun.findMany(), await db.driftCheck.findMany(), await db.auditEvent.findMany()];
        const everything = JSON.stringify(rows);
        expect(everything).toContain(variable);
        expect(everything).not.toContain(secret);

        // Only the reference changes: the plan (made with the references of the applied change request) is an
        // update of the provider, flagged, and the apply sends the new secret.
        process.env[`${variable}_NEW`] = `${secret}-new`;
        as("editor");
        const current = await getDb().db.draft.findUniqueOrThrow({ where: { poolId: federated } });
        const moved = JSON.parse(current.document) as PoolDocument;
        const [google] = moved.spec.identityProviders ?? [];
        if (!google) throw new Error("fixture");
        google.secretRef = { source: "env", name: `${variable}_NEW` };
        expect((await poolActions.saveDraftAction({ poolId: federated, version: current.version, document: moved })).ok).toBe(true);
        const next = await submit(federated, target, "Read the Google secret from another variable");
        const request = await db.changeRequest.findUniqueOrThrow({ where: { id: next } });
        const plan = JSON.parse(request.plan) as { entries: { address: string; action: string; changes: { path: string }[] }[]; securityChanges: { code: string }[] };
        expect(plan.entries.filter((e) => e.action !== "noop").map((e) => [e.address, e.action, e.changes.map((c) => c.path)])).toEqual([['identity_provider["Google"]', "update", ["secretRef"]]]);
        expect(plan.securityChanges.map((c) => c.code)).toEqual(["identity-provider-secret-changed"]);
        await approve(next);
        as("approver");
        const reapplied = await actions.applyAction({ changeRequestId: next, planVersion: 1 });
        expect(reapplied.ok && reapplied.data.status, JSON.stringify(reapplied)).toBe("succeeded");
        const after = await sdk.send(new DescribeIdentityProviderCommand({ UserPoolId: applied.data.userPoolId ?? "", ProviderName: "Google" }));
        expect(after.IdentityProvider?.ProviderDetails?.client_secret).toBe(`${secret}-new`);
      } finally {
        delete process.env[variable];
        delete process.env[`${variable}_NEW`];
      }
    });

    test("preflight: the panel's action reports a missing SES identity, and the apply stops before any Cognito call", async () => {
      const { id: pool, document: design } = await newPool("team-mail");
      as("editor");
      const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId: pool } });
      const missing = "arn:aws:ses:us-east-1:123456789012:identity/missing.shop.test";
      const changed: PoolDocument = { ...design, spec: { ...design.spec, emailConfiguration: { ...design.spec.emailConfiguration, sourceArn: missing, from: "no-reply@missing.shop.test" } } };
      expect((await poolActions.saveDraftAction({ poolId: pool, version: draft.version, document: changed })).ok).toBe(true);
      const target = await addTarget(pool, "dev", 0);
      const id = await submit(pool, target, "Create the mail pool");

      as("editor");
      const checked = await actions.preflightAction({ changeRequestId: id });
      expect(checked.ok, JSON.stringify(checked)).toBe(true);
      if (!checked.ok) return;
      expect(checked.data.blocked).toBe(true);
      expect(checked.data.results.map((r) => [r.code, r.path])).toEqual([
        ["aws-credentials-ok", ""],
        ["email-identity-not-found", "spec.emailConfiguration.sourceArn"],
      ]);
      expect(checked.data.results.find((r) => r.code === "email-identity-not-found")?.awsErrorWithout).toContain("InvalidEmailRoleAccessPolicyException");

      as("approver");
      const applied = await actions.applyAction({ changeRequestId: id, planVersion: 1 });
      expect(applied.ok && applied.data.status).toBe("failed");
      expect(applied.ok && applied.data.error).toContain("refused (preflight-failed)");
      expect(applied.ok && applied.data.error).toContain("missing.shop.test");
      expect(await poolsNamed("team-mail")).toBe(0);
      const run = await getDb().db.applyRun.findFirstOrThrow({ where: { changeRequestId: id } });
      expect(JSON.parse(run.progress ?? "[]")).toEqual([]);
    });

    test("two applies of one target at once: one is refused and the pool is created once", async () => {
      const { id: otherPool } = await newPool("team-billing");
      const target = await addTarget(otherPool, "dev", 0);
      const id = await submit(otherPool, target, "Create billing");
      const applyAs = async (role: Role) => {
        as(role);
        return actions.applyAction({ changeRequestId: id, planVersion: 1 });
      };
      // Both start before either finishes (the session lookup is read at the start of each action).
      const results = await Promise.all([applyAs("approver"), applyAs("admin")]);
      const succeeded = results.filter((r) => r.ok && r.data.status === "succeeded");
      const refused = results.filter((r) => !r.ok);
      expect(succeeded).toHaveLength(1);
      expect(refused).toHaveLength(1);
      const refusal = refused[0];
      expect(refusal && !refusal.ok && refusal.formError).toMatch(/^(Another apply to target dev is running|This change request (changed while you were applying it|is applied))/u);
      expect(await poolsNamed("team-billing")).toBe(1);
      expect(await getDb().db.applyRun.count({ where: { changeRequestId: id } })).toBe(1);
      expect(await getDb().db.applyLock.count({ where: { targetId: target } })).toBe(0);
    });

    test("a plan that deletes a client is applied only with the pool's name typed, checked on the server", async () => {
      const { id: deletesPool, document: design } = await newPool("team-deletes");
      const target = await addTarget(deletesPool, "dev", 0);
      const createId = await submit(deletesPool, target, "Create");
      as("approver");
      const created = await actions.applyAction({ changeRequestId: createId, planVersion: 1 });
      expect(created.ok && created.data.status, JSON.stringify(created)).toBe("succeeded");
      as("editor");
      const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId: deletesPool } });
      const withoutSpa: PoolDocument = { ...design, spec: { ...design.spec, clients: (design.spec.clients ?? []).filter((c) => c.name !== "spa") } };
      expect((await poolActions.saveDraftAction({ poolId: deletesPool, version: draft.version, document: withoutSpa })).ok).toBe(true);
      const id = await submit(deletesPool, target, "Retire the SPA");
      as("approver");
      const refused = await actions.applyAction({ changeRequestId: id, planVersion: 1 });
      expect(refused).toEqual({
        ok: false,
        fieldErrors: { confirmName: ['This plan deletes app client "spa"; type the pool\'s name (team-deletes) to apply it.'] },
      });
      expect(await getDb().db.applyRun.count({ where: { changeRequestId: id } })).toBe(0);
      const wrong = await actions.applyAction({ changeRequestId: id, planVersion: 1, confirmName: "team-delete" });
      expect(wrong.ok).toBe(false);
      const applied = await actions.applyAction({ changeRequestId: id, planVersion: 1, confirmName: "team-deletes" });
      expect(applied.ok && applied.data.steps.map((s) => `${s.action} ${s.resource} ${s.outcome}`), JSON.stringify(applied)).toEqual(['delete app_client["spa"] ok']);
    });

    test("a target's own callback URL reaches its live pool; pulling that pool keeps it out of the design", async () => {
      const { id: valuesPool, document: design } = await newPool("team-values");
      const target = await addTarget(valuesPool, "staging", 0);
      as("admin");
      const set = await actions.updateEnvironmentValuesAction({ targetId: target, domain: "", clients: [{ name: "spa", callbackUrls: "https://staging.shop.test/cb", logoutUrls: "" }] });
      expect(set.ok, JSON.stringify(set)).toBe(true);
      const id = await submit(valuesPool, target, "Create on staging");
      as("approver");
      const applied = await actions.applyAction({ changeRequestId: id, planVersion: 1 });
      expect(applied.ok && applied.data.status, JSON.stringify(applied)).toBe("succeeded");
      const stagingPoolId = applied.ok ? (applied.data.userPoolId ?? "") : "";
      const live = await readLivePool(createSdkPort(createMotoClient({ region: REGION, endpoint: moto.endpoint, credentials }), { rateLimit: "off" }), stagingPoolId, { desired: design });
      expect(live.document.spec.clients?.find((c) => c.name === "spa")?.callbackUrls).toEqual(["https://staging.shop.test/cb"]);

      // No drift: the live pool matches what was applied (the design with staging's values).
      const { checkTargetDrift } = await import("./drift");
      const workspaceId = (await getDb().db.pool.findUniqueOrThrow({ where: { id: valuesPool } })).workspaceId ?? "";
      expect((await checkTargetDrift(workspaceId, target)).plan.hasChanges).toBe(false);

      as("editor");
      const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId: valuesPool } });
      const pulled = await actions.pullLiveIntoDraftAction({ targetId: target, draftVersion: draft.version });
      expect(pulled.ok, JSON.stringify(pulled)).toBe(true);
      const after = JSON.parse((await getDb().db.draft.findUniqueOrThrow({ where: { poolId: valuesPool } })).document) as PoolDocument;
      const designed = design.spec.clients?.find((c) => c.name === "spa")?.callbackUrls;
      expect(designed).not.toContain("https://staging.shop.test/cb");
      expect(after.spec.clients?.find((c) => c.name === "spa")?.callbackUrls).toEqual(designed);
    });

    test("two targets naming the same live pool: while one applies, the other is refused with the other target's name", async () => {
      // Another target (its own approval rule) names the live pool of target prod.
      const alias = await addTarget(poolId, "prod-alias", 0, userPoolId);
      as("editor");
      const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId } });
      const current = JSON.parse(draft.document) as PoolDocument;
      const changed: PoolDocument = {
        ...current,
        spec: { ...current.spec, clients: (current.spec.clients ?? []).map((c) => (c.name === "spa" ? { ...c, logoutUrls: ["https://team.shop.test/bye"] } : c)) },
      };
      expect((await poolActions.saveDraftAction({ poolId, version: draft.version, document: changed })).ok).toBe(true);
      const viaProd = await submit(poolId, targetId, "Sign-out URL (prod)");
      const viaAlias = await submit(poolId, alias, "Sign-out URL (alias)");
      await approve(viaProd);

      let release: () => void = () => {};
      writeGate = new Promise<void>((resolve) => (release = resolve));
      try {
        as("approver");
        const running = actions.applyAction({ changeRequestId: viaProd, planVersion: 1 });
        for (let i = 0; i < 200 && (await getDb().db.livePoolLock.count()) === 0; i++) await new Promise((r) => setTimeout(r, 25));
        as("admin");
        // Without a live-pool lock this second apply would start too and wait at the gate: give it 15 s.
        const refused = await Promise.race([
          actions.applyAction({ changeRequestId: viaAlias, planVersion: 1 }),
          new Promise<{ ok: false; formError: string }>((r) => setTimeout(() => r({ ok: false, formError: "(not refused: it started applying too)" }), 15_000)),
        ]);
        expect(refused.ok === false && refused.formError).toMatch(
          new RegExp(`^Another apply to live pool ${userPoolId} is running from target prod of pool team-orders \\(by approver@shop\\.test since [\\d-]+ [\\d:]+ UTC\\); both targets name this pool\\. Wait for it to finish\\.$`, "u"),
        );
        // Both locks or neither: the alias target's own lock was not left behind.
        expect(await getDb().db.applyLock.count({ where: { targetId: alias } })).toBe(0);
        expect(await getDb().db.applyRun.count({ where: { changeRequestId: viaAlias } })).toBe(0);
        release();
        const applied = await running;
        expect(applied.ok && applied.data.status, JSON.stringify(applied)).toBe("succeeded");
      } finally {
        release();
        writeGate = undefined;
      }
      expect(await getDb().db.livePoolLock.count()).toBe(0);
      // Once the first is done the alias may apply (its plan is stale first: the live pool changed).
      as("admin");
      const stale = await actions.applyAction({ changeRequestId: viaAlias, planVersion: 1 });
      expect(stale.ok === false && stale.formError).toMatch(/^The plan was recomputed because the live pool .* changed since the plan was made \(drift\)/u);
      const after = await actions.applyAction({ changeRequestId: viaAlias, planVersion: 2 });
      expect(after.ok && after.data.status, JSON.stringify(after)).toBe("succeeded");
    });

    test("an approver who adds a client to someone else's request cannot approve it; the client never reaches the live pool", async () => {
      as("editor");
      const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId } });
      const id = await submit(poolId, targetId, "Nothing new");
      // The approver adds her own client, saves it as a revision and re-plans the editor's request.
      as("approver");
      const document = JSON.parse(draft.document) as PoolDocument;
      const withBackdoor: PoolDocument = { ...document, spec: { ...document.spec, clients: [...(document.spec.clients ?? []), { name: "backdoor", generateSecret: false }] } };
      const saved = await poolActions.saveDraftAction({ poolId, version: draft.version, document: withBackdoor });
      if (!saved.ok) throw new Error(JSON.stringify(saved));
      const revision = await poolActions.saveRevisionAction({ poolId, version: saved.data.version, message: "one more client" });
      expect(revision.ok).toBe(true);
      const replanned = await actions.replanAction({ changeRequestId: id });
      expect(replanned.ok && replanned.data.changed).toBe(true);
      const approved = await actions.approveAction({ changeRequestId: id, planVersion: 2 });
      expect(approved.ok === false && approved.formError).toMatch(/^You authored revision \d+ in this request and re-planned it to plan version 2 with new content/u);
      const applied = await actions.applyAction({ changeRequestId: id, planVersion: 2 });
      expect(applied.ok === false && applied.formError).toMatch(/^Target prod needs 1 approval\(s\) of this plan by someone who did not write it; it has 0\./u);
      const clients = await sdk.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
      expect((clients.UserPoolClients ?? []).map((c) => c.ClientName)).not.toContain("backdoor");
    });
  });
}
