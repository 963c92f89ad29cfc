/**
 * `apply --user-pool-id` and the studio's apply lock. When DATABASE_URL names the studio's database (the
 * same variable the studio reads) and a studio target links the pool being applied (same Region,
 * endpoint and pool id), the CLI takes that target's lock and the live pool's lock, as a studio apply
 * does (lib/server/apply-lock.ts), extends them on a heartbeat while it applies and releases them after.
 * A studio apply running on that pool refuses the CLI, and the other way round. Without DATABASE_URL,
 * or when no target links the pool, the CLI applies without a lock.
 */
import { randomUUID } from "node:crypto";
import { hostname, userInfo } from "node:os";
import { PrismaLibSql } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresqlClient } from "../generated/prisma/postgresql/client";
import { PrismaClient as SqliteClient } from "../generated/prisma/sqlite/client";
import { acquireApplyLock, applyLockTiming, describeLockRefusal, livePoolKey, releaseApplyLock, startLockHeartbeat } from "../lib/server/apply-lock";
import type { Db } from "../lib/server/db";
import { databaseKind, resolveDatabaseUrl } from "../prisma/database-url.mjs";
import type { CliIo } from "./io";

/** Another apply holds the lock, or the studio's database could not be read: nothing was applied. */
export class StudioLockRefused extends Error {}

function openStudioDb(url: string): Db {
  if (databaseKind(url) === "postgresql") return new PostgresqlClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  return new SqliteClient({ adapter: new PrismaLibSql({ url }) });
}

/** Who holds the lock, as the studio shows it: the CLI, the OS user and the machine. */
function holderName(): string {
  let user = "unknown";
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the machine name still says where the apply runs.
  }
  return `cognito-studio CLI (${user}@${hostname()})`;
}

/**
 * Runs `apply` holding the studio's locks for the live pool, when the studio knows it. Throws
 * {@link StudioLockRefused} (with the studio's message) when another apply holds them.
 */
export async function withStudioLock<T>(io: CliIo, pool: { region: string; endpoint: string | undefined; userPoolId: string }, apply: () => Promise<T>): Promise<T> {
  if (!io.env.DATABASE_URL?.trim()) return apply();
  const db = openStudioDb(resolveDatabaseUrl(io.env));
  try {
    const poolKey = livePoolKey({ region: pool.region, endpoint: pool.endpoint ?? null }, pool.userPoolId);
    const runId = randomUUID();
    const timing = applyLockTiming();
    let taken: { target: { id: string; name: string }; held: { targetId: string; poolKey: string | null; runId: string } } | undefined;
    try {
      const candidates = await db.target.findMany({ where: { userPoolId: pool.userPoolId }, include: { pool: { select: { workspaceId: true } } }, orderBy: { createdAt: "asc" } });
      const target = candidates.find((t) => livePoolKey(t, t.userPoolId) === poolKey);
      if (target) {
        const held = { targetId: target.id, poolKey, runId };
        const lock = await acquireApplyLock({ ...held, holder: holderName(), ttlMs: timing.ttlMs, workspaceId: target.pool.workspaceId, poolId: target.poolId }, db);
        if (!lock.ok) throw new StudioLockRefused(describeLockRefusal(lock, target, pool.userPoolId));
        taken = { target, held };
      }
    } catch (error) {
      if (error instanceof StudioLockRefused) throw error;
      // The database's own message may name the connection (DATABASE_URL can hold a password): only its kind.
      const kind = error instanceof Error ? error.name : "Error";
      throw new StudioLockRefused(`cannot read the studio's database (DATABASE_URL) to take its apply lock (${kind}); unset DATABASE_URL to apply without the studio's lock`);
    }
    if (!taken) return await apply();
    const { target, held } = taken;
    io.stderr(`cognito-studio apply: holding the studio's apply lock of target ${target.name} and pool ${pool.userPoolId}\n`);
    const stop = startLockHeartbeat(held, timing, db);
    try {
      return await apply();
    } finally {
      await stop();
      await releaseApplyLock(held, db);
    }
  } finally {
    await db.$disconnect();
  }
}
