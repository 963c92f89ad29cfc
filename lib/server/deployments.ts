import "server-only";
import type { ApplyStep } from "@/lib/cognito/apply";
import { type Db, getDb } from "./db";

/**
 * Where a pool stands in AWS, per target, from what was applied there (never from the draft): a design saved as a
 * revision is not in AWS until an apply succeeds, and a failed apply must not read as "in sync".
 */
export type DeploymentState = "not-applied" | "applying" | "failed" | "applied";

export interface TargetDeployment {
  targetId: string;
  target: string;
  state: DeploymentState;
  /** The revision of the last successful apply on this target (also after a later failure). */
  appliedRevision?: number;
  /** For `failed`: the first step that failed (`app_client["web"]`), or why the run failed outside its steps. */
  failure?: string;
  /** When the last run started. */
  at?: Date;
  /**
   * The newest drift check, only when it was made after the newest apply ended (an apply makes older checks
   * irrelevant) and no apply is running: it then decides what the badge says.
   */
  check?: DriftCheckSummary;
}

/** What a drift check found (never the values: those stay in the check's plan). */
export interface DriftCheckSummary {
  differences: number;
  checkedAt: Date;
  checkedBy: string;
}

type RunRow = { status: string; error: string | null; steps: string; startedAt: Date; finishedAt?: Date | null; changeRequest: { revisionNumber: number } };

function firstFailedStep(stepsJson: string): string | undefined {
  try {
    const steps = JSON.parse(stepsJson) as ApplyStep[];
    const failed = Array.isArray(steps) ? steps.find((s) => s.outcome === "failed") : undefined;
    return failed ? `${failed.action} ${failed.resource}${failed.error ? `: ${failed.error.code}` : ""}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The newest check counts when it was made after the newest apply ended; a running apply, or a check older than
 * the last apply, leaves the status to the applies.
 */
function checkThatCounts(runs: readonly RunRow[], checks: readonly DriftCheckSummary[]): { check?: DriftCheckSummary } {
  const [check] = checks;
  const [last] = runs;
  if (!check) return {};
  if (!last) return { check };
  if (last.status === "running") return {};
  const ended = last.finishedAt ?? last.startedAt;
  return check.checkedAt.getTime() > ended.getTime() ? { check } : {};
}

/** A target's deployment from its runs and its drift checks, each newest first. Exported for tests. */
export function deploymentOf(target: { id: string; name: string }, runs: readonly RunRow[], checks: readonly DriftCheckSummary[] = []): TargetDeployment {
  const base = { targetId: target.id, target: target.name, ...checkThatCounts(runs, checks) };
  const [last] = runs;
  if (!last) return { ...base, state: "not-applied" };
  const applied = runs.find((r) => r.status === "succeeded");
  const appliedRevision = applied ? { appliedRevision: applied.changeRequest.revisionNumber } : {};
  if (last.status === "running") return { ...base, state: "applying", at: last.startedAt, ...appliedRevision };
  if (last.status === "succeeded") return { ...base, state: "applied", at: last.startedAt, ...appliedRevision };
  const failure = firstFailedStep(last.steps) ?? last.error ?? "the apply failed";
  return { ...base, state: "failed", at: last.startedAt, failure, ...appliedRevision };
}

/** Each pool's targets with their deployment, in target name order. */
export async function listDeployments(poolIds: readonly string[], db: Db = getDb().db): Promise<Map<string, TargetDeployment[]>> {
  const targets = await db.target.findMany({
    where: { poolId: { in: [...poolIds] } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      poolId: true,
      // The newest run decides the state; the newest successful one gives the applied revision.
      applyRuns: { orderBy: { startedAt: "desc" }, take: 20, select: { status: true, error: true, steps: true, startedAt: true, finishedAt: true, changeRequest: { select: { revisionNumber: true } } } },
      driftChecks: { orderBy: { checkedAt: "desc" }, take: 1, select: { differences: true, checkedAt: true, checkedBy: true } },
    },
  });
  const out = new Map<string, TargetDeployment[]>(poolIds.map((id) => [id, []]));
  for (const t of targets) out.get(t.poolId)?.push(deploymentOf(t, t.applyRuns, t.driftChecks));
  return out;
}

/** What the badge shows: a drift check that counts, or else the applies. */
export type DeploymentStatus = DeploymentState | "drifted" | "in-sync";

/** "just now", "5 min ago", "3 h ago", "2 days ago": how long ago, in the words of a status line. */
export function describeAge(then: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - then.getTime()) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return `${days} ${days === 1 ? "day" : "days"} ago`;
}

function appliedWords(d: TargetDeployment): string {
  switch (d.state) {
    case "not-applied":
      return "not applied";
    case "applying":
      return "applying…";
    case "failed":
      return "apply failed";
    case "applied":
      return `revision ${d.appliedRevision ?? "?"} applied`;
  }
}

/**
 * A target's status in words: "dev: Drifted: 3 settings differ (checked 5 min ago)", "dev: In sync (checked …)",
 * or, with no check since the last apply, the apply status ("dev: revision 2 applied"). The title says the rest
 * (what the check compared, the apply behind the status).
 */
export function describeDeployment(d: TargetDeployment, now: Date): { status: DeploymentStatus; label: string; title?: string; age?: string } {
  const failure = d.state === "failed" ? `The last apply failed at ${d.failure}${d.appliedRevision ? `; revision ${d.appliedRevision} was applied before` : ""}.` : undefined;
  if (d.check) {
    const age = describeAge(d.check.checkedAt, now);
    const n = d.check.differences;
    const by = `Checked by ${d.check.checkedBy} at ${d.check.checkedAt.toISOString().slice(0, 16).replace("T", " ")} UTC, against ${d.state === "not-applied" ? "the draft (nothing applied yet)" : `what was applied (${appliedWords(d)})`}.`;
    const title = [by, failure].filter(Boolean).join(" ");
    const checked = { title, age: `(checked ${age})` };
    if (n > 0) return { status: "drifted", label: `${d.target}: Drifted: ${n} ${n === 1 ? "setting differs" : "settings differ"} (checked ${age})`, ...checked };
    return { status: "in-sync", label: `${d.target}: In sync (checked ${age})`, ...checked };
  }
  return { status: d.state, label: `${d.target}: ${appliedWords(d)}`, ...(failure ? { title: failure } : {}) };
}
