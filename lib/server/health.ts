import "server-only";
import { getDb, type DatabaseKind } from "./db";

export type Health =
  | { status: "ok"; database: DatabaseKind }
  | { status: "error"; database: DatabaseKind | "unknown"; reason: string };

/** What /api/health says when the database fails: anyone may call it, so the error's text (paths, hosts, users) stays in the server log. */
export const DATABASE_UNREACHABLE = "the database cannot be reached; the server log has the details";

/** Answers whether the database can be reached, by running a trivial query on it. */
export async function checkHealth(handle: () => { db: { $queryRawUnsafe(sql: string): Promise<unknown> }; kind: DatabaseKind } = getDb): Promise<Health> {
  let kind: DatabaseKind | "unknown" = "unknown";
  try {
    const current = handle();
    kind = current.kind;
    await current.db.$queryRawUnsafe("SELECT 1");
    return { status: "ok", database: kind };
  } catch (error) {
    console.error("health: the database check failed", error);
    return { status: "error", database: kind, reason: DATABASE_UNREACHABLE };
  }
}
