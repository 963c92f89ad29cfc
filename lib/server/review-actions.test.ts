import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { CognitoPort } from "@/lib/cognito/aws";
import { strictFakePort } from "@/test/support/stub-ports";
import { PLAN_FORMAT_VERSION, planChanges } from "@/lib/cognito/plan";
import type { PoolDocument } from "@/lib/cognito/spec";
import type { Role } from "@/lib/contracts/roles";
import { newBlankPool, useStudioDatabase } from "@/test/support/studio-db";

// Team review actions on a real SQLite file; only the session lookup and the Cognito port are replaced.
// editor2 is a second editor, for the rules about who wrote a request.
const { as, users } = useStudioDatabase("studio-review-", { viewer: "viewer", editor: "editor", editor2: "editor", approver: "approver" });

const { getDb } = await import("./db");
const { createAccount } = await import("./users");
const { SIGNED_OUT_ERROR } = await import("./action");
const { setTargetPortFactory, setTargetPreflightFactory } = await import("./target-port");
const { stubPreflightPort } = await import("@/test/support/stub-ports");
const { needsNameConfirmation } = await import("./change-requests");
const { acquireApplyLock } = await import("./apply-lock");
const { listDeployments } = await import("./deployments");
const { listAuditEvents, listAuditFacets } = await import("./audit");
const poolActions = await import("@/app/pools/actions");
const actions = await import("@/app/pools/review-actions");
const memberActions = await import("@/app/members/actions");

type Who = Role | "anonymous" | "editor2";

function refusedFor(role: Role, needed: Role) {
  return { ok: false, fieldErrors: {}, formError: `This needs the ${needed} role; you are ${role}. Ask an admin of the workspace.` };
}

/** A fake Cognito that creates pools (ids Fake1, Fake2…) and refuses every other call; `fail` makes create fail. */
const fake = { created: [] as string[], fail: undefined as string | undefined, mfa: undefined as Promise<void> | undefined, create: undefined as Promise<void> | undefined };
function fakePort(): CognitoPort {
  const port = {
    region: "eu-west-1",
    async createUserPool(input: { PoolName?: string }) {
      await fake.create;
      if (fake.fail) throw Object.assign(new Error("Too many pools in this account"), { name: fake.fail });
      fake.created.push(input.PoolName ?? "");
      return { Id: `eu-west-1_Fake${fake.created.length}`, Name: input.PoolName };
    },
    async setUserPoolMfaConfig() {
      await fake.mfa;
    },
  };
  return strictFakePort(port);
}

beforeAll(async () => {
  setTargetPortFactory(() => fakePort());
  setTargetPreflightFactory(() => stubPreflightPort());
});

beforeEach(() => {
  as("anonymous");
  fake.fail = undefined;
});

let counter = 0;
const newPool = () => newBlankPool(`review-${++counter}`, () => as("editor"));

async function newTarget(poolId: string, name: string, requiredApprovals: number): Promise<string> {
  const target = await getDb().db.target.create({ data: { poolId, name, region: "eu-west-1", requiredApprovals } });
  return target.id;
}

async function draftVersion(poolId: string): Promise<number> {
  return (await getDb().db.draft.findUniqueOrThrow({ where: { poolId } })).version;
}

async function submit(poolId: string, targetId: string, who: Who = "editor"): Promise<string> {
  as(who);
  const result = await actions.submitChangeRequestAction({ poolId, targetId, draftVersion: await draftVersion(poolId), title: "First design", description: "Please review" });
  if (!result.ok) throw new Error(`submit failed: ${JSON.stringify(result)}`);
  return result.data.id;
}

async function changeDraft(poolId: string, edit: (doc: PoolDocument) => PoolDocument) {
  as("editor");
  const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId } });
  const saved = await poolActions.saveDraftAction({ poolId, version: draft.version, document: edit(JSON.parse(draft.document) as PoolDocument) });
  if (!saved.ok) throw new Error("save failed");
  return saved.data.version;
}

const changeRequest = (id: string) => getDb().db.changeRequest.findUniqueOrThrow({ where: { id } });

describe("createTargetAction and updateTargetAction", () => {
  const fields = { name: "prod", region: "eu-west-1", endpoint: "", roleArn: "", userPoolId: "", requiredApprovals: 1 };

  test.each(["viewer", "editor", "approver"] as const)("are refused as %s", async (role) => {
    const pool = await newPool();
    as(role);
    expect(await actions.createTargetAction({ ...fields, poolId: pool.id })).toEqual(refusedFor(role, "admin"));
    expect(await getDb().db.target.count({ where: { poolId: pool.id } })).toBe(0);
  });

  test("are refused when signed out", async () => {
    const pool = await newPool();
    as("anonymous");
    expect(await actions.createTargetAction({ ...fields, poolId: pool.id })).toEqual({ ok: false, fieldErrors: {}, formError: SIGNED_OUT_ERROR });
  });

  test("an admin creates a target (no credentials stored), audited; names are unique per pool", async () => {
    const pool = await newPool();
    as("admin");
    const created = await actions.createTargetAction({ ...fields, poolId: pool.id, endpoint: " http://127.0.0.1:5000 ", roleArn: "arn:aws:iam::123456789012:role/studio" });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const row = await getDb().db.target.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(row).toMatchObject({ name: "prod", region: "eu-west-1", endpoint: "http://127.0.0.1:5000", roleArn: "arn:aws:iam::123456789012:role/studio", userPoolId: null, requiredApprovals: 1 });
    const audit = await getDb().db.auditEvent.findFirstOrThrow({ where: { action: "target.create", target: created.data.id } });
    expect(audit.actor).toBe("admin@example.com");
    expect(audit.after).toBe("prod in eu-west-1, endpoint http://127.0.0.1:5000, role arn:aws:iam::123456789012:role/studio, pool (none yet), 1 approval(s)");
    expect(await actions.createTargetAction({ ...fields, poolId: pool.id })).toEqual({ ok: false, code: "target-name-taken", fieldErrors: { name: ['This pool already has a target named "prod".'] } });
  });

  test("field errors for a bad endpoint, role ARN, pool id and approvals", async () => {
    const pool = await newPool();
    as("admin");
    const bad = await actions.createTargetAction({ poolId: pool.id, name: "Prod!", region: "eu-west-1", endpoint: "ftp://x", roleArn: "admin", userPoolId: "nope", requiredApprovals: -1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fieldErrors).sort()).toEqual(["endpoint", "name", "requiredApprovals", "roleArn", "userPoolId"]);
  });

  test("update: admin only, audit keeps before and after", async () => {
    const pool = await newPool();
    const targetId = await newTarget(pool.id, "dev", 0);
    as("approver");
    expect(await actions.updateTargetAction({ ...fields, name: "dev", targetId })).toEqual(refusedFor("approver", "admin"));
    as("admin");
    expect(await actions.updateTargetAction({ ...fields, name: "dev", targetId, userPoolId: "eu-west-1_Abc123", requiredApprovals: 2 })).toEqual({ ok: true, data: { id: targetId } });
    const audit = await getDb().db.auditEvent.findFirstOrThrow({ where: { action: "target.update", target: targetId } });
    expect(audit.before).toBe("dev in eu-west-1, pool (none yet), 0 approval(s)");
    expect(audit.after).toBe("dev in eu-west-1, pool eu-west-1_Abc123, 2 approval(s)");
  });
});

describe("submitChangeRequestAction", () => {
  test.each(["anonymous", "viewer"] as const)("is refused as %s", async (who) => {
    const pool = await newPool();
    const targetId = await newTarget(pool.id, "dev", 0);
    as(who);
    const result = await actions.submitChangeRequestAction({ poolId: pool.id, targetId, draftVersion: 1, title: "t", description: "" });
    expect(result).toEqual(who === "anonymous" ? { ok: false, fieldErrors: {}, formError: SIGNED_OUT_ERROR } : refusedFor("viewer", "editor"));
    expect(await getDb().db.changeRequest.count({ where: { poolId: pool.id } })).toBe(0);
  });

  test.each(["editor", "approver", "admin"] as const)("as %s snapshots the draft as a revision and plans against nothing", async (who) => {
    const pool = await newPool();
    const targetId = await newTarget(pool.id, "dev", 0);
    const id = await submit(pool.id, targetId, who);
    const cr = await changeRequest(id);
    expect(cr).toMatchObject({ status: "open", author: `${who}@example.com`, revisionNumber: 1, planVersion: 1, planUserPoolId: null, planFingerprint: null, title: "First design" });
    const plan = JSON.parse(cr.plan);
    expect(plan.creatingPool).toBe(true);
    expect(plan.entries.map((e: { address: string; action: string }) => `${e.address} ${e.action}`)).toEqual(["user_pool create"]);
    const revision = await getDb().db.revision.findUniqueOrThrow({ where: { poolId_number: { poolId: pool.id, number: 1 } } });
    expect(revision.message).toBe("Submitted for review: First design");
    // Submitting the same draft again reuses its revision.
    const again = await changeRequest(await submit(pool.id, targetId, who));
    expect(again.revisionNumber).toBe(1);
    expect(await getDb().db.revision.count({ where: { poolId: pool.id } })).toBe(1);
    const audit = await getDb().db.auditEvent.findFirstOrThrow({ where: { action: "change-request.submit", target: id } });
    expect(audit.after).toBe('"First design" (revision 1): 1 to add, 0 to change, 0 to replace, 0 to destroy');
  });

  test("refuses an invalid draft, a draft changed since it was opened, and another pool's target", async () => {
    const pool = await newPool();
    const other = await newPool();
    const targetId = await newTarget(pool.id, "dev", 0);
    const otherTarget = await newTarget(other.id, "dev", 0);
    as("editor");
    expect(await actions.submitChangeRequestAction({ poolId: pool.id, targetId: otherTarget, draftVersion: 1, title: "t", description: "" })).toEqual({
      ok: false, code: "target-not-found",
      fieldErrors: { targetId: ["Choose one of this pool's targets."] },
    });
    const stale = await actions.submitChangeRequestAction({ poolId: pool.id, targetId, draftVersion: 7, title: "t", description: "" });
    expect(stale.ok === false && stale.formError).toBe("The draft changed since you opened it (now version 1 by editor@example.com); reload and review it before submitting.");
    const version = await changeDraft(pool.id, (d) => ({ ...d, metadata: { name: "bad/name" } }));
    const invalid = await actions.submitChangeRequestAction({ poolId: pool.id, targetId, draftVersion: version, title: "t", description: "" });
    expect(invalid).toEqual({ ok: false, code: "draft-invalid", fieldErrors: {}, formError: "The draft has errors; fix them before submitting it for review." });
    const empty = await actions.submitChangeRequestAction({ poolId: pool.id, targetId, draftVersion: version, title: " ", description: "" });
    expect(empty.ok === false && empty.fieldErrors.title).toEqual(["give the change a title"]);
    expect(await getDb().db.changeRequest.count({ where: { poolId: pool.id } })).toBe(0);
  });
});

describe("commentAction and requestChangesAction", () => {
  test("viewers cannot comment; editors comment on a field; approvers request changes", async () => {
    const pool = await newPool();
    const id = await submit(pool.id, await newTarget(pool.id, "dev", 0));
    as("viewer");
    expect(await actions.commentAction({ changeRequestId: id, body: "hi" })).toEqual(refusedFor("viewer", "editor"));
    as("anonymous");
    expect((await actions.commentAction({ changeRequestId: id, body: "hi" })).ok).toBe(false);
    as("editor2");
    const commented = await actions.commentAction({ changeRequestId: id, body: "Why this name?", path: 'user_pool name' });
    expect(commented.ok).toBe(true);
    as("editor");
    expect(await actions.requestChangesAction({ changeRequestId: id, body: "x" })).toEqual(refusedFor("editor", "approver"));
    as("approver");
    expect(await actions.requestChangesAction({ changeRequestId: id, body: "Add MFA first" })).toEqual({ ok: true, data: { status: "changes_requested" } });
    expect((await changeRequest(id)).status).toBe("changes_requested");
    as("admin");
    expect(await actions.applyAction({ changeRequestId: id, planVersion: 1 })).toEqual({
      ok: false, code: "changes-requested",
      fieldErrors: {},
      formError: "An approver requested changes; save a new revision (or re-plan) before applying.",
    });
    const comments = await getDb().db.comment.findMany({ where: { changeRequestId: id }, orderBy: { createdAt: "asc" } });
    expect(comments.map((c) => [c.author, c.body, c.path])).toEqual([
      ["editor2@example.com", "Why this name?", "user_pool name"],
      ["approver@example.com", "Add MFA first", null],
    ]);
  });
});

describe("approveAction", () => {
  test.each(["anonymous", "viewer", "editor"] as const)("is refused as %s", async (who) => {
    const pool = await newPool();
    const id = await submit(pool.id, await newTarget(pool.id, "prod", 1));
    as(who);
    const result = await actions.approveAction({ changeRequestId: id, planVersion: 1 });
    expect(result).toEqual(who === "anonymous" ? { ok: false, fieldErrors: {}, formError: SIGNED_OUT_ERROR } : refusedFor(who, "approver"));
    expect(await getDb().db.approval.count({ where: { changeRequestId: id } })).toBe(0);
  });

  test.each(["approver", "admin"] as const)("as %s approves another person's request", async (who) => {
    const pool = await newPool();
    const id = await submit(pool.id, await newTarget(pool.id, "prod", 1));
    as(who);
    expect(await actions.approveAction({ changeRequestId: id, planVersion: 1 })).toEqual({ ok: true, data: { status: "approved", approvals: 1, required: 1 } });
    expect((await changeRequest(id)).status).toBe("approved");
  });

  test("the author cannot approve their own request", async () => {
    const pool = await newPool();
    const id = await submit(pool.id, await newTarget(pool.id, "prod", 1), "approver");
    as("approver");
    expect(await actions.approveAction({ changeRequestId: id, planVersion: 1 })).toEqual({ ok: false, code: "cannot-approve", fieldErrors: {}, formError: "You opened this change request and authored revision 1 in this request; another approver must approve it." });
    expect(await getDb().db.approval.count({ where: { changeRequestId: id } })).toBe(0);
  });

  test("a new revision invalidates approvals and recomputes the plan", async () => {
    const pool = await newPool();
    const targetId = await newTarget(pool.id, "prod", 1);
    const id = await submit(pool.id, targetId);
    as("approver");
    expect((await actions.approveAction({ changeRequestId: id, planVersion: 1 })).ok).toBe(true);
    // The author changes the design and saves a revision.
    const version = await changeDraft(pool.id, (d) => ({ ...d, spec: { ...d.spec, deletionProtection: "ACTIVE" } }));
    expect(await poolActions.saveRevisionAction({ poolId: pool.id, version, message: "protect it" })).toEqual({ ok: true, data: { number: 2 } });
    // Applying the approved plan is now refused: it is stale.
    as("admin");
    const apply = await actions.applyAction({ changeRequestId: id, planVersion: 1 });
    expect(apply).toEqual({
      ok: false, code: "stale-plan",
      fieldErrors: {},
      formError: "The plan was recomputed because revision 2 replaces revision 1; earlier approvals no longer count. Review the new plan (version 2).",
    });
    const cr = await changeRequest(id);
    expect(cr).toMatchObject({ status: "open", planVersion: 2, revisionNumber: 2 });
    expect(JSON.parse(cr.document).spec.deletionProtection).toBe("ACTIVE");
    expect(fake.created).not.toContain(pool.name);
    // Approving the old version is refused; the new one is approved afresh.
    as("approver");
    const old = await actions.approveAction({ changeRequestId: id, planVersion: 1 });
    expect(old.ok === false && old.formError).toBe("The plan changed since you opened the page (now version 2); review it again.");
    expect(await actions.approveAction({ changeRequestId: id, planVersion: 2 })).toEqual({ ok: true, data: { status: "approved", approvals: 1, required: 1 } });
    expect(await getDb().db.approval.count({ where: { changeRequestId: id } })).toBe(2);
  });
});

describe("a stored plan of another studio version", () => {
  /** The plan as studios before plan format versions stored it: the bare plan. */
  async function storeOldPlan(id: string) {
    const cr = await changeRequest(id);
    const { formatVersion: _, ...bare } = JSON.parse(cr.plan) as Record<string, unknown>;
    await getDb().db.changeRequest.update({ where: { id }, data: { plan: JSON.stringify(bare) } });
  }

  test("is refused on the page with a re-plan offered, and a re-plan writes a current one", async () => {
    const pool = await newPool();
    const id = await submit(pool.id, await newTarget(pool.id, "prod", 1));
    await storeOldPlan(id);
    const { getChangeRequestView } = await import("./change-request-views");
    const view = await getChangeRequestView((await getDb().db.pool.findUniqueOrThrow({ where: { id: pool.id } })).workspaceId ?? "", pool.id, id);
    expect(view).toMatchObject({ plan: null, planProblem: "This plan was made by an older studio; re-plan to continue.", confirmName: null });
    as("editor");
    expect(await actions.replanAction({ changeRequestId: id })).toEqual({ ok: true, data: { changed: true, reasons: ["the stored plan was made by an older studio"], planVersion: 2 } });
    const replanned = await changeRequest(id);
    expect(JSON.parse(replanned.plan)).toMatchObject({ formatVersion: PLAN_FORMAT_VERSION, creatingPool: true });
  });

  test("an approval or an apply of it re-plans first, so nobody approves a plan the page could not show", async () => {
    const pool = await newPool();
    const id = await submit(pool.id, await newTarget(pool.id, "prod", 1));
    await storeOldPlan(id);
    as("approver");
    expect(await actions.approveAction({ changeRequestId: id, planVersion: 1 })).toEqual({
      ok: false, code: "stale-plan",
      fieldErrors: {},
      formError: "The plan was recomputed because the stored plan was made by an older studio; earlier approvals no longer count. Review the new plan (version 2).",
    });
    expect(await getDb().db.approval.count({ where: { changeRequestId: id } })).toBe(0);
    await storeOldPlan(id);
    const created = fake.created.length;
    const applied = await actions.applyAction({ changeRequestId: id, planVersion: 2 });
    expect(applied).toMatchObject({ ok: false, formError: expect.stringContaining("the stored plan was made by an older studio") });
    expect(fake.created).toHaveLength(created);
  });
});

describe("replanAction and closeChangeRequestAction", () => {
  test("replan: viewer refused; unchanged when nothing moved; picks up a new revision", async () => {
    const pool = await newPool();
    const id = await submit(pool.id, await newTarget(pool.id, "dev", 0));
    as("viewer");
    expect(await actions.replanAction({ changeRequestId: id })).toEqual(refusedFor("viewer", "editor"));
    as("editor");
    expect(await actions.replanAction({ changeRequestId: id })).toEqual({ ok: true, data: { changed: false, reasons: [], planVersion: 1 } });
    const version = await changeDraft(pool.id, (d) => ({ ...d, spec: { ...d.spec, deletionProtection: "ACTIVE" } }));
    await poolActions.saveRevisionAction({ poolId: pool.id, version, message: "" });
    expect(await actions.replanAction({ changeRequestId: id })).toEqual({ ok: true, data: { changed: true, reasons: ["revision 2 replaces revision 1"], planVersion: 2 } });
  });

  test("close: only the author or an admin; a closed request cannot be approved or applied", async () => {
    const pool = await newPool();
    const id = await submit(pool.id, await newTarget(pool.id, "dev", 0));
    as("viewer");
    expect(await actions.closeChangeRequestAction({ changeRequestId: id })).toEqual(refusedFor("viewer", "editor"));
    as("editor2");
    expect(await actions.closeChangeRequestAction({ changeRequestId: id })).toEqual({ ok: false, code: "not-author", fieldErrors: {}, formError: "Only the author or an admin can close a change request." });
    as("editor");
    expect(await actions.closeChangeRequestAction({ changeRequestId: id })).toEqual({ ok: true, data: { status: "closed" } });
    as("approver");
    expect(await actions.approveAction({ changeRequestId: id, planVersion: 1 })).toEqual({ ok: false, code: "change-request-final", fieldErrors: {}, formError: "This change request is closed; it cannot be approved." });
    expect(await actions.applyAction({ changeRequestId: id, planVersion: 1 })).toEqual({ ok: false, code: "change-request-final", fieldErrors: {}, formError: "This change request is closed; it cannot be applied." });
  });
});

describe("applyAction", () => {
  test.each(["anonymous", "viewer", "editor"] as const)("is refused as %s", async (who) => {
    const pool = await newPool();
    const id = await submit(pool.id, await newTarget(pool.id, "dev", 0));
    as(who);
    const result = await actions.applyAction({ changeRequestId: id, planVersion: 1 });
    expect(result).toEqual(who === "anonymous" ? { ok: false, fieldErrors: {}, formError: SIGNED_OUT_ERROR } : refusedFor(who, "approver"));
    expect(fake.created).not.toContain(pool.name);
    expect(await getDb().db.applyRun.count({ where: { changeRequestId: id } })).toBe(0);
  });

  test("needs the target's approvals by someone other than the author", async () => {
    const pool = await newPool();
    const id = await submit(pool.id, await newTarget(pool.id, "prod", 1), "approver");
    as("approver");
    expect(await actions.applyAction({ changeRequestId: id, planVersion: 1 })).toEqual({
      ok: false, code: "approvals-missing",
      fieldErrors: {},
      formError: "Target prod needs 1 approval(s) of this plan by someone who did not write it; it has 0. Approvals: 0 of 1 needed; another approver must approve.",
    });
    expect(fake.created).not.toContain(pool.name);
  });

  test.each(["approver", "admin"] as const)("as %s creates the pool, records the run, links the target and audits the steps", async (who) => {
    const pool = await newPool();
    const targetId = await newTarget(pool.id, "dev", 0);
    const id = await submit(pool.id, targetId);
    as(who);
    const result = await actions.applyAction({ changeRequestId: id, planVersion: 1 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({ status: "succeeded", steps: [{ resource: "user_pool", action: "create", outcome: "ok" }], poolId: pool.id, targetName: "dev" });
    expect(result.data.userPoolId).toMatch(/^eu-west-1_Fake\d+$/u);
    expect(result.data.newClientSecrets).toBeUndefined();
    expect(fake.created.filter((n) => n === pool.name)).toHaveLength(1);
    expect((await getDb().db.target.findUniqueOrThrow({ where: { id: targetId } })).userPoolId).toBe(result.data.userPoolId);
    expect((await changeRequest(id)).status).toBe("applied");
    const run = await getDb().db.applyRun.findFirstOrThrow({ where: { changeRequestId: id } });
    expect(run).toMatchObject({ status: "succeeded", appliedBy: `${who}@example.com`, planVersion: 1, userPoolId: result.data.userPoolId, error: null });
    expect(JSON.parse(run.steps)).toEqual([{ resource: "user_pool", action: "create", outcome: "ok" }]);
    const audit = await getDb().db.auditEvent.findFirstOrThrow({ where: { action: "change-request.apply", target: id } });
    expect(audit.after).toBe(`succeeded on dev (${result.data.userPoolId})`);
    expect(JSON.parse(audit.details).steps).toEqual(["ok create user_pool"]);
    expect(await getDb().db.applyLock.count({ where: { targetId } })).toBe(0);
    // Applied is final: a second apply is refused and nothing is created again.
    expect(await actions.applyAction({ changeRequestId: id, planVersion: 1 })).toEqual({ ok: false, code: "change-request-final", fieldErrors: {}, formError: "This change request is applied; it cannot be applied." });
    expect(fake.created.filter((n) => n === pool.name)).toHaveLength(1);
  });

  test("a failed apply shows the AWS error, releases the lock and can be applied again", async () => {
    const pool = await newPool();
    const targetId = await newTarget(pool.id, "dev", 0);
    const id = await submit(pool.id, targetId);
    as("approver");
    fake.fail = "LimitExceededException";
    const failed = await actions.applyAction({ changeRequestId: id, planVersion: 1 });
    expect(failed.ok && failed.data).toMatchObject({
      status: "failed",
      error: "user_pool: LimitExceededException: Too many pools in this account",
      steps: [{ resource: "user_pool", action: "create", outcome: "failed", error: { code: "LimitExceededException", message: "Too many pools in this account" } }],
    });
    expect((await changeRequest(id)).status).toBe("failed");
    expect(await getDb().db.applyLock.count({ where: { targetId } })).toBe(0);
    // The pool's status comes from the applies: this one failed, and nothing was applied before.
    expect((await listDeployments([pool.id])).get(pool.id)).toEqual([
      { targetId, target: "dev", state: "failed", failure: "create user_pool: LimitExceededException", at: expect.any(Date) },
    ]);
    fake.fail = undefined;
    const retried = await actions.applyAction({ changeRequestId: id, planVersion: 1 });
    expect(retried.ok && retried.data.status).toBe("succeeded");
    expect((await listDeployments([pool.id])).get(pool.id)).toEqual([{ targetId, target: "dev", state: "applied", appliedRevision: 1, at: expect.any(Date) }]);
    expect((await getDb().db.applyRun.findMany({ where: { changeRequestId: id }, orderBy: { startedAt: "asc" } })).map((r) => r.status)).toEqual(["failed", "succeeded"]);
  });

  test("each AWS write is saved on the run as it finishes, so a run in progress (or interrupted) shows what it did", async () => {
    const pool = await newPool();
    const targetId = await newTarget(pool.id, "dev", 0);
    const version = await changeDraft(pool.id, (d) => ({ ...d, spec: { ...d.spec, mfaConfiguration: "OFF" } }));
    as("editor");
    const submitted = await actions.submitChangeRequestAction({ poolId: pool.id, targetId, draftVersion: version, title: "with MFA", description: "" });
    if (!submitted.ok) throw new Error(JSON.stringify(submitted));
    let release: (error: Error) => void = () => {};
    fake.mfa = new Promise<void>((_resolve, reject) => {
      release = reject;
    });
    let releaseCreate: () => void = () => {};
    fake.create = new Promise<void>((resolve) => {
      releaseCreate = resolve;
    });
    as("approver");
    const pending = actions.applyAction({ changeRequestId: submitted.data.id, planVersion: 1 });
    const db = getDb().db;
    let lock = await db.applyLock.findUnique({ where: { targetId } });
    for (let i = 0; i < 100 && !lock; i++) {
      await new Promise((r) => setTimeout(r, 20));
      lock = await db.applyLock.findUnique({ where: { targetId } });
    }
    releaseCreate();
    fake.create = undefined;
    let run = await db.applyRun.findFirst({ where: { changeRequestId: submitted.data.id } });
    for (let i = 0; i < 100 && (!run || JSON.parse(run.progress).length === 0); i++) {
      await new Promise((r) => setTimeout(r, 20));
      run = await db.applyRun.findFirst({ where: { changeRequestId: submitted.data.id } });
    }
    // The pool is created; the MFA call hangs: the row says running, with the finished call.
    expect(run?.status).toBe("running");
    expect(JSON.parse(run?.progress ?? "[]")).toEqual([{ at: expect.any(String), call: "createUserPool", subject: pool.name, outcome: "ok" }]);
    release(Object.assign(new Error("MFA is not available"), { name: "InvalidParameterException" }));
    const result = await pending;
    fake.mfa = undefined;
    expect(result.ok && result.data.status).toBe("failed");
    const done = await db.applyRun.findFirstOrThrow({ where: { changeRequestId: submitted.data.id } });
    expect(JSON.parse(done.progress).map((p: { call: string; outcome: string; error?: { code: string } }) => `${p.call} ${p.outcome}${p.error ? ` ${p.error.code}` : ""}`)).toEqual([
      "createUserPool ok",
      "setUserPoolMfaConfig failed InvalidParameterException",
    ]);
    expect(JSON.parse(done.steps).map((s: { resource: string; outcome: string }) => `${s.resource} ${s.outcome}`)).toEqual(["user_pool ok", "mfa_config failed"]);
    // The pool it created is linked, so a re-plan is against it (resume, not create again).
    expect((await db.target.findUniqueOrThrow({ where: { id: targetId } })).userPoolId).toBe(done.userPoolId);
  });

  test("one apply per target: a held lock refuses; an expired one is taken over and its run marked interrupted", async () => {
    const pool = await newPool();
    const targetId = await newTarget(pool.id, "dev", 0);
    const id = await submit(pool.id, targetId);
    const db = getDb().db;
    await db.applyLock.create({ data: { targetId, runId: "other-run", holder: "admin@example.com", expiresAt: new Date(Date.now() + 60_000) } });
    as("approver");
    const refused = await actions.applyAction({ changeRequestId: id, planVersion: 1 });
    expect(refused.ok === false && refused.formError).toMatch(/^Another apply to target dev is running \(by admin@example\.com since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\); wait for it to finish\.$/u);
    expect(fake.created).not.toContain(pool.name);
    // The other server died: its lock expired and its run stayed "running".
    await db.applyLock.update({ where: { targetId }, data: { expiresAt: new Date(Date.now() - 1000), runId: "dead-run" } });
    await db.applyRun.create({ data: { id: "dead-run", changeRequestId: id, targetId, appliedBy: "admin@example.com", planVersion: 1 } });
    const applied = await actions.applyAction({ changeRequestId: id, planVersion: 1 });
    expect(applied.ok && applied.data.status).toBe("succeeded");
    const dead = await db.applyRun.findUniqueOrThrow({ where: { id: "dead-run" } });
    expect(dead.status).toBe("failed");
    expect(dead.error).toBe("interrupted: the server stopped during this apply (its lock expired); re-plan and apply again");
    // The takeover is in the audit log: whose lock, of which run, taken by whom.
    const takeover = await db.auditEvent.findFirstOrThrow({ where: { action: "apply-lock.takeover", target: targetId } });
    expect(takeover.actor).toBe("approver@example.com");
    expect(takeover.poolId).toBe(pool.id);
    expect(takeover.before).toMatch(/^target lock of run dead-run by admin@example\.com, taken [\d-]+ [\d:]+ UTC, expired [\d-]+ [\d:]+ UTC$/u);
    expect(takeover.after).toMatch(/^taken over by approver@example\.com for run [\w-]+$/u);
  });

  test("two lock attempts at once: exactly one wins", async () => {
    const pool = await newPool();
    const targetId = await newTarget(pool.id, "dev", 0);
    const db = getDb().db;
    const results = await Promise.all(
      ["a", "b", "c"].map((runId) => acquireApplyLock({ targetId, poolKey: null, runId, holder: runId, ttlMs: 60_000, workspaceId: null, poolId: pool.id }, db)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.applyLock.count({ where: { targetId } })).toBe(1);
  });
});

describe("needsNameConfirmation", () => {
  const base: PoolDocument = {
    apiVersion: "cognito-studio.dev/v1",
    kind: "UserPool",
    metadata: { name: "orders" },
    spec: { region: "eu-west-1", usernameAttributes: ["email"], clients: [{ name: "web", generateSecret: false, callbackUrls: ["https://a.example.com/cb"] }] },
  };
  const withSpec = (spec: Partial<PoolDocument["spec"]>): PoolDocument => ({ ...base, spec: { ...base.spec, ...spec } });
  test.each([
    { what: "an in-place client change", desired: withSpec({ clients: [{ name: "web", generateSecret: false, callbackUrls: ["https://b.example.com/cb"] }] }), expected: false },
    { what: "a client replacement (generateSecret)", desired: withSpec({ clients: [{ name: "web", generateSecret: true, callbackUrls: ["https://a.example.com/cb"] }] }), expected: true },
    { what: "a pool replacement (usernameAttributes)", desired: withSpec({ usernameAttributes: ["phone_number"] }), expected: true },
    { what: "a client deletion", desired: withSpec({ clients: [] }), expected: true },
    { what: "a group deletion", desired: withSpec({ groups: [] }), expected: true, base: withSpec({ groups: [{ name: "admins" }] }) },
    { what: "a domain replacement (new prefix)", desired: withSpec({ domain: { domain: "orders-two" } }), expected: true, base: withSpec({ domain: { domain: "orders-one" } }) },
    { what: "a resource server replacement (new identifier)", desired: withSpec({ resourceServers: [{ identifier: "https://api2", name: "api", scopes: [] }] }), expected: true, base: withSpec({ resourceServers: [{ identifier: "https://api", name: "api", scopes: [] }] }) },
    { what: "adding a group", desired: withSpec({ groups: [{ name: "admins" }] }), expected: false },
  ])("$what → $expected", ({ desired, expected, base: current = base }) => {
    expect(needsNameConfirmation(planChanges(current, desired))).toBe(expected);
  });
});

describe("audit", () => {
  test("filters by pool, person and action", async () => {
    const pool = await newPool();
    const id = await submit(pool.id, await newTarget(pool.id, "dev", 0));
    as("editor2");
    await actions.commentAction({ changeRequestId: id, body: "looks good" });
    const workspaceId = (await getDb().db.pool.findUniqueOrThrow({ where: { id: pool.id } })).workspaceId ?? "";
    const byPool = await listAuditEvents(workspaceId, { poolId: pool.id });
    expect(byPool.map((e) => e.action)).toEqual(["change-request.comment", "change-request.submit", "pool.create"]);
    expect(byPool.every((e) => e.poolName === pool.name)).toBe(true);
    const byPerson = await listAuditEvents(workspaceId, { poolId: pool.id, actor: "editor2@example.com" });
    expect(byPerson.map((e) => [e.actor, e.action, e.after])).toEqual([["editor2@example.com", "change-request.comment", "looks good"]]);
    expect((await listAuditEvents(workspaceId, { action: "change-request.submit", poolId: pool.id })).map((e) => e.target)).toEqual([id]);
    const facets = await listAuditFacets(workspaceId);
    expect(facets.actions).toContain("change-request.comment");
    expect(facets.actors).toContain("editor2@example.com");
  });

  test("no code in the app deletes audit events, and only the autosave coalescing (lib/server/audit.ts) updates one", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const offenders: string[] = [];
    const walk = (folder: string) => {
      for (const name of readdirSync(folder)) {
        if (name === "node_modules" || name === "generated" || name.startsWith(".")) continue;
        const full = path.join(folder, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.(ts|tsx)$/u.test(name) && !name.endsWith(".test.ts")) {
          const text = readFileSync(full, "utf8");
          const relative = path.relative(root, full);
          const updates = relative === path.join("lib", "server", "audit.ts") ? /auditEvent\.(upsert|delete|deleteMany|updateMany)\b/u : /auditEvent\.(update|updateMany|upsert|delete|deleteMany)\b/u;
          if (updates.test(text)) offenders.push(relative);
        }
      }
    };
    for (const folder of ["app", "lib", "components", "cli"]) walk(path.join(root, folder));
    expect(offenders).toEqual([]);
  });
});

describe("setMemberRoleAction", () => {
  test.each(["viewer", "editor", "approver"] as const)("is refused as %s", async (who) => {
    as(who);
    expect(await memberActions.setMemberRoleAction({ userId: users.viewer, role: "admin" })).toEqual(refusedFor(who, "admin"));
    expect((await getDb().db.membership.findFirstOrThrow({ where: { userId: users.viewer } })).role).toBe("viewer");
  });

  test("an admin changes a role (audited); the last admin cannot be demoted; unknown roles are refused", async () => {
    const late = await createAccount({ email: "late@example.com", name: "Late", password: "password-late" });
    as("anonymous");
    expect(await memberActions.setMemberRoleAction({ userId: late.id, role: "editor" })).toEqual({ ok: false, fieldErrors: {}, formError: SIGNED_OUT_ERROR });
    as("admin");
    expect(await memberActions.setMemberRoleAction({ userId: late.id, role: "editor" })).toEqual({ ok: true, data: { role: "editor" } });
    const audit = await getDb().db.auditEvent.findFirstOrThrow({ where: { action: "member.role", target: late.id } });
    expect([audit.actor, audit.before, audit.after]).toEqual(["admin@example.com", "late@example.com viewer", "late@example.com editor"]);
    expect(await memberActions.setMemberRoleAction({ userId: users.admin, role: "viewer" })).toEqual({
      ok: false, code: "last-admin",
      fieldErrors: {},
      formError: "The workspace needs at least one admin; make someone else admin first.",
    });
    const bad = await memberActions.setMemberRoleAction({ userId: late.id, role: "owner" });
    expect(bad.ok === false && Object.keys(bad.fieldErrors)).toEqual(["role"]);
  });
});

describe("pullLiveIntoDraftAction", () => {
  test("anonymous and viewers are refused; a target without a live pool has nothing to pull", async () => {
    const pool = await newPool();
    const targetId = await newTarget(pool.id, "dev", 0);
    as("anonymous");
    expect(await actions.pullLiveIntoDraftAction({ targetId, draftVersion: 1 })).toEqual({ ok: false, fieldErrors: {}, formError: SIGNED_OUT_ERROR });
    as("viewer");
    expect(await actions.pullLiveIntoDraftAction({ targetId, draftVersion: 1 })).toEqual(refusedFor("viewer", "editor"));
    as("editor");
    expect(await actions.pullLiveIntoDraftAction({ targetId, draftVersion: 1 })).toEqual({ ok: false, code: "no-live-pool", fieldErrors: {}, formError: "Target dev has no user pool yet: there is nothing to compare." });
    expect(await draftVersion(pool.id)).toBe(1);
  });
});

describe("checkDriftAction", () => {
  test("checks the session, the role and the workspace on the server; a refused or failed check records nothing", async () => {
    const pool = await newPool();
    const targetId = await newTarget(pool.id, "dev", 0);
    as("anonymous");
    expect(await actions.checkDriftAction({ targetId })).toEqual({ ok: false, fieldErrors: {}, formError: SIGNED_OUT_ERROR });
    as("viewer");
    expect(await actions.checkDriftAction({ targetId })).toEqual(refusedFor("viewer", "editor"));
    // An editor of another workspace: the target is not theirs to read.
    const other = await getDb().db.workspace.create({ data: { name: "Other shop" } });
    const home = await getDb().db.membership.findFirstOrThrow({ where: { userId: users.editor2 } });
    await getDb().db.membership.update({ where: { id: home.id }, data: { workspaceId: other.id } });
    try {
      as("editor2");
      expect(await actions.checkDriftAction({ targetId })).toEqual({ ok: false, code: "target-not-found", fieldErrors: {}, formError: "This target no longer exists." });
    } finally {
      await getDb().db.membership.update({ where: { id: home.id }, data: { workspaceId: home.workspaceId } });
    }
    as("editor");
    expect(await actions.checkDriftAction({ targetId })).toEqual({ ok: false, code: "no-live-pool", fieldErrors: {}, formError: "Target dev has no user pool yet: there is nothing to compare." });
    expect(await getDb().db.driftCheck.count({ where: { targetId } })).toBe(0);
    const failed = await getDb().db.auditEvent.findFirstOrThrow({ where: { action: "target.drift-check.failed", actor: "editor@example.com" }, orderBy: { at: "desc" } });
    expect(failed.after).toBe("Target dev has no user pool yet: there is nothing to compare.");
    expect(await getDb().db.auditEvent.count({ where: { action: "target.drift-check.denied" } })).toBeGreaterThanOrEqual(1);
  });
});
