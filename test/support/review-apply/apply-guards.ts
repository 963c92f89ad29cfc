/** What stops an apply: a failed preflight, another apply of the same target, and a deletion without the pool's name typed. */
import { expect, test } from "vitest";
import type { PoolDocument } from "@/lib/cognito/spec";
import type { Role } from "@/lib/contracts/roles";
import type { Harness } from "./harness";

export function describeApplyGuards(h: Harness): void {
  test("preflight: the panel's action reports a missing SES identity, and the apply stops before any Cognito call", () => preflightStopsApply(h));
  test("two applies of one target at once: one is refused and the pool is created once", () => concurrentAppliesCreateOnce(h));
  test("a plan that deletes a client is applied only with the pool's name typed, checked on the server", () => deletionNeedsTypedName(h));
}

async function preflightStopsApply(h: Harness): Promise<void> {
  const { id: pool, document: design } = await h.newPool("team-mail");
  h.as("editor");
  const draft = await h.db().draft.findUniqueOrThrow({ where: { poolId: pool } });
  const missing = "arn:aws:ses:us-east-1:123456789012:identity/missing.shop.test";
  const changed: PoolDocument = { ...design, spec: { ...design.spec, emailConfiguration: { ...design.spec.emailConfiguration, sourceArn: missing, from: "no-reply@missing.shop.test" } } };
  expect((await h.poolActions().saveDraftAction({ poolId: pool, version: draft.version, document: changed })).ok).toBe(true);
  const target = await h.addTarget(pool, "dev", 0);
  const id = await h.submit(pool, target, "Create the mail pool");

  h.as("editor");
  const checked = await h.actions().preflightAction({ changeRequestId: id });
  expect(checked.ok, JSON.stringify(checked)).toBe(true);
  if (!checked.ok) return;
  expect(checked.data.blocked).toBe(true);
  expect(checked.data.results.map((r) => [r.code, r.path])).toEqual([
    ["aws-credentials-ok", ""],
    ["email-identity-not-found", "spec.emailConfiguration.sourceArn"],
  ]);
  expect(checked.data.results.find((r) => r.code === "email-identity-not-found")?.awsErrorWithout).toContain("InvalidEmailRoleAccessPolicyException");

  h.as("approver");
  const applied = await h.actions().applyAction({ changeRequestId: id, planVersion: 1 });
  expect(applied.ok && applied.data.status).toBe("failed");
  expect(applied.ok && applied.data.error).toContain("refused (preflight-failed)");
  expect(applied.ok && applied.data.error).toContain("missing.shop.test");
  expect(await h.poolsNamed("team-mail")).toBe(0);
  const run = await h.db().applyRun.findFirstOrThrow({ where: { changeRequestId: id } });
  expect(JSON.parse(run.progress ?? "[]")).toEqual([]);
}

async function concurrentAppliesCreateOnce(h: Harness): Promise<void> {
  const { id: otherPool } = await h.newPool("team-billing");
  const target = await h.addTarget(otherPool, "dev", 0);
  const id = await h.submit(otherPool, target, "Create billing");
  const applyAs = async (role: Role) => {
    h.as(role);
    return h.actions().applyAction({ changeRequestId: id, planVersion: 1 });
  };
  // Both start before either finishes (the session lookup is read at the start of each action).
  const results = await Promise.all([applyAs("approver"), applyAs("admin")]);
  const succeeded = results.filter((r) => r.ok && r.data.status === "succeeded");
  const refused = results.filter((r) => !r.ok);
  expect(succeeded).toHaveLength(1);
  expect(refused).toHaveLength(1);
  const refusal = refused[0];
  expect(refusal && !refusal.ok && refusal.formError).toMatch(/^(Another apply to target dev is running|This change request (changed while you were applying it|is applied))/u);
  expect(await h.poolsNamed("team-billing")).toBe(1);
  expect(await h.db().applyRun.count({ where: { changeRequestId: id } })).toBe(1);
  expect(await h.db().applyLock.count({ where: { targetId: target } })).toBe(0);
}

async function deletionNeedsTypedName(h: Harness): Promise<void> {
  const { id: deletesPool, document: design } = await h.newPool("team-deletes");
  const target = await h.addTarget(deletesPool, "dev", 0);
  const createId = await h.submit(deletesPool, target, "Create");
  h.as("approver");
  const created = await h.actions().applyAction({ changeRequestId: createId, planVersion: 1 });
  expect(created.ok && created.data.status, JSON.stringify(created)).toBe("succeeded");
  h.as("editor");
  const draft = await h.db().draft.findUniqueOrThrow({ where: { poolId: deletesPool } });
  const withoutSpa: PoolDocument = { ...design, spec: { ...design.spec, clients: (design.spec.clients ?? []).filter((c) => c.name !== "spa") } };
  expect((await h.poolActions().saveDraftAction({ poolId: deletesPool, version: draft.version, document: withoutSpa })).ok).toBe(true);
  const id = await h.submit(deletesPool, target, "Retire the SPA");
  h.as("approver");
  const refused = await h.actions().applyAction({ changeRequestId: id, planVersion: 1 });
  expect(refused).toEqual({
    ok: false, code: "confirm-name",
    fieldErrors: { confirmName: ['This plan deletes app client "spa"; type the pool\'s name (team-deletes) to apply it.'] },
  });
  expect(await h.db().applyRun.count({ where: { changeRequestId: id } })).toBe(0);
  const wrong = await h.actions().applyAction({ changeRequestId: id, planVersion: 1, confirmName: "team-delete" });
  expect(wrong.ok).toBe(false);
  const applied = await h.actions().applyAction({ changeRequestId: id, planVersion: 1, confirmName: "team-deletes" });
  expect(applied.ok && applied.data.steps.map((s) => `${s.action} ${s.resource} ${s.outcome}`), JSON.stringify(applied)).toEqual(['delete app_client["spa"] ok']);
}
