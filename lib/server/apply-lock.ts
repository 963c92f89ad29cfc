// No "server-only" here: the CLI's `apply` takes the same locks in the studio's database (cli/studio-lock.ts).
// This module reads and writes lock rows only, through the client it is given.
import type { Db } from "./db";

/**
 * The apply locks. One apply per studio target (a row keyed by the target id) and one per live pool
 * (a row keyed by Region, endpoint and user pool id): two targets, of one design or of two, may name
 * the same live pool. Both rows are inserted in one transaction, so on SQLite and on PostgreSQL
 * (several studio instances) an apply holds both or neither.
 *
 * A lock lives `ttlMs` and the applying process extends it on a heartbeat while it runs; a lock past
 * its expiry belongs to a process that stopped mid-apply: it is removed, its run marked failed
 * (interrupted) and the takeover written to the audit log, then taken.
 */

/** How long a lock lives without a heartbeat, and how often a running apply extends it. */
export interface ApplyLockTiming {
  ttlMs: number;
  heartbeatMs: number;
}

/** A dead process's lock frees after two minutes; a live one extends it every 30 seconds. */
export const DEFAULT_APPLY_LOCK_TIMING: ApplyLockTiming = { ttlMs: 2 * 60_000, heartbeatMs: 30_000 };
let timing: ApplyLockTiming = DEFAULT_APPLY_LOCK_TIMING;

export function applyLockTiming(): ApplyLockTiming {
  return timing;
}

/** For tests: shorter times (undefined restores the defaults). */
export function setApplyLockTiming(value: ApplyLockTiming | undefined): void {
  timing = value ?? DEFAULT_APPLY_LOCK_TIMING;
}

/**
 * The key of a live pool: the same pool id behind two different endpoints (AWS and moto) is two pools.
 * Null when the target names no pool yet (its apply creates a new one).
 */
export function livePoolKey(target: { region: string; endpoint: string | null }, userPoolId: string | null): string | null {
  if (!userPoolId) return null;
  const endpoint = (target.endpoint ?? "").trim().toLowerCase().replace(/\/+$/u, "");
  return `${target.region.trim().toLowerCase()}|${endpoint}|${userPoolId}`;
}

export interface LockRequest {
  targetId: string;
  /** From {@link livePoolKey}; null: no live pool to lock. */
  poolKey: string | null;
  runId: string;
  holder: string;
  ttlMs: number;
  /** Where a takeover's audit event belongs. */
  workspaceId: string | null;
  poolId: string;
}

export type LockResult =
  | { ok: true }
  | { ok: false; on: "target"; holder: string; acquiredAt: Date }
  | { ok: false; on: "live-pool"; holder: string; acquiredAt: Date; targetName: string; poolName: string };

const INTERRUPTED = "interrupted: the server stopped during this apply (its lock expired); re-plan and apply again";

function stamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/**
 * Removes an expired lock (target or live pool), marks its run interrupted and audits the takeover,
 * in one transaction. Conditional on the run id, so two servers taking over at once do it once.
 */
async function takeOverExpired(kind: "target" | "live-pool", key: string, input: LockRequest, now: Date, db: Db): Promise<void> {
  const expired =
    kind === "target"
      ? await db.applyLock.findFirst({ where: { targetId: key, expiresAt: { lt: now } } })
      : await db.livePoolLock.findFirst({ where: { poolKey: key, expiresAt: { lt: now } } });
  if (!expired) return;
  await db.$transaction(async (tx) => {
    const removed =
      kind === "target"
        ? await tx.applyLock.deleteMany({ where: { targetId: key, runId: expired.runId, expiresAt: { lt: now } } })
        : await tx.livePoolLock.deleteMany({ where: { poolKey: key, runId: expired.runId, expiresAt: { lt: now } } });
    if (removed.count === 0) return;
    await tx.applyRun.updateMany({ where: { id: expired.runId, status: "running" }, data: { status: "failed", error: INTERRUPTED, finishedAt: now } });
    await tx.auditEvent.create({
      data: {
        actor: input.holder,
        action: "apply-lock.takeover",
        target: input.targetId,
        workspaceId: input.workspaceId,
        poolId: input.poolId,
        before: `${kind === "target" ? "target" : `live pool ${key}`} lock of run ${expired.runId} by ${expired.holder}, taken ${stamp(expired.acquiredAt)}, expired ${stamp(expired.expiresAt)}`,
        after: `taken over by ${input.holder} for run ${input.runId}`,
        details: JSON.stringify({ lock: kind, key, expiredRunId: expired.runId, expiredHolder: expired.holder }),
      },
    });
  });
}

/** Takes the target's lock and, when it names one, the live pool's, both or neither. */
export async function acquireApplyLock(input: LockRequest, db: Db): Promise<LockResult> {
  const now = new Date();
  await takeOverExpired("target", input.targetId, input, now, db);
  if (input.poolKey) await takeOverExpired("live-pool", input.poolKey, input, now, db);
  const expiresAt = new Date(now.getTime() + input.ttlMs);
  try {
    await db.$transaction([
      db.applyLock.create({ data: { targetId: input.targetId, runId: input.runId, holder: input.holder, expiresAt } }),
      ...(input.poolKey ? [db.livePoolLock.create({ data: { poolKey: input.poolKey, targetId: input.targetId, runId: input.runId, holder: input.holder, expiresAt } })] : []),
    ]);
    return { ok: true };
  } catch (error) {
    const target = await db.applyLock.findUnique({ where: { targetId: input.targetId } });
    if (target && target.runId !== input.runId) return { ok: false, on: "target", holder: target.holder, acquiredAt: target.acquiredAt };
    const live = input.poolKey ? await db.livePoolLock.findUnique({ where: { poolKey: input.poolKey } }) : null;
    if (live && live.runId !== input.runId) {
      const other = await db.target.findUnique({ where: { id: live.targetId }, select: { name: true, pool: { select: { name: true } } } });
      return { ok: false, on: "live-pool", holder: live.holder, acquiredAt: live.acquiredAt, targetName: other?.name ?? "(deleted)", poolName: other?.pool.name ?? "(deleted)" };
    }
    throw error;
  }
}

/** The refusal in the words of the page. */
export function describeLockRefusal(refusal: Exclude<LockResult, { ok: true }>, target: { name: string }, userPoolId: string | null): string {
  const since = `by ${refusal.holder} since ${stamp(refusal.acquiredAt)}`;
  if (refusal.on === "target") return `Another apply to target ${target.name} is running (${since}); wait for it to finish.`;
  return `Another apply to live pool ${userPoolId ?? ""} is running from target ${refusal.targetName} of pool ${refusal.poolName} (${since}); both targets name this pool. Wait for it to finish.`;
}

/** Releases the locks this run still holds. */
export async function releaseApplyLock(lock: { targetId: string; poolKey: string | null; runId: string }, db: Db): Promise<void> {
  await db.$transaction([
    db.applyLock.deleteMany({ where: { targetId: lock.targetId, runId: lock.runId } }),
    ...(lock.poolKey ? [db.livePoolLock.deleteMany({ where: { poolKey: lock.poolKey, runId: lock.runId } })] : []),
  ]);
}

/**
 * Extends this run's locks every `heartbeatMs` while the apply runs (an AWS call may take long; the
 * process is alive), so only a dead process's lock expires. Returns the function that stops it.
 */
export function startLockHeartbeat(lock: { targetId: string; poolKey: string | null; runId: string }, value: ApplyLockTiming, db: Db): () => Promise<void> {
  let beating: Promise<unknown> = Promise.resolve();
  const beat = () => {
    const expiresAt = new Date(Date.now() + value.ttlMs);
    beating = beating
      .then(() =>
        db.$transaction([
          db.applyLock.updateMany({ where: { targetId: lock.targetId, runId: lock.runId }, data: { expiresAt } }),
          ...(lock.poolKey ? [db.livePoolLock.updateMany({ where: { poolKey: lock.poolKey, runId: lock.runId }, data: { expiresAt } })] : []),
        ]),
      )
      .then(([target]) => {
        if (target && target.count === 0) console.error(`apply: run ${lock.runId} no longer holds the lock of target ${lock.targetId}`);
      })
      .catch((cause: unknown) => console.error("apply: extending the lock failed", cause));
  };
  const timer = setInterval(beat, value.heartbeatMs);
  // A heartbeat alone never keeps the process alive.
  timer.unref();
  return async () => {
    clearInterval(timer);
    await beating;
  };
}

/** Runs marked running whose lock is gone or expired: their server stopped mid-apply. */
export async function isRunInterrupted(run: { id: string; targetId: string; status: string }, db: Db): Promise<boolean> {
  if (run.status !== "running") return false;
  const lock = await db.applyLock.findUnique({ where: { targetId: run.targetId } });
  return !lock || lock.runId !== run.id || lock.expiresAt < new Date();
}
