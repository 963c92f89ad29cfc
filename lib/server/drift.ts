import "server-only";
import { readLivePool } from "@/lib/cognito/aws";
import { keepDesignValues, readEnvironmentValues } from "@/lib/cognito/environments";
import { countDifferences, type Plan, planChanges } from "@/lib/cognito/plan";
import type { PoolDocument } from "@/lib/cognito/spec";
import { documentForTarget } from "./change-requests";
import { recordAuditEvent } from "./audit";
import { type Db, getDb, inTransaction } from "./db";
import { UserError } from "./errors";
import { readStoredDocument, saveDraft, type SaveDraftResult } from "./pools";
import { connectTarget, describeAwsError } from "./target-port";
import type { Account } from "./users";
import { readStoredPlan, writeStoredPlan } from "./stored-plan";

async function loadTarget(workspaceId: string, targetId: string, db: Db) {
  const target = await db.target.findFirst({ where: { id: targetId, pool: { workspaceId } }, include: { pool: { include: { draft: true } } } });
  if (!target) throw new UserError("target-not-found", "This target no longer exists.");
  if (!target.userPoolId) throw new UserError("no-live-pool", `Target ${target.name} has no user pool yet: there is nothing to compare.`);
  return { ...target, userPoolId: target.userPoolId };
}

async function readLive(target: Awaited<ReturnType<typeof loadTarget>>, desired: PoolDocument) {
  try {
    return await readLivePool(connectTarget(target), target.userPoolId, { desired });
  } catch (error) {
    throw new UserError("aws-read-failed", `Could not read pool ${target.userPoolId} of target ${target.name}: ${describeAwsError(error)}`);
  }
}

export interface DriftReport {
  userPoolId: string;
  /** What the live pool is compared with: the last applied change request, or the draft when none was applied. */
  baseline: { kind: "applied"; title: string; revisionNumber: number } | { kind: "draft"; version: number };
  /** From the baseline to the live pool: what changed outside the studio. */
  plan: Plan;
}

/** Reads the target's live pool and plans the way from what was last applied to it (drift). */
export async function checkTargetDrift(workspaceId: string, targetId: string, db: Db = getDb().db): Promise<DriftReport> {
  const target = await loadTarget(workspaceId, targetId, db);
  const applied = await db.changeRequest.findFirst({ where: { targetId, status: "applied" }, orderBy: { updatedAt: "desc" } });
  const appliedDocument = applied ? readStoredDocument(applied.document).document : undefined;
  const draftDocument = target.pool.draft ? readStoredDocument(target.pool.draft.document).document : undefined;
  // Nothing applied yet: the draft as this target would get it (its per-environment values).
  const baselineDocument = appliedDocument ?? (draftDocument ? documentForTarget(target, draftDocument) : undefined);
  if (!baselineDocument) throw new UserError("no-baseline", "Nothing to compare with: no change request was applied and the draft has errors.");
  const live = await readLive(target, baselineDocument);
  return {
    userPoolId: target.userPoolId,
    baseline: applied && appliedDocument ? { kind: "applied", title: applied.title, revisionNumber: applied.revisionNumber } : { kind: "draft", version: target.pool.draft?.version ?? 0 },
    plan: planChanges(baselineDocument, live.document),
  };
}

/** "revision 3 (Add the staging callback)" or "the draft (version 7)": what a check compared the live pool with. */
export function describeBaseline(baseline: DriftReport["baseline"]): string {
  return baseline.kind === "applied" ? `revision ${baseline.revisionNumber} (${baseline.title})` : `the draft (version ${baseline.version})`;
}

export interface RecordedDriftCheck extends DriftReport {
  id: string;
  poolId: string;
  targetName: string;
  differences: number;
  checkedAt: Date;
}

/**
 * Checks a target for drift and records the result with its audit event, in one transaction. The AWS read
 * happens before the transaction (a transaction must stay short); a check that cannot read the pool records
 * nothing (the status keeps what it knew) and the caller audits the failure.
 */
export async function recordDriftCheck(account: Account, targetId: string): Promise<RecordedDriftCheck> {
  const report = await checkTargetDrift(account.workspaceId, targetId);
  const differences = countDifferences(report.plan);
  return inTransaction(async () => {
    const { db } = getDb();
    const target = await db.target.findFirst({ where: { id: targetId, pool: { workspaceId: account.workspaceId } }, select: { name: true, poolId: true } });
    if (!target) throw new UserError("target-not-found", "This target no longer exists.");
    const baseline = describeBaseline(report.baseline);
    const row = await db.driftCheck.create({
      data: { targetId, userPoolId: report.userPoolId, checkedBy: account.email, differences, baseline, plan: writeStoredPlan(report.plan) },
    });
    await recordAuditEvent(
      {
        actor: account.email,
        action: "target.drift-check",
        target: targetId,
        workspaceId: account.workspaceId,
        poolId: target.poolId,
        after: `${target.name} (${report.userPoolId}): ${differences === 0 ? "in sync" : `${differences} ${differences === 1 ? "setting differs" : "settings differ"}`} from ${baseline}`,
        details: { differences, addresses: report.plan.entries.filter((e) => e.action !== "noop").map((e) => `${e.action} ${e.address}`) },
      },
      {},
      db,
    );
    return { ...report, id: row.id, poolId: target.poolId, targetName: target.name, differences, checkedAt: row.checkedAt };
  });
}

/** The newest recorded check of a target, with its plan, for the target page. */
export async function getLastDriftCheck(targetId: string, db: Db = getDb().db): Promise<{ userPoolId: string; checkedAt: Date; checkedBy: string; differences: number; baseline: string; plan: Plan } | undefined> {
  const row = await db.driftCheck.findFirst({ where: { targetId }, orderBy: { checkedAt: "desc" } });
  if (!row) return undefined;
  // A check recorded by another studio version (or unreadable) is not shown: checking again records a current one.
  const read = readStoredPlan(row.plan);
  if (!read.ok) return undefined;
  return { userPoolId: row.userPoolId, checkedAt: row.checkedAt, checkedBy: row.checkedBy, differences: row.differences, baseline: row.baseline, plan: read.plan };
}

/**
 * Pulls the live pool into the draft (conditional on the draft version the person saw). Settings the
 * draft leaves unset stay unset where the live value is the AWS default (normalised against the draft).
 */
export async function pullLiveIntoDraft(account: Account, input: { targetId: string; draftVersion: number }, db: Db = getDb().db): Promise<SaveDraftResult & { poolId: string; userPoolId: string }> {
  const target = await loadTarget(account.workspaceId, input.targetId, db);
  const draft = target.pool.draft ? readStoredDocument(target.pool.draft.document).document : undefined;
  const live = await readLive(target, draft ?? { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: target.pool.name }, spec: { region: target.region } });
  const pulled: PoolDocument = { ...live.document, metadata: draft?.metadata ?? live.document.metadata };
  // The target's own values (its callback URLs, its domain) stay on the target: the design keeps its own.
  const document = draft ? keepDesignValues(pulled, draft, readEnvironmentValues(target.environmentValues).values) : pulled;
  const saved = await saveDraft({ workspaceId: account.workspaceId, poolId: target.poolId, version: input.draftVersion, document, actor: account.email }, db);
  return { ...saved, poolId: target.poolId, userPoolId: target.userPoolId };
}
