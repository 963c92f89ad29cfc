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
}

type RunRow = { status: string; error: string | null; steps: string; startedAt: Date; changeRequest: { revisionNumber: number } };

function firstFailedStep(stepsJson: string): string | undefined {
  try {
    const steps = JSON.parse(stepsJson) as ApplyStep[];
    const failed = Array.isArray(steps) ? steps.find((s) => s.outcome === "failed") : undefined;
    return failed ? `${failed.action} ${failed.resource}${failed.error ? `: ${failed.error.code}` : ""}` : undefined;
  } catch {
    return undefined;
  }
}

/** A target's deployment from its runs, newest first. Exported for tests. */
export function deploymentOf(target: { id: string; name: string }, runs: readonly RunRow[]): TargetDeployment {
  const base = { targetId: target.id, target: target.name };
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
      applyRuns: { orderBy: { startedAt: "desc" }, take: 20, select: { status: true, error: true, steps: true, startedAt: true, changeRequest: { select: { revisionNumber: true } } } },
    },
  });
  const out = new Map<string, TargetDeployment[]>(poolIds.map((id) => [id, []]));
  for (const t of targets) out.get(t.poolId)?.push(deploymentOf(t, t.applyRuns));
  return out;
}
