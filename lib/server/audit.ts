import "server-only";
import type { AuditFilter } from "@/app/pools/review.validation";
import { type Db, getDb } from "./db";

/**
 * Reading the audit log. There is deliberately no function here (or anywhere in the app) that updates
 * or deletes an audit event: they are written by the action wrapper and by sign-up, and only read.
 */
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
