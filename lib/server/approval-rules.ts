import "server-only";
import type { Db } from "./db";
import { hasRole } from "@/lib/contracts/roles";

/**
 * Separation of duties for change requests: who may not approve a request, and which approvals count.
 *
 * A request applies every revision between the one last applied to its target and the requested one, so
 * whoever authored any of those revisions wrote part of what would be applied; so did whoever re-planned
 * the request with new content (a newer revision, new per-environment values). None of them may approve
 * it, as the author may not. An approval counts only for the current plan version, by someone not
 * excluded who is still an approver (or admin) of the workspace.
 */

/** One person who may not approve, with the reason in the words of the page. */
export interface IneligibleApprover {
  email: string;
  /** e.g. "authored revision 4 in this request". */
  reasons: string[];
}

/** A re-plan that brought new content, as stored on the change request (`contentReplans`). */
export interface ContentReplan {
  by: string;
  planVersion: number;
  reason: string;
}

export function readContentReplans(text: string): ContentReplan[] {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return value.filter((r): r is ContentReplan => typeof r === "object" && r !== null && typeof (r as ContentReplan).by === "string");
  } catch {
    return [];
  }
}

interface RequestForRules {
  id: string;
  poolId: string;
  targetId: string;
  author: string;
  revisionNumber: number;
  planVersion: number;
  contentReplans: string;
}

/**
 * The revisions this request brings to its target: after the revision of the last change request
 * applied to that target, up to the requested one (always at least the requested one).
 */
async function revisionsInPlan(cr: RequestForRules, db: Db): Promise<{ number: number; createdBy: string }[]> {
  const lastApplied = await db.changeRequest.findFirst({
    where: { targetId: cr.targetId, status: "applied", id: { not: cr.id } },
    orderBy: { updatedAt: "desc" },
    select: { revisionNumber: true },
  });
  const after = Math.min(lastApplied?.revisionNumber ?? 0, cr.revisionNumber - 1);
  return db.revision.findMany({
    where: { poolId: cr.poolId, number: { gt: after, lte: cr.revisionNumber } },
    orderBy: { number: "asc" },
    select: { number: true, createdBy: true },
  });
}

/** Everyone who may not approve this request, each with why. */
export async function ineligibleApprovers(cr: RequestForRules, db: Db): Promise<IneligibleApprover[]> {
  const reasons = new Map<string, string[]>();
  const add = (email: string, reason: string) => {
    const list = reasons.get(email) ?? [];
    if (!list.includes(reason)) list.push(reason);
    reasons.set(email, list);
  };
  add(cr.author, "opened this change request");
  for (const revision of await revisionsInPlan(cr, db)) add(revision.createdBy, `authored revision ${revision.number} in this request`);
  for (const replan of readContentReplans(cr.contentReplans)) add(replan.by, `re-planned it to plan version ${replan.planVersion} with new content (${replan.reason})`);
  return [...reasons].map(([email, list]) => ({ email, reasons: list }));
}

export interface ApprovalState {
  /** Approvals that count: this plan version, by eligible approvers who still hold the role. */
  valid: { approver: string; createdAt: Date }[];
  /** Approvals of this plan version that do not count, with why. */
  notCounted: { approver: string; why: string }[];
  ineligible: IneligibleApprover[];
  required: number;
}

/** The approvals of the request's current plan version, split into those that count and those that do not. */
export async function approvalState(cr: RequestForRules & { requiredApprovals: number; workspaceId: string }, db: Db): Promise<ApprovalState> {
  const ineligible = await ineligibleApprovers(cr, db);
  const approvals = await db.approval.findMany({ where: { changeRequestId: cr.id, planVersion: cr.planVersion }, orderBy: { createdAt: "asc" } });
  const members = await db.membership.findMany({
    where: { workspaceId: cr.workspaceId, user: { email: { in: approvals.map((a) => a.approver) } } },
    select: { role: true, user: { select: { email: true } } },
  });
  const roleOf = new Map(members.map((m) => [m.user.email, m.role]));
  const valid: ApprovalState["valid"] = [];
  const notCounted: ApprovalState["notCounted"] = [];
  for (const approval of approvals) {
    const excluded = ineligible.find((i) => i.email === approval.approver);
    if (excluded) notCounted.push({ approver: approval.approver, why: excluded.reasons.join("; ") });
    else if (!hasRole(roleOf.get(approval.approver), "approver")) notCounted.push({ approver: approval.approver, why: "is no longer an approver of this workspace" });
    else valid.push({ approver: approval.approver, createdAt: approval.createdAt });
  }
  return { valid, notCounted, ineligible, required: cr.requiredApprovals };
}

/** "Approvals: 1 of 2 needed; another approver must approve." */
export function describeApprovals(state: Pick<ApprovalState, "valid" | "required">): string {
  if (state.required === 0) return "Approvals: none needed on this target.";
  const missing = state.required - state.valid.length;
  const head = `Approvals: ${state.valid.length} of ${state.required} needed`;
  if (missing <= 0) return `${head}.`;
  return `${head}; ${missing === 1 ? "another approver must approve" : `${missing} more approvers must approve`}.`;
}
