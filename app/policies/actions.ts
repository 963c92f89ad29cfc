"use server";
// Server actions only (ARCHITECTURE.md, "Server actions"): the logic lives in lib/server/policies.ts and policy-gate.ts.
import { defineAction } from "@/lib/server/action";
import { type PolicySetChange, adoptStarterSet, savePolicySet, testPolicies } from "@/lib/server/policies";
import { overridePolicies } from "@/lib/server/policy-gate";
import { adoptStarterSetSchema, overridePoliciesSchema, savePoliciesSchema, testPoliciesSchema } from "@/lib/contracts/policy-inputs";

function describeChange(change: PolicySetChange): string {
  const parts = [
    change.added.length > 0 && `added ${change.added.join(", ")}`,
    change.changed.length > 0 && `changed ${change.changed.map((c) => `${c.id} (version ${c.version})`).join(", ")}`,
    change.removed.length > 0 && `removed ${change.removed.join(", ")}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join("; ") : "no change";
}

/** The audit event keeps each changed rule before and after, so the log alone says what a policy said when. */
function auditOf(change: PolicySetChange) {
  return { target: "policies", after: describeChange(change), details: { added: change.added, removed: change.removed, changed: change.changed } };
}

export const savePoliciesAction = defineAction({ schema: savePoliciesSchema, role: "admin", audit: "policies.save" }, async (input, { account, audit }) => {
  const change = await savePolicySet(account, input);
  audit(auditOf(change));
  return { summary: describeChange(change) };
});

export const adoptStarterSetAction = defineAction({ schema: adoptStarterSetSchema, role: "admin", audit: "policies.adopt-starter-set" }, async (input, { account, audit }) => {
  const change = await adoptStarterSet(account, input);
  audit(auditOf(change));
  return { summary: describeChange(change) };
});

export const testPoliciesAction = defineAction({ schema: testPoliciesSchema, role: "viewer", audit: false }, async (input, { account }) => {
  const result = await testPolicies(account, input);
  return { problems: result.problems, poolName: result.poolName, violations: result.violations.map((v) => ({ policyId: v.policyId, blocking: v.blocking, path: v.path, message: v.message })) };
});

export const overridePoliciesAction = defineAction({ schema: overridePoliciesSchema, role: "admin", audit: "change-request.policy-override" }, async (input, { account, audit }) => {
  const result = await overridePolicies(account, input);
  audit({ target: input.changeRequestId, poolId: result.poolId, after: `overrode ${result.policyKeys.join(", ")} for plan version ${input.planVersion}: ${input.reason}`, details: { policyKeys: result.policyKeys } });
  return { policyKeys: result.policyKeys };
});
