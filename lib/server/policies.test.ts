import { beforeAll, describe, expect, test } from "vitest";
import type { CognitoPort } from "@/lib/cognito/aws";
import { renderPolicyFile, STARTER_POLICIES } from "@/lib/cognito/policies";
import { strictFakePort, stubPreflightPort } from "@/test/support/stub-ports";
import { byRole, newBlankPool, useStudioDatabase } from "@/test/support/studio-db";

// Policies on a real SQLite studio: the Policies page's actions (admins only, versioned, each change audited in
// its transaction) and the gate on apply (a blocking policy refuses it until an admin overrides it with a
// reason). Only the session lookup and the Cognito port are replaced; the port is an SDK stub that creates
// pools, as in review-safety.test.ts: what is tested here is the studio's refusal, not AWS.
const { as } = useStudioDatabase("studio-policies-", byRole("editor", "approver"));

const { getDb } = await import("./db");
const { setTargetPortFactory, setTargetPreflightFactory } = await import("./target-port");
const { listPolicies, policySetFingerprint } = await import("./policies");
const policyActions = await import("@/app/policies/actions");
const reviewActions = await import("@/app/pools/review-actions");

let created = 0;
function fakePort(): CognitoPort {
  return strictFakePort({
    region: "eu-west-1",
    async createUserPool(input: { PoolName?: string }) {
      created += 1;
      return { Id: `eu-west-1_Policy${created}`, Name: input.PoolName };
    },
  });
}

beforeAll(() => {
  setTargetPortFactory(() => fakePort());
  setTargetPreflightFactory(() => stubPreflightPort());
});

const db = () => getDb().db;
const fingerprint = async () => policySetFingerprint(await listPolicies((await db().workspace.findFirstOrThrow()).id));
const events = (action: string) => db().auditEvent.findMany({ where: { action }, orderBy: { at: "asc" } });

describe("the Policies page's actions", () => {
  test("only an admin saves policies; a refused call is audited and saves nothing", async () => {
    as("approver");
    const denied = await policyActions.adoptStarterSetAction({ fingerprint: await fingerprint() });
    expect(denied).toMatchObject({ ok: false, formError: "This needs the admin role; you are approver. Ask an admin of the workspace." });
    expect(await events("policies.adopt-starter-set.denied")).toHaveLength(1);
    expect(await db().policy.count()).toBe(0);
  });

  test("a file with a bad expression is refused at the text box, naming policy, column and fix; nothing is saved", async () => {
    as("admin");
    const text = renderPolicyFile([{ ...STARTER_POLICIES[0]!, require: 'pool.spec.deletionProtection = "ACTIVE"' }]);
    const result = await policyActions.savePoliciesAction({ text, fingerprint: await fingerprint() });
    expect(result).toMatchObject({ ok: false, code: "policies-invalid" });
    if (result.ok) return;
    expect(result.fieldErrors.text?.[0]).toBe(
      'Nothing was saved: policy "prod-deletion-protection", require at column 30: Unexpected character: =; CEL compares with == (a single = is not an operator)',
    );
    expect(await db().policy.count()).toBe(0);
  });

  test("adopting the starter set adds every starter policy in one audited transaction; adopting again adds nothing", async () => {
    as("admin");
    const adopted = await policyActions.adoptStarterSetAction({ fingerprint: await fingerprint() });
    expect(adopted).toEqual({ ok: true, data: { summary: `added ${STARTER_POLICIES.map((p) => p.id).join(", ")}` } });
    expect((await db().policy.findMany()).map((p) => [p.key, p.version, p.createdBy])).toEqual(STARTER_POLICIES.map((p) => [p.id, 1, "admin@example.com"]));
    const [event] = await events("policies.adopt-starter-set");
    expect(event).toMatchObject({ actor: "admin@example.com", target: "policies", after: adopted.ok ? adopted.data.summary : "" });
    expect(await policyActions.adoptStarterSetAction({ fingerprint: await fingerprint() })).toEqual({ ok: true, data: { summary: "no change" } });
  });

  test("a changed policy gets a new version, the audit event holds it before and after; a save from an older page is refused", async () => {
    as("admin");
    const stale = await fingerprint();
    const policies = (await listPolicies((await db().workspace.findFirstOrThrow()).id)).map(({ version: _v, updatedBy: _b, updatedAt: _a, ...p }) => p);
    const edited = policies.map((p) => (p.id === "password-min-length-12" ? { ...p, require: "pool.spec.passwordPolicy.minimumLength >= 14" } : p));
    const saved = await policyActions.savePoliciesAction({ text: renderPolicyFile(edited), fingerprint: stale });
    expect(saved).toEqual({ ok: true, data: { summary: "changed password-min-length-12 (version 2)" } });
    const [event] = await events("policies.save");
    const details = JSON.parse(event?.details ?? "{}") as { changed: { id: string; before: string; after: string }[] };
    expect(details.changed[0]?.before).toContain("minimumLength >= 12");
    expect(details.changed[0]?.after).toContain("minimumLength >= 14");
    const again = await policyActions.savePoliciesAction({ text: renderPolicyFile(policies), fingerprint: stale });
    expect(again).toMatchObject({ ok: false, code: "policies-changed" });
    expect((await db().policy.findFirstOrThrow({ where: { key: "password-min-length-12" } })).version).toBe(2);
  });

  test("test against this pool: the policies as typed against a pool's draft, for a target name", async () => {
    const pool = await newBlankPool("policy-preview", () => as("editor"));
    as("editor");
    const text = renderPolicyFile(STARTER_POLICIES);
    const prod = await policyActions.testPoliciesAction({ text, poolId: pool.id, targetName: "prod" });
    expect(prod.ok && prod.data.violations.filter((v) => v.blocking).map((v) => v.policyId)).toEqual(["prod-deletion-protection", "prod-mfa-required"]);
    const dev = await policyActions.testPoliciesAction({ text, poolId: pool.id, targetName: "dev" });
    expect(dev.ok && dev.data.violations.filter((v) => v.blocking)).toEqual([]);
  });
});

describe("a blocking policy on apply", () => {
  async function submitted(name: string, target: string) {
    const pool = await newBlankPool(name, () => as("editor"));
    const targetRow = await db().target.create({ data: { poolId: pool.id, name: target, region: "eu-west-1", requiredApprovals: 0 } });
    as("editor");
    const draft = await db().draft.findUniqueOrThrow({ where: { poolId: pool.id } });
    const result = await reviewActions.submitChangeRequestAction({ poolId: pool.id, targetId: targetRow.id, draftVersion: draft.version, title: "First apply", description: "" });
    if (!result.ok) throw new Error(`submit failed: ${JSON.stringify(result)}`);
    return result.data.id;
  }

  test("refuses the apply to prod, audited, until an admin overrides it with a reason; then it applies", async () => {
    const id = await submitted("policy-prod", "prod");
    as("approver");
    const refused = await reviewActions.applyAction({ changeRequestId: id, planVersion: 1 });
    expect(refused).toMatchObject({ ok: false, code: "policy-blocked" });
    if (refused.ok) return;
    expect(refused.formError).toMatch(/^Blocked by policy: prod-deletion-protection \(spec\.deletionProtection: Production pools keep deletion protection on \(deletionProtection is not set\)\); prod-mfa-required \(spec\.mfaConfiguration: /u);
    expect(refused.formError).toMatch(/an admin can override it with a written reason on this change request\.$/u);
    expect((await events("change-request.apply.failed")).at(-1)).toMatchObject({ actor: "approver@example.com", after: refused.formError });
    expect(await db().applyRun.count({ where: { changeRequestId: id } })).toBe(0);

    // An approver may not override; an admin must give a reason of some substance.
    expect(await policyActions.overridePoliciesAction({ changeRequestId: id, planVersion: 1, reason: "because I said so" })).toMatchObject({ ok: false, formError: expect.stringMatching(/needs the admin role/u) });
    as("admin");
    const short = await policyActions.overridePoliciesAction({ changeRequestId: id, planVersion: 1, reason: "ok" });
    expect(short).toMatchObject({ ok: false, fieldErrors: { reason: [expect.stringMatching(/^write why this apply may break the policy/u)] } });

    const reason = "First deployment of an empty pool; MFA and deletion protection follow in the next change.";
    expect(await policyActions.overridePoliciesAction({ changeRequestId: id, planVersion: 1, reason })).toEqual({ ok: true, data: { policyKeys: ["prod-deletion-protection", "prod-mfa-required"] } });
    const [override] = await events("change-request.policy-override");
    expect(override).toMatchObject({ actor: "admin@example.com", target: id, after: `overrode prod-deletion-protection, prod-mfa-required for plan version 1: ${reason}` });
    expect(await db().policyOverride.findFirst({ where: { changeRequestId: id } })).toMatchObject({ planVersion: 1, reason, overriddenBy: "admin@example.com" });

    as("approver");
    const applied = await reviewActions.applyAction({ changeRequestId: id, planVersion: 1 });
    expect(applied).toMatchObject({ ok: true, data: { status: "succeeded" } });
  });

  test("does not stop an apply to a target the policies do not cover, nor for a warning", async () => {
    const id = await submitted("policy-dev", "dev");
    as("approver");
    expect(await reviewActions.applyAction({ changeRequestId: id, planVersion: 1 })).toMatchObject({ ok: true, data: { status: "succeeded" } });
  });

  test("a stored blocking policy that no longer compiles refuses the apply rather than being skipped", async () => {
    // As if saved before `matches` took RE2 syntax: a lookahead compiled then, and no longer does.
    const workspaceId = (await db().workspace.findFirstOrThrow()).id;
    const legacy = await db().policy.create({
      data: { workspaceId, key: "legacy-lookahead", description: "Pool names start with a team prefix", severity: "block", require: 'pool.metadata.name.matches("^(?=team-)")', path: "metadata.name", createdBy: "admin@example.com", updatedBy: "admin@example.com" },
    });
    try {
      const id = await submitted("policy-legacy", "dev");
      as("approver");
      const refused = await reviewActions.applyAction({ changeRequestId: id, planVersion: 1 });
      expect(refused).toMatchObject({ ok: false, code: "policy-blocked" });
      if (refused.ok) return;
      expect(refused.formError).toMatch(/^Blocked by policy: legacy-lookahead \(metadata\.name: this policy no longer compiles \(.*\); an admin corrects it on the Policies page\)/u);
      expect(await db().applyRun.count({ where: { changeRequestId: id } })).toBe(0);
    } finally {
      await db().policy.delete({ where: { id: legacy.id } });
    }
  });

  test("an override with nothing to override is refused", async () => {
    const id = await submitted("policy-dev-2", "dev");
    as("admin");
    expect(await policyActions.overridePoliciesAction({ changeRequestId: id, planVersion: 1, reason: "nothing blocks this one, really" })).toMatchObject({ ok: false, code: "nothing-to-override" });
  });
});

describe("submit and approve", () => {
  test("name the policies the plan breaks in their audit events (approving is allowed: the apply is what is refused)", async () => {
    const pool = await newBlankPool("policy-audit", () => as("editor"));
    const target = await db().target.create({ data: { poolId: pool.id, name: "prod", region: "eu-west-1", requiredApprovals: 1 } });
    as("editor");
    const draft = await db().draft.findUniqueOrThrow({ where: { poolId: pool.id } });
    const submitted = await reviewActions.submitChangeRequestAction({ poolId: pool.id, targetId: target.id, draftVersion: draft.version, title: "Audited", description: "" });
    if (!submitted.ok) throw new Error(JSON.stringify(submitted));
    const submitEvent = (await events("change-request.submit")).find((e) => e.target === submitted.data.id);
    expect(JSON.parse(submitEvent?.details ?? "{}")).toEqual({ policies: { blocking: ["prod-deletion-protection", "prod-mfa-required"], warnings: ["password-min-length-12"], overridden: false } });
    as("approver");
    expect(await reviewActions.approveAction({ changeRequestId: submitted.data.id, planVersion: 1 })).toMatchObject({ ok: true, data: { status: "approved" } });
    const approveEvent = (await events("change-request.approve")).find((e) => e.target === submitted.data.id);
    expect(JSON.parse(approveEvent?.details ?? "{}")).toMatchObject({ policies: { blocking: ["prod-deletion-protection", "prod-mfa-required"] } });
  });
});

describe("test against this pool: hostile policies", () => {
  test("a policy that runs into the time limit on a quota-sized pool is one violation, and the server keeps answering meanwhile", async () => {
    const { quotaSizedPool } = await import("@/test/support/pool-documents");
    const pool = await newBlankPool("policy-quota", () => as("editor"));
    await db().draft.update({ where: { poolId: pool.id }, data: { document: JSON.stringify(quotaSizedPool()) } });
    const condition = Array.from({ length: 40 }, (_, i) => `c.name.size() != ${1000 + i}`).join(" && ");
    const text = `policies:\n  - ${JSON.stringify({ id: "slow", description: "Names are short", severity: "block", each: "clients", require: `clients.all(c, ${condition})`, path: "spec.clients[*]" })}\n`;
    as("editor");
    // Anyone who may open the page (viewers too) may run this as often as they like: the evaluation must not
    // hold the server's event loop meanwhile.
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 100);
    const result = await policyActions.testPoliciesAction({ text, poolId: pool.id, targetName: "prod" });
    clearInterval(timer);
    expect(result.ok && result.data.violations.map((v) => v.message)).toEqual([expect.stringContaining("(the policy could not be checked: evaluating it took longer than 5 seconds on this pool")]);
    expect(ticks).toBeGreaterThanOrEqual(10);
  }, 60_000);
});
