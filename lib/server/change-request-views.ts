import "server-only";
import type { ApplyStep } from "@/lib/cognito/apply";
import { type Finding, findTargetFindings } from "@/lib/cognito/findings";
import { type Plan, describeDestruction } from "@/lib/cognito/plan";
import type { PoolDocument } from "@/lib/cognito/spec";
import { isRunInterrupted } from "./apply-lock";
import { approvalState, describeApprovals, type IneligibleApprover } from "./approval-rules";
import { type ChangeRequestStatus, needsNameConfirmation } from "./change-requests";
import { type Db, getDb } from "./db";
import type { ApplyRunSnapshot, ProgressEntry } from "@/lib/contracts/apply-run";
import { readStoredPlan, type StoredPlanProblem } from "./stored-plan";

export const STATUS_LABEL: Record<ChangeRequestStatus, string> = {
  open: "open",
  approved: "approved",
  changes_requested: "changes requested",
  applied: "applied",
  failed: "failed",
  closed: "closed",
};

export interface ChangeRequestSummary {
  id: string;
  title: string;
  author: string;
  status: ChangeRequestStatus;
  targetId: string;
  targetName: string;
  revisionNumber: number;
  createdAt: Date;
  /** Set when this request was opened by promoting another one. */
  promotedFromId: string | null;
}

export async function listChangeRequests(workspaceId: string, poolId: string, db: Db = getDb().db): Promise<ChangeRequestSummary[]> {
  const rows = await db.changeRequest.findMany({ where: { poolId, pool: { workspaceId } }, orderBy: { createdAt: "desc" }, include: { target: { select: { name: true } } } });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    author: r.author,
    status: r.status as ChangeRequestStatus,
    targetId: r.targetId,
    targetName: r.target.name,
    revisionNumber: r.revisionNumber,
    createdAt: r.createdAt,
    promotedFromId: r.promotedFromId,
  }));
}

export interface ApplyRunView {
  id: string;
  appliedBy: string;
  planVersion: number;
  /** `running` only while its server holds the target's lock; a run whose server stopped reads `interrupted`. */
  status: "running" | "succeeded" | "failed" | "interrupted";
  steps: ApplyStep[];
  /** The AWS writes made, in order, saved as they finished. */
  progress: ProgressEntry[];
  error: string | null;
  userPoolId: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface ChangeRequestView {
  id: string;
  poolId: string;
  poolName: string;
  title: string;
  description: string;
  author: string;
  status: ChangeRequestStatus;
  revisionNumber: number;
  planVersion: number;
  plannedAt: Date;
  /** Null when the stored plan cannot be used (another studio version made it, or it is unreadable): see `planProblem`. */
  plan: Plan | null;
  /** Why there is no plan to show, and what to do ("This plan was made by an older studio; re-plan to continue."). */
  planProblem: string | null;
  planUserPoolId: string | null;
  /** The name to type before applying a plan that replaces or deletes anything (see destructiveEntries). */
  confirmName: string | null;
  /** What the plan destroys, in words ("deletes app client "web"; replaces the domain"), when it does. */
  destruction: string | null;
  target: { id: string; name: string; region: string; endpoint: string | null; userPoolId: string | null; requiredApprovals: number };
  /** Approvals of the current plan version that count (lib/server/approval-rules.ts). */
  approvals: { approver: string; createdAt: Date }[];
  /** Approvals of the current plan version that do not count, with why (wrote part of it, no longer an approver). */
  approvalsNotCounted: { approver: string; why: string }[];
  /** Who may not approve this request, with why ("authored revision 4 in this request"). */
  ineligible: IneligibleApprover[];
  /** "Approvals: 1 of 2 needed; another approver must approve." */
  approvalSummary: string;
  /** Approvals of earlier plan versions (no longer counted). */
  outdatedApprovals: { approver: string; planVersion: number }[];
  comments: { id: string; author: string; body: string; path: string | null; createdAt: Date }[];
  runs: ApplyRunView[];
  /** Warnings that hold because of where the design goes (a production-looking target, lib/cognito/findings/target-findings.ts). */
  targetFindings: Finding[];
  /** The applied request this one was promoted from, if any (it may have been deleted with its target). */
  promotedFrom: { id: string; title: string; targetName: string } | null;
}

/** A run row as the pages show it: steps and progress parsed, and `interrupted` once its server lost the lock. */
export async function readRunSnapshot(
  run: { id: string; targetId: string; status: string; steps: string; progress: string; error: string | null; userPoolId: string | null },
  db: Db,
): Promise<ApplyRunSnapshot> {
  const interrupted = await isRunInterrupted(run, db);
  return {
    id: run.id,
    status: interrupted ? "interrupted" : (run.status as ApplyRunSnapshot["status"]),
    steps: parseList<ApplyStep>(run.steps),
    progress: parseList<ProgressEntry>(run.progress),
    error: run.error,
    userPoolId: run.userPoolId,
  };
}

/** Rows written by lib/server/change-requests.ts; a corrupt one reads as empty. */
export function parseList<T>(text: string): T[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

/** A final request cannot be re-planned: it is told so instead of being offered a re-plan. */
function planProblemText(problem: StoredPlanProblem, status: string): string {
  if (status !== "applied" && status !== "closed") return problem.problem;
  return `The plan cannot be shown: ${problem.reason}. This change request is ${status}; open a new one to see a plan.`;
}

export async function getChangeRequestView(workspaceId: string, poolId: string, id: string, db: Db = getDb().db): Promise<ChangeRequestView | null> {
  const cr = await db.changeRequest.findFirst({
    where: { id, poolId, pool: { workspaceId } },
    include: {
      pool: { select: { name: true } },
      target: true,
      approvals: { orderBy: { createdAt: "asc" } },
      comments: { orderBy: { createdAt: "asc" } },
      applyRuns: { orderBy: { startedAt: "desc" } },
    },
  });
  if (!cr) return null;
  const approvals = await approvalState({ ...cr, requiredApprovals: cr.target.requiredApprovals, workspaceId }, db);
  const read = readStoredPlan(cr.plan);
  const plan = read.ok ? read.plan : null;
  const document = JSON.parse(cr.document) as { metadata?: { name?: string }; spec?: PoolDocument["spec"] };
  const runs: ApplyRunView[] = [];
  for (const r of cr.applyRuns) {
    runs.push({
      ...(await readRunSnapshot(r, db)),
      appliedBy: r.appliedBy,
      planVersion: r.planVersion,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
    });
  }
  const source = cr.promotedFromId
    ? await db.changeRequest.findFirst({ where: { id: cr.promotedFromId, poolId }, select: { id: true, title: true, target: { select: { name: true } } } })
    : null;
  return {
    promotedFrom: source ? { id: source.id, title: source.title, targetName: source.target.name } : null,
    id: cr.id,
    poolId: cr.poolId,
    poolName: cr.pool.name,
    title: cr.title,
    description: cr.description,
    author: cr.author,
    status: cr.status as ChangeRequestStatus,
    revisionNumber: cr.revisionNumber,
    planVersion: cr.planVersion,
    plannedAt: cr.plannedAt,
    plan,
    planProblem: read.ok ? null : planProblemText(read, cr.status),
    planUserPoolId: cr.planUserPoolId,
    confirmName: plan && needsNameConfirmation(plan) ? (document.metadata?.name ?? cr.pool.name) : null,
    destruction: plan && needsNameConfirmation(plan) ? describeDestruction(plan) : null,
    target: { id: cr.target.id, name: cr.target.name, region: cr.target.region, endpoint: cr.target.endpoint, userPoolId: cr.target.userPoolId, requiredApprovals: cr.target.requiredApprovals },
    approvals: approvals.valid,
    approvalsNotCounted: approvals.notCounted,
    ineligible: approvals.ineligible,
    approvalSummary: describeApprovals(approvals),
    outdatedApprovals: cr.approvals.filter((a) => a.planVersion !== cr.planVersion).map((a) => ({ approver: a.approver, planVersion: a.planVersion })),
    comments: cr.comments.map((c) => ({ id: c.id, author: c.author, body: c.body, path: c.path, createdAt: c.createdAt })),
    runs,
    targetFindings: findTargetFindings({ spec: document.spec ?? {} }, cr.target.name),
  };
}
