import { beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { CognitoPort } from "@/lib/cognito/aws";
import { strictFakePort } from "@/test/support/stub-ports";
import type { PoolDocument } from "@/lib/cognito/spec";
import type { Role } from "@/lib/contracts/roles";
import { byRole, useStudioDatabase } from "@/test/support/studio-db";

// Per-environment values and promotion on a real SQLite file; only the session lookup and the Cognito
// port are replaced (the port records what it is asked to create: the apply engine's requests).
const { as } = useStudioDatabase("studio-promote-", byRole("viewer", "editor", "approver"));

const { getDb } = await import("./db");
const { SIGNED_OUT_ERROR } = await import("./action");
const { setTargetPortFactory, setTargetPreflightFactory } = await import("./target-port");
const { stubPreflightPort } = await import("@/test/support/stub-ports");
const { promotionTarget } = await import("./change-requests");
const poolActions = await import("@/app/pools/actions");
const actions = await import("@/app/pools/review-actions");

const refusedFor = (role: Role, needed: Role) => ({ ok: false, fieldErrors: {}, formError: `This needs the ${needed} role; you are ${role}. Ask an admin of the workspace.` });

/** A fake Cognito that creates pools, clients and domains and records their requests; anything else is unexpected. */
const created: { pools: string[]; clients: { name: string; callbackUrls: string[] }[]; domains: string[] } = { pools: [], clients: [], domains: [] };
function fakePort(): CognitoPort {
  const port = {
    region: "eu-west-1",
    async createUserPool(input: { PoolName?: string }) {
      created.pools.push(input.PoolName ?? "");
      return { Id: `eu-west-1_Promo${created.pools.length}`, Name: input.PoolName };
    },
    async createUserPoolClient(input: { ClientName?: string; CallbackURLs?: string[] }) {
      created.clients.push({ name: input.ClientName ?? "", callbackUrls: input.CallbackURLs ?? [] });
      return { ClientId: `client${created.clients.length}`, ClientName: input.ClientName };
    },
    async createUserPoolDomain(input: { Domain?: string }) {
      created.domains.push(input.Domain ?? "");
      return {};
    },
  };
  return strictFakePort(port);
}

beforeAll(async () => {
  setTargetPortFactory(() => fakePort());
  setTargetPreflightFactory(() => stubPreflightPort());
});

beforeEach(() => as("anonymous"));

let counter = 0;
/** A blank pool whose design has a web client with a dev callback URL and a dev domain; targets dev, prod and staging (created in that order). */
async function newPool() {
  as("editor");
  const name = `promo-${++counter}`;
  const result = await poolActions.createPoolAction({ name, region: "eu-west-1", environment: "dev", preset: "" });
  if (!result.ok) throw new Error(JSON.stringify(result));
  const poolId = result.data.id;
  const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId } });
  const document = JSON.parse(draft.document) as PoolDocument;
  const design: PoolDocument = {
    ...document,
    spec: {
      ...document.spec,
      clients: [{ name: "web", allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ["code"], allowedOAuthScopes: ["openid"], callbackUrls: ["http://localhost:3000/callback"] }],
      domain: { domain: `${name}-dev` },
    },
  };
  const saved = await poolActions.saveDraftAction({ poolId, version: draft.version, document: design });
  if (!saved.ok || !saved.data.valid) throw new Error(`draft not valid: ${JSON.stringify(saved)}`);
  const target = (t: string, requiredApprovals: number) => getDb().db.target.create({ data: { poolId, name: t, region: "eu-west-1", requiredApprovals } });
  const dev = await target("dev", 0);
  const prod = await target("prod", 1);
  const staging = await target("staging", 1);
  return { poolId, name, dev: dev.id, staging: staging.id, prod: prod.id };
}

async function submit(poolId: string, targetId: string) {
  as("editor");
  const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId } });
  const result = await actions.submitChangeRequestAction({ poolId, targetId, draftVersion: draft.version, title: "Sign-in for the shop", description: "" });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.id;
}

async function applyOnDev(poolId: string, targetId: string) {
  const id = await submit(poolId, targetId);
  as("approver");
  const applied = await actions.applyAction({ changeRequestId: id, planVersion: 1 });
  if (!applied.ok || applied.data.status !== "succeeded") throw new Error(JSON.stringify(applied));
  return id;
}

const stagingValues = (name: string) => ({ domain: `${name}-staging`, clients: [{ name: "web", callbackUrls: "https://staging.shop.test/callback\n\nhttps://staging.shop.test/alt", logoutUrls: "" }] });
const storedDocument = async (id: string) => JSON.parse((await getDb().db.changeRequest.findUniqueOrThrow({ where: { id } })).document) as PoolDocument;

describe("updateEnvironmentValuesAction", () => {
  // Per-environment values are part of the design work (editors); what reaches AWS is still reviewed in the plan.
  test.each(["anonymous", "viewer"] as const)("is refused as %s and changes nothing", async (who) => {
    const pool = await newPool();
    as(who);
    const result = await actions.updateEnvironmentValuesAction({ targetId: pool.staging, ...stagingValues(pool.name) });
    expect(result).toEqual(who === "anonymous" ? { ok: false, fieldErrors: {}, formError: SIGNED_OUT_ERROR } : refusedFor(who, "editor"));
    expect((await getDb().db.target.findUniqueOrThrow({ where: { id: pool.staging } })).environmentValues).toBe("{}");
  });

  test("an editor sets them: stored on the target as the core's values, audited with before and after", async () => {
    const pool = await newPool();
    as("editor");
    expect(await actions.updateEnvironmentValuesAction({ targetId: pool.staging, ...stagingValues(pool.name) })).toEqual({ ok: true, data: { id: pool.staging } });
    const stored = JSON.parse((await getDb().db.target.findUniqueOrThrow({ where: { id: pool.staging } })).environmentValues);
    // The empty sign-out box keeps the design's value: it is not stored as an empty list.
    expect(stored).toEqual({ domain: `${pool.name}-staging`, clients: { web: { callbackUrls: ["https://staging.shop.test/callback", "https://staging.shop.test/alt"] } } });
    const audit = await getDb().db.auditEvent.findFirstOrThrow({ where: { action: "target.environment-values", target: pool.staging } });
    expect(audit).toMatchObject({
      actor: "editor@example.com",
      poolId: pool.poolId,
      before: "none (the design's values)",
      after: `domain ${pool.name}-staging; web callbackUrls https://staging.shop.test/callback https://staging.shop.test/alt`,
    });
  });

  test("field errors name the field and the rule (with the line), and nothing is stored", async () => {
    const pool = await newPool();
    as("admin");
    const result = await actions.updateEnvironmentValuesAction({
      targetId: pool.staging,
      domain: "Not A Domain",
      certificateArn: "certificate-for-auth-example-com",
      clients: [{ name: "web", callbackUrls: "https://ok.example.com/cb\nhttp://plain.example.com/cb", logoutUrls: "https://ok.example.com/#frag" }],
    });
    expect(result).toEqual({
      ok: false,
      formError: "Some fields need attention.",
      fieldErrors: {
        domain: ["must be lowercase letters, digits, hyphens (and dots for a custom domain), starting and ending with a letter or digit"],
        certificateArn: ["must be an ARN like arn:aws:service:region:123456789012:resource"],
        "clients.0.callbackUrls": ["line 2: http://plain.example.com/cb must use https; plain http is allowed only for http://localhost, http://127.0.0.1 and http://[::1]"],
        "clients.0.logoutUrls": ["line 1: https://ok.example.com/#frag must not contain a fragment (#…)"],
      },
    });
    expect((await getDb().db.target.findUniqueOrThrow({ where: { id: pool.staging } })).environmentValues).toBe("{}");
  });
});

describe("per-environment values in plans", () => {
  test("a change request for a target with values plans the design with them", async () => {
    const pool = await newPool();
    as("admin");
    expect((await actions.updateEnvironmentValuesAction({ targetId: pool.staging, ...stagingValues(pool.name) })).ok).toBe(true);
    const id = await submit(pool.poolId, pool.staging);
    const document = await storedDocument(id);
    expect(document.spec.clients?.[0]?.callbackUrls).toEqual(["https://staging.shop.test/callback", "https://staging.shop.test/alt"]);
    expect(document.spec.domain).toEqual({ domain: `${pool.name}-staging` });
    // The design itself is untouched.
    const draft = JSON.parse((await getDb().db.draft.findUniqueOrThrow({ where: { poolId: pool.poolId } })).document) as PoolDocument;
    expect(draft.spec.clients?.[0]?.callbackUrls).toEqual(["http://localhost:3000/callback"]);
  });

  test("values changed after submitting make the plan stale: approvals are refused until it is reviewed again", async () => {
    const pool = await newPool();
    const id = await submit(pool.poolId, pool.staging);
    as("admin");
    expect((await actions.updateEnvironmentValuesAction({ targetId: pool.staging, ...stagingValues(pool.name) })).ok).toBe(true);
    as("approver");
    expect(await actions.approveAction({ changeRequestId: id, planVersion: 1 })).toEqual({
      ok: false, code: "stale-plan",
      fieldErrors: {},
      formError: "The plan was recomputed because the per-environment values of target staging changed; earlier approvals no longer count. Review the new plan (version 2).",
    });
    expect((await storedDocument(id)).spec.domain).toEqual({ domain: `${pool.name}-staging` });
  });

  test("values that make the design invalid are refused with the rule", async () => {
    const pool = await newPool();
    as("admin");
    // An empty callback list is a valid value, but the code flow needs a callback URL (rules/oauth.ts).
    await getDb().db.target.update({ where: { id: pool.staging }, data: { environmentValues: JSON.stringify({ clients: { web: { callbackUrls: [] } } }) } });
    as("editor");
    const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId: pool.poolId } });
    const result = await actions.submitChangeRequestAction({ poolId: pool.poolId, targetId: pool.staging, draftVersion: draft.version, title: "t", description: "" });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.formError).toMatch(/^With the values of target staging the design is not valid: spec\.clients\[0\]\.callbackUrls: the code flow redirects users back to the app, so client "web" needs at least one callbackUrls entry/u);
  });
});

describe("promoteAction", () => {
  test.each(["anonymous", "viewer"] as const)("is refused as %s", async (who) => {
    const pool = await newPool();
    const id = await applyOnDev(pool.poolId, pool.dev);
    as(who);
    expect(await actions.promoteAction({ changeRequestId: id })).toEqual(who === "anonymous" ? { ok: false, fieldErrors: {}, formError: SIGNED_OUT_ERROR } : refusedFor(who, "editor"));
    expect(await getDb().db.changeRequest.count({ where: { promotedFromId: id } })).toBe(0);
  });

  test.each(["editor", "approver", "admin"] as const)("as %s opens a request for the next target with the same revision and that target's values", async (who) => {
    const pool = await newPool();
    as("admin");
    expect((await actions.updateEnvironmentValuesAction({ targetId: pool.staging, ...stagingValues(pool.name) })).ok).toBe(true);
    const id = await applyOnDev(pool.poolId, pool.dev);
    const source = await getDb().db.changeRequest.findUniqueOrThrow({ where: { id } });
    expect(await promotionTarget((await getDb().db.pool.findUniqueOrThrow({ where: { id: pool.poolId } })).workspaceId ?? "", id)).toEqual({ id: pool.staging, name: "staging" });

    as(who);
    const promoted = await actions.promoteAction({ changeRequestId: id });
    expect(promoted.ok, JSON.stringify(promoted)).toBe(true);
    if (!promoted.ok) return;
    // staging comes before prod although prod was created first.
    expect(promoted.data.targetName).toBe("staging");
    const cr = await getDb().db.changeRequest.findUniqueOrThrow({ where: { id: promoted.data.id } });
    expect(cr).toMatchObject({ targetId: pool.staging, revisionNumber: source.revisionNumber, promotedFromId: id, status: "open", author: `${who}@example.com`, title: "Sign-in for the shop (promoted to staging)" });
    const document = JSON.parse(cr.document) as PoolDocument;
    expect(document.spec.clients?.[0]?.callbackUrls).toEqual(["https://staging.shop.test/callback", "https://staging.shop.test/alt"]);
    expect(document.spec.domain?.domain).toBe(`${pool.name}-staging`);
    // dev kept its own values.
    expect((JSON.parse(source.document) as PoolDocument).spec.clients?.[0]?.callbackUrls).toEqual(["http://localhost:3000/callback"]);
    const audit = await getDb().db.auditEvent.findFirstOrThrow({ where: { action: "change-request.promote", target: promoted.data.id } });
    expect(audit).toMatchObject({ actor: `${who}@example.com`, before: `change request ${id}`, after: `revision ${source.revisionNumber} to staging: 3 to add, 0 to change, 0 to replace, 0 to destroy` });
    // Promoting the same request again to the same target is refused while that request is open, and not offered.
    expect(await promotionTarget((await getDb().db.pool.findUniqueOrThrow({ where: { id: pool.poolId } })).workspaceId ?? "", id)).toBeNull();
    expect(await actions.promoteAction({ changeRequestId: id })).toEqual({ ok: false, code: "already-promoted", fieldErrors: {}, formError: "This change request was already promoted to staging: “Sign-in for the shop (promoted to staging)”." });
  });

  test("the promoted request applies that target's values to AWS, stays on its revision, and promotes on to prod", async () => {
    const pool = await newPool();
    as("admin");
    expect((await actions.updateEnvironmentValuesAction({ targetId: pool.staging, ...stagingValues(pool.name) })).ok).toBe(true);
    const devId = await applyOnDev(pool.poolId, pool.dev);
    as("editor");
    const promoted = await actions.promoteAction({ changeRequestId: devId });
    if (!promoted.ok) throw new Error(JSON.stringify(promoted));
    // A newer revision of the design does not replace the promoted one.
    const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId: pool.poolId } });
    expect((await poolActions.saveRevisionAction({ poolId: pool.poolId, version: draft.version, message: "later work" })).ok).toBe(true);
    as("approver");
    expect(await actions.approveAction({ changeRequestId: promoted.data.id, planVersion: 1 })).toEqual({ ok: true, data: { status: "approved", approvals: 1, required: 1 } });
    const before = created.clients.length;
    const applied = await actions.applyAction({ changeRequestId: promoted.data.id, planVersion: 1 });
    expect(applied.ok && applied.data.status).toBe("succeeded");
    expect(created.clients.slice(before)).toEqual([{ name: "web", callbackUrls: ["https://staging.shop.test/callback", "https://staging.shop.test/alt"] }]);
    expect(created.domains.at(-1)).toBe(`${pool.name}-staging`);

    as("editor");
    const toProd = await actions.promoteAction({ changeRequestId: promoted.data.id });
    expect(toProd.ok && toProd.data.targetName).toBe("prod");
    // prod has no values: it gets the design's.
    if (toProd.ok) expect((await storedDocument(toProd.data.id)).spec.domain?.domain).toBe(`${pool.name}-dev`);
    // A prod request that was applied has nowhere further to go.
    const prodRequest = toProd.ok ? toProd.data.id : "";
    await getDb().db.changeRequest.update({ where: { id: prodRequest }, data: { status: "applied" } });
    expect(await actions.promoteAction({ changeRequestId: prodRequest })).toEqual({
      ok: false, code: "no-next-target",
      fieldErrors: {},
      formError: "prod is the last target of this pool in promotion order (dev → test → staging → prod); add a target to promote to.",
    });
  });

  test("a request that is not applied cannot be promoted", async () => {
    const pool = await newPool();
    const id = await submit(pool.poolId, pool.dev);
    as("editor");
    expect(await actions.promoteAction({ changeRequestId: id })).toEqual({ ok: false, code: "not-applied", fieldErrors: {}, formError: "Only an applied change request can be promoted; this one is open." });
  });
});

describe("placeholder values", () => {
  test("go to a development target only: submitting to staging is refused at the target field, before a revision is written", async () => {
    const pool = await newPool();
    as("editor");
    const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId: pool.poolId } });
    const document = JSON.parse(draft.document) as PoolDocument;
    const withExample: PoolDocument = { ...document, spec: { ...document.spec, clients: [{ ...(document.spec.clients?.[0] ?? { name: "web" }), callbackUrls: ["https://app.example.com/callback"] }] } };
    const saved = await poolActions.saveDraftAction({ poolId: pool.poolId, version: draft.version, document: withExample });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const revisions = await getDb().db.revision.count({ where: { poolId: pool.poolId } });
    const refused = await actions.submitChangeRequestAction({ poolId: pool.poolId, targetId: pool.staging, draftVersion: saved.data.version, title: "To staging", description: "" });
    expect(refused).toEqual({
      ok: false, code: "placeholder-values",
      fieldErrors: {
        targetId: [
          "Target staging is not a development target, and the design still has 1 placeholder value (spec.clients[0].callbackUrls[0]). Replace them in the editor, or submit to a development target (dev, local, sandbox).",
        ],
      },
    });
    expect(await getDb().db.revision.count({ where: { poolId: pool.poolId } })).toBe(revisions);
    const toDev = await actions.submitChangeRequestAction({ poolId: pool.poolId, targetId: pool.dev, draftVersion: saved.data.version, title: "To dev", description: "" });
    expect(toDev.ok).toBe(true);
  });
});
