import "server-only";
import { type Db, getDb } from "./db";

/**
 * Fixed-window attempt counters kept in the database (RateLimitCounter), so every studio instance on
 * the same database shares them. A key is "what:who" (e.g. "sign-in-address:203.0.113.9"). Rows whose
 * window ended more than a day ago are deleted on every count, so the table stays bounded by what
 * one day of attempts can create.
 */
export interface Limit {
  /** The key's prefix, e.g. "sign-in-address". */
  name: string;
  max: number;
  windowMs: number;
}

const PRUNE_AFTER_MS = 24 * 60 * 60_000;

/** `STUDIO_SIGNUPS_PER_HOUR`: sign-ups allowed from one address per hour (default 10; a positive whole number). */
function signUpsPerHour(): number {
  const value = Number(process.env.STUDIO_SIGNUPS_PER_HOUR ?? 10);
  return Number.isInteger(value) && value > 0 ? value : 10;
}

export const LIMITS = {
  /** Wrong passwords for one email from one address. */
  signInPerAccount: { name: "sign-in-account", max: 5, windowMs: 15 * 60_000 },
  /** Wrong passwords from one address across every email (password spraying). */
  signInPerAddress: { name: "sign-in-address", max: 20, windowMs: 15 * 60_000 },
  /** Sign-up attempts from one address, successful or not (each costs a bcrypt hash). */
  signUpPerAddress: { name: "sign-up-address", max: signUpsPerHour(), windowMs: 60 * 60_000 },
  /** Invitation links tried from one address that were not valid. */
  invitationPerAddress: { name: "invitation-address", max: 10, windowMs: 15 * 60_000 },
} satisfies Record<string, Limit>;

function keyOf(limit: Limit, who: string): string {
  return `${limit.name}:${who}`;
}

/** Seconds until `who` may try again under `limit`, or 0 when it may try now. */
export async function retryAfter(limit: Limit, who: string, db: Db = getDb().db, now = Date.now()): Promise<number> {
  const row = await db.rateLimitCounter.findUnique({ where: { key: keyOf(limit, who) } });
  if (!row) return 0;
  const ends = Number(row.windowStart) + limit.windowMs;
  if (ends <= now || row.count < limit.max) return 0;
  return Math.ceil((ends - now) / 1000);
}

/** Counts one attempt (a single statement, so concurrent requests on any instance each count). */
export async function countAttempt(limit: Limit, who: string, db: Db = getDb().db, now = Date.now()): Promise<void> {
  const key = keyOf(limit, who);
  const at = BigInt(now);
  const expired = BigInt(now - limit.windowMs);
  await db.$executeRaw`INSERT INTO "RateLimitCounter" ("key", "count", "windowStart") VALUES (${key}, 1, ${at})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitCounter"."windowStart" <= ${expired} THEN 1 ELSE "RateLimitCounter"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitCounter"."windowStart" <= ${expired} THEN ${at} ELSE "RateLimitCounter"."windowStart" END`;
  await db.rateLimitCounter.deleteMany({ where: { windowStart: { lt: BigInt(now - PRUNE_AFTER_MS) } } });
}

export async function clearAttempts(limit: Limit, who: string, db: Db = getDb().db): Promise<void> {
  await db.rateLimitCounter.deleteMany({ where: { key: keyOf(limit, who) } });
}

/** The longest wait among several limits (0 when none is reached). */
export async function longestWait(checks: [Limit, string][], db: Db = getDb().db, now = Date.now()): Promise<number> {
  const waits = await Promise.all(checks.map(([limit, who]) => retryAfter(limit, who, db, now)));
  return Math.max(0, ...waits);
}
