/**
 * One pool through team review against moto, test after test: an approved change request creates it, drift
 * between approval and apply resets the approvals, a drift check pulls a change made by hand and is recorded, a second target
 * naming the same live pool waits for the live-pool lock, and an approver cannot approve a request she wrote into.
 */
import { CreateUserPoolClientCommand, DeleteUserPoolClientCommand, ListUserPoolClientsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { describe, expect, test } from "vitest";
import { planChanges } from "@/lib/cognito/plan";
import type { PoolDocument } from "@/lib/cognito/spec";
import type { Harness } from "./harness";

/** The pool the tests share, set by the first. */
interface TeamPool {
  poolId: string;
  targetId: string;
  document: PoolDocument;
  userPoolId: string;
}

export function describeOnePoolThroughReview(h: Harness): void {
  const team = {} as TeamPool;
  describe("one pool through review", () => {
    test("an approved change request creates the pool; read back, it matches the design", () => createsThePool(h, team));
    test("drift between approval and apply resets the approvals; approved again, the apply goes through", () => driftResetsApprovals(h, team));
    test("a drift check shows what changed outside the studio, and pulls it into the draft", () => driftCheckPullsIntoDraft(h, team));
    test("a recorded drift check: In sync, then a change made behind the studio's back reads Drifted in the pools list's words", () => recordedDriftCheck(h, team));
    test("two targets naming the same live pool: while one applies, the other is refused with the other target's name", () => livePoolLockHoldsSecondTarget(h, team));
    test("an approver who adds a client to someone else's request cannot approve it; the client never reaches the live pool", () => approverCannotApproveOwnAddition(h, team));
  });
}

async function createsThePool(h: Harness, team: TeamPool): Promise<void> {
  const { id: poolId, document } = await h.newPool("team-orders");
  const targetId = await h.addTarget(poolId, "prod", 1);
  Object.assign(team, { poolId, document, targetId });
  const id = await h.submit(poolId, targetId, "Create the orders pool");
  await h.approve(id);
  h.as("approver");
  const applied = await h.actions().applyAction({ changeRequestId: id, planVersion: 1 });
  expect(applied.ok, JSON.stringify(applied)).toBe(true);
  if (!applied.ok) return;
  expect(applied.data.status).toBe("succeeded");
  expect(applied.data.steps.every((s) => s.outcome === "ok")).toBe(true);
  expect(applied.data.steps.map((s) => s.resource)).toEqual(expect.arrayContaining(["user_pool", 'app_client["spa"]', 'app_client["confidential-server"]']));
  // The confidential client's secret is returned once, and stored nowhere.
  const secret = applied.data.newClientSecrets?.["confidential-server"];
  expect(secret).toMatch(/^\S{20,}$/u);
  expect(Object.keys(applied.data.newClientSecrets ?? {})).toEqual(["confidential-server"]);
  const run = await h.db().applyRun.findFirstOrThrow({ where: { changeRequestId: id } });
  const audit = await h.db().auditEvent.findFirstOrThrow({ where: { action: "change-request.apply", target: id } });
  expect(run.steps).not.toContain(secret);
  expect(`${audit.after}${audit.details}`).not.toContain(secret ?? "");

  const userPoolId = applied.data.userPoolId ?? "";
  team.userPoolId = userPoolId;
  expect(userPoolId).toMatch(/^eu-west-1_/u);
  expect((await h.db().target.findUniqueOrThrow({ where: { id: targetId } })).userPoolId).toBe(userPoolId);
  const live = await h.readLive(userPoolId, document);
  expect(live.document.metadata.name).toBe("team-orders");
  expect(Object.keys(live.live.clientIds).sort()).toEqual(["confidential-server", "spa"]);
  const replan = planChanges(live.document, document);
  expect(replan.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action} ${JSON.stringify(e.changes)}`)).toEqual([]);
}

async function driftResetsApprovals(h: Harness, team: TeamPool): Promise<void> {
  const { poolId, targetId, document, userPoolId } = team;
  // A change: the SPA gets a second callback URL.
  h.as("editor");
  const draft = await h.db().draft.findUniqueOrThrow({ where: { poolId } });
  const changed: PoolDocument = {
    ...document,
    spec: { ...document.spec, clients: (document.spec.clients ?? []).map((c) => (c.name === "spa" ? { ...c, callbackUrls: [...(c.callbackUrls ?? []), "https://staging.shop.test/callback"] } : c)) },
  };
  expect((await h.poolActions().saveDraftAction({ poolId, version: draft.version, document: changed })).ok).toBe(true);
  const id = await h.submit(poolId, targetId, "Add the staging callback");
  const cr = await h.db().changeRequest.findUniqueOrThrow({ where: { id } });
  expect(cr.planUserPoolId).toBe(userPoolId);
  expect(cr.planFingerprint).toMatch(/^\w{12,}/u);
  expect(JSON.parse(cr.plan).entries.filter((e: { action: string }) => e.action !== "noop").map((e: { address: string; action: string }) => `${e.address} ${e.action}`)).toEqual([
    'app_client["spa"] update',
  ]);
  await h.approve(id);

  // Someone changes the live pool outside the studio.
  await h.sdk().send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: "made-by-hand" }));
  h.as("approver");
  const stale = await h.actions().applyAction({ changeRequestId: id, planVersion: 1 });
  expect(stale).toEqual({
    ok: false, code: "stale-plan",
    fieldErrors: {},
    formError: `The plan was recomputed because the live pool ${userPoolId} changed since the plan was made (drift); earlier approvals no longer count. Review the new plan (version 2).`,
  });
  const after = await h.db().changeRequest.findUniqueOrThrow({ where: { id } });
  expect(after).toMatchObject({ status: "open", planVersion: 2 });
  expect(after.planFingerprint).not.toBe(cr.planFingerprint);
  // Still version 2's approvals: none, so applying is refused until someone approves again.
  const unapproved = await h.actions().applyAction({ changeRequestId: id, planVersion: 2 });
  expect(unapproved.ok === false && unapproved.formError).toBe("Target prod needs 1 approval(s) of this plan by someone who did not write it; it has 0. Approvals: 0 of 1 needed; another approver must approve.");

  await h.approve(id, 2);
  h.as("admin");
  // The new plan also deletes the client made by hand (the design manages the pool's clients): that needs
  // the pool's name typed.
  const unconfirmed = await h.actions().applyAction({ changeRequestId: id, planVersion: 2 });
  expect(unconfirmed.ok === false && unconfirmed.fieldErrors.confirmName).toEqual(['This plan deletes app client "made-by-hand"; type the pool\'s name (team-orders) to apply it.']);
  const applied = await h.actions().applyAction({ changeRequestId: id, planVersion: 2, confirmName: "team-orders" });
  expect(applied.ok && applied.data.status).toBe("succeeded");
  const live = await h.readLive(userPoolId, changed);
  expect(live.document.spec.clients?.find((c) => c.name === "spa")?.callbackUrls).toContain("https://staging.shop.test/callback");
}

async function driftCheckPullsIntoDraft(h: Harness, team: TeamPool): Promise<void> {
  const { poolId, targetId, userPoolId } = team;
  const { checkTargetDrift } = await import("@/lib/server/drift");
  const workspaceId = (await h.db().pool.findUniqueOrThrow({ where: { id: poolId } })).workspaceId ?? "";
  const clean = await checkTargetDrift(workspaceId, targetId);
  expect(clean.baseline).toEqual({ kind: "applied", title: "Add the staging callback", revisionNumber: 2 });
  expect(clean.plan.hasChanges).toBe(false);
  await h.sdk().send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: "hand-made-2" }));
  const drift = await checkTargetDrift(workspaceId, targetId);
  expect(drift.plan.entries.filter((e) => e.action !== "noop").map((e) => `${e.address} ${e.action}`)).toEqual(['app_client["hand-made-2"] create']);
  h.as("editor");
  const draft = await h.db().draft.findUniqueOrThrow({ where: { poolId } });
  const pulled = await h.actions().pullLiveIntoDraftAction({ targetId, draftVersion: draft.version });
  expect(pulled).toEqual({ ok: true, data: { version: draft.version + 1, valid: true } });
  const after = JSON.parse((await h.db().draft.findUniqueOrThrow({ where: { poolId } })).document) as PoolDocument;
  expect(after.metadata.name).toBe("team-orders");
  expect((after.spec.clients ?? []).map((c) => c.name).sort()).toEqual(["confidential-server", "hand-made-2", "spa"]);
  const audit = await h.db().auditEvent.findFirstOrThrow({ where: { action: "draft.pull-live", poolId } });
  expect(audit.after).toBe(`version ${draft.version + 1} from live pool ${userPoolId}`);
}

async function recordedDriftCheck(h: Harness, team: TeamPool): Promise<void> {
  const { poolId, targetId, userPoolId } = team;
  const { describeDeployment, listDeployments } = await import("@/lib/server/deployments");
  const status = async () => {
    const [d] = (await listDeployments([poolId])).get(poolId) ?? [];
    if (!d) throw new Error("no target");
    return describeDeployment(d, new Date());
  };
  // The previous test left a client made by hand; removed, the live pool is what was applied.
  await deleteClientsNamed(h, userPoolId, "hand-made-2");
  expect(await status()).toMatchObject({ status: "applied", label: "prod: revision 2 applied" });

  h.as("editor");
  const clean = await h.actions().checkDriftAction({ targetId });
  expect(clean).toEqual({ ok: true, data: { id: expect.any(String), differences: 0 } });
  expect(await status()).toMatchObject({ status: "in-sync", label: "prod: In sync (checked just now)" });

  // Behind the studio's back: a client made in the console.
  await h.sdk().send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: "made-in-console" }));
  const drifted = await h.actions().checkDriftAction({ targetId });
  expect(drifted.ok && drifted.data.differences).toBe(1);
  expect(await status()).toMatchObject({ status: "drifted", label: "prod: Drifted: 1 setting differs (checked just now)" });

  // Recorded with who and when, the plan kept for the target page, and its audit event.
  const row = await h.db().driftCheck.findFirstOrThrow({ where: { targetId }, orderBy: { checkedAt: "desc" } });
  expect(row).toMatchObject({ checkedBy: "editor@shop.test", differences: 1, userPoolId, baseline: "revision 2 (Add the staging callback)" });
  expect(JSON.parse(row.plan).entries.filter((e: { action: string }) => e.action !== "noop").map((e: { address: string; action: string }) => `${e.address} ${e.action}`)).toEqual([
    'app_client["made-in-console"] create',
  ]);
  const audit = await h.db().auditEvent.findFirstOrThrow({ where: { action: "target.drift-check", target: targetId }, orderBy: { at: "desc" } });
  expect(audit).toMatchObject({ actor: "editor@shop.test", poolId, after: `prod (${userPoolId}): 1 setting differs from revision 2 (Add the staging callback)` });
  expect(JSON.parse(audit.details)).toEqual({ differences: 1, addresses: ['create app_client["made-in-console"]'] });
  expect(await h.db().auditEvent.count({ where: { action: "target.drift-check", target: targetId } })).toBe(2);

  // Put back as it was for the tests after this one.
  await deleteClientsNamed(h, userPoolId, "made-in-console");
}

/** Deletes the live pool's clients named `name` (made by hand in a test). */
async function deleteClientsNamed(h: Harness, userPoolId: string, name: string): Promise<void> {
  const clients = await h.sdk().send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
  for (const c of (clients.UserPoolClients ?? []).filter((c) => c.ClientName === name)) await h.sdk().send(new DeleteUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: c.ClientId }));
}

async function livePoolLockHoldsSecondTarget(h: Harness, team: TeamPool): Promise<void> {
  const { poolId, targetId, userPoolId } = team;
  // Another target (its own approval rule) names the live pool of target prod.
  const alias = await h.addTarget(poolId, "prod-alias", 0, userPoolId);
  h.as("editor");
  const draft = await h.db().draft.findUniqueOrThrow({ where: { poolId } });
  const current = JSON.parse(draft.document) as PoolDocument;
  const changed: PoolDocument = {
    ...current,
    spec: { ...current.spec, clients: (current.spec.clients ?? []).map((c) => (c.name === "spa" ? { ...c, logoutUrls: ["https://team.shop.test/bye"] } : c)) },
  };
  expect((await h.poolActions().saveDraftAction({ poolId, version: draft.version, document: changed })).ok).toBe(true);
  const viaProd = await h.submit(poolId, targetId, "Sign-out URL (prod)");
  const viaAlias = await h.submit(poolId, alias, "Sign-out URL (alias)");
  await h.approve(viaProd);

  const release = h.holdWrites();
  try {
    h.as("approver");
    const running = h.actions().applyAction({ changeRequestId: viaProd, planVersion: 1 });
    for (let i = 0; i < 200 && (await h.db().livePoolLock.count()) === 0; i++) await new Promise((r) => setTimeout(r, 25));
    h.as("admin");
    // Without a live-pool lock this second apply would start too and wait at the gate: give it 15 s.
    const refused = await Promise.race([
      h.actions().applyAction({ changeRequestId: viaAlias, planVersion: 1 }),
      new Promise<{ ok: false; formError: string }>((r) => setTimeout(() => r({ ok: false, formError: "(not refused: it started applying too)" }), 15_000)),
    ]);
    expect(refused.ok === false && refused.formError).toMatch(
      new RegExp(`^Another apply to live pool ${userPoolId} is running from target prod of pool team-orders \\(by approver@shop\\.test since [\\d-]+ [\\d:]+ UTC\\); both targets name this pool\\. Wait for it to finish\\.$`, "u"),
    );
    // Both locks or neither: the alias target's own lock was not left behind.
    expect(await h.db().applyLock.count({ where: { targetId: alias } })).toBe(0);
    expect(await h.db().applyRun.count({ where: { changeRequestId: viaAlias } })).toBe(0);
    release();
    const applied = await running;
    expect(applied.ok && applied.data.status, JSON.stringify(applied)).toBe("succeeded");
  } finally {
    release();
  }
  expect(await h.db().livePoolLock.count()).toBe(0);
  // Once the first is done the alias may apply (its plan is stale first: the live pool changed).
  h.as("admin");
  const stale = await h.actions().applyAction({ changeRequestId: viaAlias, planVersion: 1 });
  expect(stale.ok === false && stale.formError).toMatch(/^The plan was recomputed because the live pool .* changed since the plan was made \(drift\)/u);
  const after = await h.actions().applyAction({ changeRequestId: viaAlias, planVersion: 2 });
  expect(after.ok && after.data.status, JSON.stringify(after)).toBe("succeeded");
}

async function approverCannotApproveOwnAddition(h: Harness, team: TeamPool): Promise<void> {
  const { poolId, targetId, userPoolId } = team;
  h.as("editor");
  const draft = await h.db().draft.findUniqueOrThrow({ where: { poolId } });
  const id = await h.submit(poolId, targetId, "Nothing new");
  // The approver adds her own client, saves it as a revision and re-plans the editor's request.
  h.as("approver");
  const document = JSON.parse(draft.document) as PoolDocument;
  const withBackdoor: PoolDocument = { ...document, spec: { ...document.spec, clients: [...(document.spec.clients ?? []), { name: "backdoor", generateSecret: false }] } };
  const saved = await h.poolActions().saveDraftAction({ poolId, version: draft.version, document: withBackdoor });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  const revision = await h.poolActions().saveRevisionAction({ poolId, version: saved.data.version, message: "one more client" });
  expect(revision.ok).toBe(true);
  const replanned = await h.actions().replanAction({ changeRequestId: id });
  expect(replanned.ok && replanned.data.changed).toBe(true);
  const approved = await h.actions().approveAction({ changeRequestId: id, planVersion: 2 });
  expect(approved.ok === false && approved.formError).toMatch(/^You authored revision \d+ in this request and re-planned it to plan version 2 with new content/u);
  const applied = await h.actions().applyAction({ changeRequestId: id, planVersion: 2 });
  expect(applied.ok === false && applied.formError).toMatch(/^Target prod needs 1 approval\(s\) of this plan by someone who did not write it; it has 0\./u);
  const clients = await h.sdk().send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
  expect((clients.UserPoolClients ?? []).map((c) => c.ClientName)).not.toContain("backdoor");
}
