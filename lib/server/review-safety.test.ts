import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { CognitoPort } from "@/lib/cognito/aws";
import { strictFakePort } from "@/test/support/stub-ports";
import type { PoolDocument } from "@/lib/cognito/spec";
import { migrate } from "@/prisma/migrate.mjs";
import type { Db } from "./db";
import type { Role } from "@/lib/contracts/roles";
import type { Account } from "./users";
import { newBlankPool, useTemporarySqlite } from "@/test/support/studio-db";

// Reviews that cannot be gamed, on a real SQLite file: separation of duties, approvals and applies that
// re-check what they rely on, the apply lock's heartbeat. Only the session lookup and the Cognito port
// are replaced; the port is an SDK stub (it creates pools and can hang on demand), which is what lets a
// test hold an AWS call open for as long as it likes.
const database = useTemporarySqlite("studio-review-safety-");

const { getDb } = await import("./db");
const { setSessionLookup } = await import("./session");
const { createAccount } = await import("./users");
const { setTargetPortFactory, setTargetPreflightFactory } = await import("./target-port");
const { stubPreflightPort } = await import("@/test/support/stub-ports");
const { approveChangeRequest, applyChangeRequest } = await import("./change-requests");
const { getChangeRequestView } = await import("./change-request-views");
const { setApplyLockTiming } = await import("./apply-lock");
const poolActions = await import("@/app/pools/actions");
const actions = await import("@/app/pools/review-actions");

type Who = Exclude<Role, "viewer"> | "editor2";
const ROLE_OF: Record<Who, Role> = { editor: "editor", editor2: "editor", approver: "approver", admin: "admin" };
const accounts = {} as Record<Who, Account>;

function as(who: Who) {
  setSessionLookup(async () => ({ userId: accounts[who].id }));
}

/** The SDK stub: creates pools (ids Fake1, Fake2…); `hang` holds CreateUserPool open until it settles. */
const fake = { created: [] as string[], hang: undefined as Promise<void> | undefined };
function fakePort(): CognitoPort {
  const port = {
    region: "eu-west-1",
    async createUserPool(input: { PoolName?: string }) {
      await fake.hang;
      fake.created.push(input.PoolName ?? "");
      return { Id: `eu-west-1_Fake${fake.created.length}`, Name: input.PoolName };
    },
  };
  return strictFakePort(port);
}

beforeAll(async () => {
  await migrate(process.env.DATABASE_URL);
  const admin = await createAccount({ email: "admin@example.com", name: "Admin", password: "password-admin" });
  accounts.admin = admin;
  for (const who of ["editor", "editor2", "approver"] as const) {
    const created = await createAccount({ email: `${who}@example.com`, name: who, password: `password-${who}` });
    await getDb().db.membership.updateMany({ where: { userId: created.id }, data: { role: ROLE_OF[who] } });
    accounts[who] = { ...created, role: ROLE_OF[who] };
  }
  setTargetPortFactory(() => fakePort());
  setTargetPreflightFactory(() => stubPreflightPort());
});

afterAll(async () => {
  setSessionLookup(undefined);
  setTargetPortFactory(undefined);
  setTargetPreflightFactory(undefined);
  setApplyLockTiming(undefined);
  await getDb().db.$disconnect();
  database.remove();
});

beforeEach(() => {
  fake.hang = undefined;
});

let counter = 0;
const newPool = () => newBlankPool(`safety-${++counter}`, () => as("editor"));

async function newTarget(poolId: string, name: string, requiredApprovals: number): Promise<string> {
  return (await getDb().db.target.create({ data: { poolId, name, region: "eu-west-1", requiredApprovals } })).id;
}

async function submit(poolId: string, targetId: string, who: Who = "editor"): Promise<string> {
  as(who);
  const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId } });
  const result = await actions.submitChangeRequestAction({ poolId, targetId, draftVersion: draft.version, title: "A change", description: "" });
  if (!result.ok) throw new Error(`submit failed: ${JSON.stringify(result)}`);
  return result.data.id;
}

/** `who` edits the draft and saves it as a revision. */
async function saveRevision(poolId: string, who: Who, edit: (doc: PoolDocument) => PoolDocument): Promise<number> {
  as(who);
  const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId } });
  const saved = await poolActions.saveDraftAction({ poolId, version: draft.version, document: edit(JSON.parse(draft.document) as PoolDocument) });
  if (!saved.ok) throw new Error(`save failed: ${JSON.stringify(saved)}`);
  const revision = await poolActions.saveRevisionAction({ poolId, version: saved.data.version, message: `by ${who}` });
  if (!revision.ok) throw new Error(`revision failed: ${JSON.stringify(revision)}`);
  return revision.data.number;
}

const protect = (d: PoolDocument): PoolDocument => ({ ...d, spec: { ...d.spec, deletionProtection: "ACTIVE" } });
const changeRequest = (id: string) => getDb().db.changeRequest.findUniqueOrThrow({ where: { id } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The database client, except that `inject` runs once just before the first of `calls` (a model method,
 * or `$.$transaction`): another server acting between this one's checks and its write.
 */
function interceptOnce(db: Db, calls: [string, string][], inject: () => Promise<void>): Db {
  let fired = false;
  const wrap = (fn: (...args: unknown[]) => unknown, self: unknown) => async (...args: unknown[]) => {
    if (!fired) {
      fired = true;
      await inject();
    }
    return fn.apply(self, args);
  };
  return new Proxy(db, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      for (const [model, method] of calls) {
        if (model === "$" && prop === method) return wrap(value as (...args: unknown[]) => unknown, target);
        if (prop === model) {
          return new Proxy(value as object, {
            get(delegate, name) {
              const member: unknown = Reflect.get(delegate, name, delegate);
              if (name === method) return wrap(member as (...args: unknown[]) => unknown, delegate);
              return typeof member === "function" ? member.bind(delegate) : member;
            },
          });
        }
      }
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

async function refusal(run: Promise<unknown>): Promise<string> {
  return run.then(
    () => "(not refused)",
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
}

describe("separation of duties", () => {
  test("an approver who saved a revision into someone else's request and re-planned it cannot approve it; the apply is refused", async () => {
    const pool = await newPool();
    const targetId = await newTarget(pool.id, "prod", 1);
    const id = await submit(pool.id, targetId, "editor");
    // The attack: the approver edits the draft, saves revision 2, re-plans the editor's request…
    expect(await saveRevision(pool.id, "approver", protect)).toBe(2);
    as("approver");
    expect(await actions.replanAction({ changeRequestId: id })).toEqual({ ok: true, data: { changed: true, reasons: ["revision 2 replaces revision 1"], planVersion: 2 } });
    // …and approves it herself: refused, with why.
    expect(await actions.approveAction({ changeRequestId: id, planVersion: 2 })).toEqual({
      ok: false, code: "cannot-approve",
      fieldErrors: {},
      formError: "You authored revision 2 in this request and re-planned it to plan version 2 with new content (revision 2 replaces revision 1); another approver must approve it.",
    });
    expect(await getDb().db.approval.count({ where: { changeRequestId: id } })).toBe(0);
    const applied = await actions.applyAction({ changeRequestId: id, planVersion: 2 });
    expect(applied.ok === false && applied.formError).toBe(
      "Target prod needs 1 approval(s) of this plan by someone who did not write it; it has 0. Approvals: 0 of 1 needed; another approver must approve.",
    );
    expect(fake.created).not.toContain(pool.name);

    // The page says who cannot approve and why, and how many approvals count.
    const view = await getChangeRequestView(accounts.approver.workspaceId, pool.id, id);
    expect(view?.ineligible).toEqual([
      { email: "editor@example.com", reasons: ["opened this change request", "authored revision 1 in this request"] },
      { email: "approver@example.com", reasons: ["authored revision 2 in this request", "re-planned it to plan version 2 with new content (revision 2 replaces revision 1)"] },
    ]);
    expect(view?.approvalSummary).toBe("Approvals: 0 of 1 needed; another approver must approve.");
    // A target named prod without threat protection in Full function mode: a warning on the request, in the console's words.
    expect(view?.targetFindings.map((f) => f.code)).toEqual(["finding/threat-protection-not-full-function-on-production-target"]);
    expect(view?.targetFindings[0]?.message).toMatch(/^Target prod looks like production, but threat protection is Off/u);

    // Someone who wrote none of it approves; then it applies.
    as("admin");
    expect(await actions.approveAction({ changeRequestId: id, planVersion: 2 })).toEqual({ ok: true, data: { status: "approved", approvals: 1, required: 1 } });
    as("approver");
    const done = await actions.applyAction({ changeRequestId: id, planVersion: 2 });
    expect(done.ok && done.data.status).toBe("succeeded");
  });

  test("whoever re-planned a request with another person's new revision cannot approve it", async () => {
    const pool = await newPool();
    const id = await submit(pool.id, await newTarget(pool.id, "prod", 1), "editor");
    await saveRevision(pool.id, "editor2", protect);
    as("admin");
    expect((await actions.replanAction({ changeRequestId: id })).ok).toBe(true);
    expect(await actions.approveAction({ changeRequestId: id, planVersion: 2 })).toEqual({
      ok: false, code: "cannot-approve",
      fieldErrors: {},
      formError: "You re-planned it to plan version 2 with new content (revision 2 replaces revision 1); another approver must approve it.",
    });
    // A re-plan for drift alone brings no content: the approver who had nothing to do with it approves.
    as("approver");
    expect((await actions.approveAction({ changeRequestId: id, planVersion: 2 })).ok).toBe(true);
  });

  test("revisions already applied to the target are not part of the next request: their author may approve it", async () => {
    const pool = await newPool();
    const targetId = await newTarget(pool.id, "prod", 1);
    const first = await submit(pool.id, targetId, "admin");
    as("approver");
    expect((await actions.approveAction({ changeRequestId: first, planVersion: 1 })).ok).toBe(true);
    const applied = await actions.applyAction({ changeRequestId: first, planVersion: 1 });
    expect(applied.ok && applied.data.status).toBe("succeeded");
    // The stub cannot read pools back: the next plan is made against nothing, as for a new target.
    await getDb().db.target.update({ where: { id: targetId }, data: { userPoolId: null } });
    await saveRevision(pool.id, "editor", protect);
    const second = await submit(pool.id, targetId, "editor");
    expect((await changeRequest(second)).revisionNumber).toBe(2);
    const view = await getChangeRequestView(accounts.admin.workspaceId, pool.id, second);
    expect(view?.ineligible).toEqual([{ email: "editor@example.com", reasons: ["opened this change request", "authored revision 2 in this request"] }]);
    as("admin");
    expect((await actions.approveAction({ changeRequestId: second, planVersion: 1 })).ok).toBe(true);
  });
});

describe("approvals and applies re-check what they rely on", () => {
  test("an approval racing a re-plan fails instead of leaving 'approved' on a plan nobody approved", async () => {
    const pool = await newPool();
    const id = await submit(pool.id, await newTarget(pool.id, "prod", 1), "editor");
    const raced = interceptOnce(getDb().db, [["$", "$transaction"], ["approval", "create"]], async () => {
      // Meanwhile, on another server: a new revision and a re-plan (plan version 2).
      await saveRevision(pool.id, "editor2", protect);
      as("editor");
      await actions.replanAction({ changeRequestId: id });
    });
    expect(await refusal(approveChangeRequest(accounts.approver, { changeRequestId: id, planVersion: 1 }, raced))).toBe(
      "This change request changed while you were approving it (now open, plan version 2); reload and review it again.",
    );
    expect(await changeRequest(id)).toMatchObject({ status: "open", planVersion: 2 });
    expect(await getDb().db.approval.count({ where: { changeRequestId: id } })).toBe(0);
  });

  test("approving while changes are requested is refused; the request stays 'changes requested'", async () => {
    const pool = await newPool();
    const id = await submit(pool.id, await newTarget(pool.id, "prod", 1), "editor");
    as("approver");
    expect((await actions.requestChangesAction({ changeRequestId: id, body: "Not this way" })).ok).toBe(true);
    as("admin");
    const approved = await actions.approveAction({ changeRequestId: id, planVersion: 1 });
    expect(approved.ok === false && approved.formError).toBe("An approver requested changes on this plan; it can be approved once a new revision (or a re-plan) makes a new plan.");
    expect((await changeRequest(id)).status).toBe("changes_requested");
  });

  test("a request for changes that lands between the apply's checks and its lock stops the apply", async () => {
    const pool = await newPool();
    const targetId = await newTarget(pool.id, "dev", 0);
    const id = await submit(pool.id, targetId, "editor");
    const raced = interceptOnce(getDb().db, [["changeRequest", "findUniqueOrThrow"]], async () => {
      as("admin");
      const requested = await actions.requestChangesAction({ changeRequestId: id, body: "Stop: wrong callback" });
      if (!requested.ok) throw new Error(JSON.stringify(requested));
    });
    expect(await refusal(applyChangeRequest(accounts.approver, { changeRequestId: id, planVersion: 1 }, raced))).toBe(
      "An approver requested changes; save a new revision (or re-plan) before applying.",
    );
    expect(fake.created).not.toContain(pool.name);
    expect(await getDb().db.applyRun.count({ where: { changeRequestId: id } })).toBe(0);
    expect(await getDb().db.applyLock.count({ where: { targetId } })).toBe(0);
  });

  test("an approval that stops counting between the apply's checks and its lock (the approver demoted) stops the apply", async () => {
    const pool = await newPool();
    const targetId = await newTarget(pool.id, "prod", 1);
    const id = await submit(pool.id, targetId, "editor");
    as("approver");
    expect((await actions.approveAction({ changeRequestId: id, planVersion: 1 })).ok).toBe(true);
    const membership = { userId: accounts.approver.id, workspaceId: accounts.approver.workspaceId };
    const raced = interceptOnce(getDb().db, [["changeRequest", "findUniqueOrThrow"]], async () => {
      await getDb().db.membership.updateMany({ where: membership, data: { role: "editor" } });
    });
    try {
      expect(await refusal(applyChangeRequest(accounts.admin, { changeRequestId: id, planVersion: 1 }, raced))).toBe(
        "Target prod needs 1 approval(s) of this plan by someone who did not write it; it has 0; not counted: approver@example.com (is no longer an approver of this workspace). Approvals: 0 of 1 needed; another approver must approve.",
      );
      expect(fake.created).not.toContain(pool.name);
      const view = await getChangeRequestView(accounts.admin.workspaceId, pool.id, id);
      expect(view?.approvalsNotCounted).toEqual([{ approver: "approver@example.com", why: "is no longer an approver of this workspace" }]);
    } finally {
      await getDb().db.membership.updateMany({ where: membership, data: { role: "approver" } });
    }
  });
});

describe("the apply lock's heartbeat", () => {
  test("while an AWS call hangs past the lock's expiry, the heartbeat keeps the lock: a second apply is refused, not let in", async () => {
    setApplyLockTiming({ ttlMs: 600, heartbeatMs: 100 });
    try {
      const pool = await newPool();
      const targetId = await newTarget(pool.id, "dev", 0);
      const first = await submit(pool.id, targetId, "editor");
      const second = await submit(pool.id, targetId, "editor2");
      let release: () => void = () => {};
      fake.hang = new Promise<void>((resolve) => (release = resolve));
      as("approver");
      const running = actions.applyAction({ changeRequestId: first, planVersion: 1 });
      const db = getDb().db;
      for (let i = 0; i < 100 && (await db.applyLock.count({ where: { targetId } })) === 0; i++) await sleep(20);
      // CreateUserPool hangs for 2.5 lock lifetimes.
      await sleep(1500);
      as("admin");
      const refused = await actions.applyAction({ changeRequestId: second, planVersion: 1 });
      expect(refused.ok === false && refused.formError).toMatch(/^Another apply to target dev is running \(by approver@example\.com since [\d-]+ [\d:]+ UTC\); wait for it to finish\.$/u);
      const lock = await db.applyLock.findUniqueOrThrow({ where: { targetId } });
      expect(lock.expiresAt.getTime()).toBeGreaterThan(Date.now());
      expect(await db.auditEvent.count({ where: { action: "apply-lock.takeover", target: targetId } })).toBe(0);
      release();
      const done = await running;
      expect(done.ok && done.data.status).toBe("succeeded");
      expect(fake.created.filter((n) => n === pool.name)).toHaveLength(1);
      // Finished: the lock is released and the heartbeat stopped (nothing writes it again).
      await sleep(300);
      expect(await db.applyLock.count({ where: { targetId } })).toBe(0);
    } finally {
      setApplyLockTiming(undefined);
    }
  });
});
