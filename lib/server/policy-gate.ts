import "server-only";
import { type PolicyViolation, evaluatePolicies } from "@/lib/cognito/policies";
import type { PoolDocument } from "@/lib/cognito/spec";
import { type Db, getDb } from "./db";
import { UserError } from "./errors";
import { readStoredDocumentOf } from "./pools";
import { workspacePolicySet } from "./policies";
import type { Account } from "./users";

/** An admin's override of the blocking policies of one plan version. */
export interface PolicyOverrideView {
  planVersion: number;
  policyKeys: string[];
  reason: string;
  overriddenBy: string;
  overriddenAt: Date;
}

/** What the workspace's policies say about a change request's plan version. */
export interface PolicyCheck {
  violations: PolicyViolation[];
  /** The keys of the blocking policies broken. */
  blocking: string[];
  /** The override that covers every blocking policy of this plan version, if an admin gave one. */
  override?: PolicyOverrideView;
}

interface RequestForPolicies {
  id: string;
  planVersion: number;
  target: { name: string; region: string };
  pool: { workspaceId: string | null };
}

function readKeys(text: string): string[] {
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === "string") : [];
  } catch {
    return [];
  }
}

/** Every override written on a change request, newest first (shown on its page, whatever the plan version). */
export async function policyOverridesOf(changeRequestId: string, db: Db = getDb().db): Promise<PolicyOverrideView[]> {
  const rows = await db.policyOverride.findMany({ where: { changeRequestId }, orderBy: { overriddenAt: "desc" } });
  return rows.map((r) => ({ planVersion: r.planVersion, policyKeys: readKeys(r.policyKeys), reason: r.reason, overriddenBy: r.overriddenBy, overriddenAt: r.overriddenAt }));
}

/** Evaluates the workspace's policies on the document a change request plans, for its target. */
export async function checkRequestPolicies(cr: RequestForPolicies, document: PoolDocument, db: Db = getDb().db): Promise<PolicyCheck> {
  const { compiled, uncompiled } = await workspacePolicySet(cr.pool.workspaceId ?? "", db);
  const violations = [...uncompiled, ...evaluatePolicies(compiled, document, { name: cr.target.name, region: cr.target.region })];
  const blocking = [...new Set(violations.filter((v) => v.blocking).map((v) => v.policyId))];
  if (blocking.length === 0) return { violations, blocking };
  const override = (await policyOverridesOf(cr.id, db)).find((o) => o.planVersion === cr.planVersion && blocking.every((k) => o.policyKeys.includes(k)));
  return { violations, blocking, ...(override ? { override } : {}) };
}

/** The policy check of a stored change request (its frozen document), for its page. */
export async function checkStoredRequestPolicies(cr: RequestForPolicies & { document: string }, db: Db = getDb().db): Promise<PolicyCheck | null> {
  const stored = readStoredDocumentOf(`change-request:${cr.id}`, cr.document);
  return stored.document ? checkRequestPolicies(cr, stored.document, db) : null;
}

export function describeBlocking(check: PolicyCheck): string {
  const broken = check.violations.filter((v) => v.blocking).map((v) => `${v.policyId} (${v.path}: ${v.message})`);
  return `Blocked by policy: ${broken.join("; ")}. Change the design, or an admin can override it with a written reason on this change request.`;
}

/** Apply's hook: a blocking policy broken and not overridden for this plan version refuses the apply. */
export async function refuseBlockingPolicies(cr: RequestForPolicies, document: PoolDocument, db: Db = getDb().db): Promise<void> {
  const check = await checkRequestPolicies(cr, document, db);
  if (check.blocking.length > 0 && !check.override) throw new UserError("policy-blocked", describeBlocking(check));
}

/**
 * An admin overrides the blocking policies of the request's current plan version, with a written reason: kept on
 * the request (shown on its page) and audited by the action. A new plan version needs a new override.
 */
export async function overridePolicies(account: Account, input: { changeRequestId: string; planVersion: number; reason: string }, db: Db = getDb().db): Promise<{ poolId: string; policyKeys: string[] }> {
  const cr = await db.changeRequest.findFirst({ where: { id: input.changeRequestId, pool: { workspaceId: account.workspaceId } }, include: { target: true, pool: true } });
  if (!cr) throw new UserError("change-request-not-found", "This change request no longer exists.");
  if (cr.status === "applied" || cr.status === "closed") throw new UserError("change-request-final", `This change request is ${cr.status}; there is nothing to override.`);
  if (cr.planVersion !== input.planVersion) throw new UserError("plan-changed", `The plan changed since you opened the page (now version ${cr.planVersion}); review it again.`);
  const check = await checkStoredRequestPolicies(cr, db);
  if (!check || check.blocking.length === 0) throw new UserError("nothing-to-override", "No blocking policy fails on this plan; there is nothing to override.");
  await db.policyOverride.create({ data: { changeRequestId: cr.id, planVersion: cr.planVersion, policyKeys: JSON.stringify(check.blocking), reason: input.reason, overriddenBy: account.email } });
  return { poolId: cr.poolId, policyKeys: check.blocking };
}

/** What the change request page shows about policies: the check of the current plan version and every override given. */
export async function policyPanelOf(workspaceId: string, changeRequestId: string, db: Db = getDb().db): Promise<{ check: PolicyCheck | null; overrides: PolicyOverrideView[] } | null> {
  const cr = await db.changeRequest.findFirst({ where: { id: changeRequestId, pool: { workspaceId } }, include: { target: true, pool: true } });
  if (!cr) return null;
  return { check: await checkStoredRequestPolicies(cr, db), overrides: await policyOverridesOf(cr.id, db) };
}

/** For the submit and approve audit events: which policies the plan breaks, blocking and warning, by key. */
export async function policySummaryOf(workspaceId: string, changeRequestId: string, db: Db = getDb().db): Promise<{ blocking: string[]; warnings: string[]; overridden: boolean }> {
  const check = (await policyPanelOf(workspaceId, changeRequestId, db))?.check;
  if (!check) return { blocking: [], warnings: [], overridden: false };
  const warnings = [...new Set(check.violations.filter((v) => !v.blocking).map((v) => v.policyId))];
  return { blocking: check.blocking, warnings, overridden: check.override !== undefined };
}
