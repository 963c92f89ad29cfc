import "server-only";
import { PrismaLibSql } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresqlClient } from "@/generated/prisma/postgresql/client";
import { PrismaClient as SqliteClient } from "@/generated/prisma/sqlite/client";
import { databaseKind, resolveDatabaseUrl } from "@/prisma/database-url.mjs";

/**
 * The studio's database client. Both generated clients come from the same models
 * (scripts/prisma-generate.mjs derives one schema from the other), so one type serves both.
 */
export type Db = SqliteClient;
export type DatabaseKind = "sqlite" | "postgresql";
/** The client inside an interactive transaction (`db.$transaction(async (tx) => ...)`); a Db is one too. */
export type DbTx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export function createDb(url: string): Db {
  if (databaseKind(url) === "postgresql") {
    return new PostgresqlClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  return new SqliteClient({ adapter: new PrismaLibSql({ url }) });
}

const globalForDb = globalThis as unknown as { cognitoStudioDb?: { db: Db; kind: DatabaseKind } };

/** One client per process (Next's dev server reloads modules, hence the global). */
export function getDb(): { db: Db; kind: DatabaseKind } {
  if (!globalForDb.cognitoStudioDb) {
    const url = resolveDatabaseUrl();
    globalForDb.cognitoStudioDb = { db: createDb(url), kind: databaseKind(url) };
  }
  return globalForDb.cognitoStudioDb;
}
