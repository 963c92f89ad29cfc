import "server-only";
import { getDb, type DatabaseKind } from "./db";

export type Health =
  | { status: "ok"; database: DatabaseKind }
  | { status: "error"; database: DatabaseKind | "unknown"; reason: string };

/** Answers whether the database can be reached, by running a trivial query on it. */
export async function checkHealth(): Promise<Health> {
  let kind: DatabaseKind | "unknown" = "unknown";
  try {
    const handle = getDb();
    kind = handle.kind;
    await handle.db.$queryRawUnsafe("SELECT 1");
    return { status: "ok", database: kind };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n").filter(Boolean).slice(-1)[0] ?? error.name : String(error);
    return { status: "error", database: kind, reason };
  }
}
