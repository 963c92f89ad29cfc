import "server-only";
import type { Db } from "./db";

export type LockResult = { ok: true } | { ok: false; holder: string; acquiredAt: Date };

/**
 * Takes the apply lock of a target: a row whose primary key is the target id, so on SQLite and on
 * PostgreSQL (several studio instances) only one insert can win. A lock past its expiry belongs to a
 * server that stopped mid-apply: it is removed and its run marked failed (interrupted), then taken.
 */
export async function acquireApplyLock(input: { targetId: string; runId: string; holder: string; ttlMs: number }, db: Db): Promise<LockResult> {
  const now = new Date();
  const expired = await db.applyLock.findFirst({ where: { targetId: input.targetId, expiresAt: { lt: now } } });
  if (expired) {
    // Conditional on the run id, so two servers taking over at once delete it once.
    const removed = await db.applyLock.deleteMany({ where: { targetId: input.targetId, runId: expired.runId } });
    if (removed.count > 0) {
      await db.applyRun.updateMany({
        where: { id: expired.runId, status: "running" },
        data: { status: "failed", error: "interrupted: the server stopped during this apply (its lock expired); re-plan and apply again", finishedAt: now },
      });
    }
  }
  try {
    await db.applyLock.create({ data: { targetId: input.targetId, runId: input.runId, holder: input.holder, expiresAt: new Date(now.getTime() + input.ttlMs) } });
    return { ok: true };
  } catch (error) {
    const current = await db.applyLock.findUnique({ where: { targetId: input.targetId } });
    if (current && current.runId !== input.runId) return { ok: false, holder: current.holder, acquiredAt: current.acquiredAt };
    throw error;
  }
}

/** Releases the lock if this run still holds it. */
export async function releaseApplyLock(targetId: string, runId: string, db: Db): Promise<void> {
  await db.applyLock.deleteMany({ where: { targetId, runId } });
}

/** Runs marked running whose lock is gone or expired: their server stopped mid-apply. */
export async function isRunInterrupted(run: { id: string; targetId: string; status: string }, db: Db): Promise<boolean> {
  if (run.status !== "running") return false;
  const lock = await db.applyLock.findUnique({ where: { targetId: run.targetId } });
  return !lock || lock.runId !== run.id || lock.expiresAt < new Date();
}
