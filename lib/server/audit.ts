import "server-only";
import type { AuditFilter } from "@/lib/contracts/review-inputs";
import { type Db, getDb } from "./db";

/**
 * Writing and reading the audit log. Events are written by the action wrapper (in the action's own
 * transaction), by sign-up and sign-in, and never deleted. The one update is coalescing: the autosave
 * of one person on one pool extends its latest event instead of adding one every two seconds.
 */
export interface NewAuditEvent {
  actor: string;
  action: string;
  target: string;
  workspaceId: string | null;
  poolId?: string | null;
  before?: string | null;
  after?: string | null;
  details?: Record<string, unknown>;
}

/** Autosaves less than this apart are one editing session (one event). */
export const COALESCE_WINDOW_MS = 10 * 60_000;

/**
 * Writes an event. With `coalesceWithinMs`, when the pool's newest event is the same person's same
 * action within that time, that event is extended instead: it keeps its `before` (the first version)
 * and takes the new `after`, and its details count the saves and say when the session started.
 */
export async function recordAuditEvent(event: NewAuditEvent, options: { coalesceWithinMs?: number } = {}, db: Db = getDb().db, now = new Date()): Promise<void> {
  const details = event.details ?? {};
  if (options.coalesceWithinMs && event.poolId) {
    const latest = await db.auditEvent.findFirst({ where: { poolId: event.poolId, workspaceId: event.workspaceId }, orderBy: [{ at: "desc" }, { id: "desc" }], select: { id: true, at: true, actor: true, action: true, details: true } });
    if (latest && latest.actor === event.actor && latest.action === event.action && now.getTime() - latest.at.getTime() < options.coalesceWithinMs) {
      const earlier = parseDetails(latest.details);
      const saves = (typeof earlier.saves === "number" ? earlier.saves : 1) + 1;
      const since = typeof earlier.since === "string" ? earlier.since : latest.at.toISOString();
      await db.auditEvent.update({ where: { id: latest.id }, data: { at: now, after: event.after ?? null, details: JSON.stringify({ ...details, saves, since }) } });
      return;
    }
  }
  await db.auditEvent.create({
    data: {
      at: now,
      actor: event.actor,
      action: event.action,
      target: event.target,
      workspaceId: event.workspaceId,
      poolId: event.poolId ?? null,
      before: event.before ?? null,
      after: event.after ?? null,
      details: JSON.stringify(details),
    },
  });
}

export interface AuditEventView {
  id: string;
  at: Date;
  actor: string;
  action: string;
  target: string;
  poolId: string | null;
  poolName: string | null;
  before: string | null;
  after: string | null;
  details: Record<string, unknown>;
}

export const AUDIT_PAGE_SIZE = 200;

function parseDetails(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The workspace's newest audit events, filtered by pool, person and action (exact matches). */
export async function listAuditEvents(workspaceId: string, filter: AuditFilter, db: Db = getDb().db): Promise<AuditEventView[]> {
  const events = await db.auditEvent.findMany({
    where: {
      workspaceId,
      ...(filter.poolId ? { poolId: filter.poolId } : {}),
      ...(filter.actor ? { actor: filter.actor } : {}),
      ...(filter.action ? { action: filter.action } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE,
  });
  const poolIds = [...new Set(events.map((e) => e.poolId).filter((id): id is string => id !== null))];
  const pools = await db.pool.findMany({ where: { id: { in: poolIds } }, select: { id: true, name: true } });
  const names = new Map(pools.map((p) => [p.id, p.name]));
  return events.map((e) => ({
    id: e.id,
    at: e.at,
    actor: e.actor,
    action: e.action,
    target: e.target,
    poolId: e.poolId,
    poolName: e.poolId ? (names.get(e.poolId) ?? null) : null,
    before: e.before,
    after: e.after,
    details: parseDetails(e.details),
  }));
}

/** The choices of the filter form: the workspace's pools, the people and actions that appear in the log. */
export async function listAuditFacets(workspaceId: string, db: Db = getDb().db): Promise<{ pools: { id: string; name: string }[]; actors: string[]; actions: string[] }> {
  const [pools, actors, actions] = await Promise.all([
    db.pool.findMany({ where: { workspaceId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.auditEvent.findMany({ where: { workspaceId }, distinct: ["actor"], select: { actor: true }, orderBy: { actor: "asc" } }),
    db.auditEvent.findMany({ where: { workspaceId }, distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return { pools, actors: actors.map((a) => a.actor), actions: actions.map((a) => a.action) };
}
