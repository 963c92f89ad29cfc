import "server-only";
import { UserError } from "./errors";
import { type Db, getDb } from "./db";
import { saveDraft } from "./pools";

/** The client of an open transaction. */
type TxDb = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** One apply of a change request to a target, for the history page: who applied which revision where, and how it ended. */
export interface ApplyHistoryEntry {
  id: string;
  changeRequestId: string;
  title: string;
  target: string;
  revisionNumber: number;
  appliedBy: string;
  /** running | succeeded | failed */
  status: string;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

/** The applies of a pool's change requests, newest first (the ApplyRun rows). */
export async function listApplyHistory(workspaceId: string, poolId: string, db: Db = getDb().db): Promise<ApplyHistoryEntry[]> {
  const runs = await db.applyRun.findMany({
    where: { changeRequest: { poolId, pool: { workspaceId } } },
    include: { changeRequest: { select: { title: true, revisionNumber: true } }, target: { select: { name: true } } },
    orderBy: { startedAt: "desc" },
    take: 200,
  });
  return runs.map((r) => ({
    id: r.id,
    changeRequestId: r.changeRequestId,
    title: r.changeRequest.title,
    target: r.target.name,
    revisionNumber: r.changeRequest.revisionNumber,
    appliedBy: r.appliedBy,
    status: r.status,
    error: r.error,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
  }));
}

/**
 * Puts a revision's document back into the draft (the undo people expect). Conditional on the draft version the
 * person saw, like every draft save: a draft someone changed meanwhile is not overwritten.
 */
export async function restoreRevision(
  input: { workspaceId: string; poolId: string; number: number; version: number; actor: string },
  db: Db | TxDb,
): Promise<{ version: number; valid: boolean }> {
  const revision = await db.revision.findFirst({ where: { poolId: input.poolId, number: input.number, pool: { workspaceId: input.workspaceId } } });
  if (!revision) throw new UserError("revision-not-found", `Revision ${input.number} does not exist in this pool.`);
  let document: unknown;
  try {
    document = JSON.parse(revision.document);
  } catch {
    throw new UserError("revision-unreadable", `Revision ${input.number} cannot be read (a corrupt row), so it cannot be restored.`);
  }
  // saveDraft uses only the model delegates, which a transaction client has too.
  const saved = await saveDraft({ workspaceId: input.workspaceId, poolId: input.poolId, version: input.version, document, actor: input.actor }, db as Db);
  return { version: saved.version, valid: saved.valid };
}
