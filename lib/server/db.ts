import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
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

/**
 * Connections one studio process keeps to PostgreSQL (pg's default would be 10). A request holds one only for
 * its queries (a save: the version check, the write and its audit event, validated before), a few milliseconds
 * each; but when the process is short of CPU, a connection stays checked out across every turn of the event
 * loop the transaction waits for, and at 10 the pool filled before anything else did under twice the load of
 * `npm run bench -- load`. More connections do not make PostgreSQL faster on a small machine, so 20: enough for
 * those waits, and four studio instances (80) still fit PostgreSQL's default max_connections of 100 with room
 * for the CLI, migrations and an operator's psql.
 */
export const POSTGRES_POOL_SIZE = 20;

export function createDb(url: string): Db {
  if (databaseKind(url) === "postgresql") {
    return new PostgresqlClient({ adapter: new PrismaPg({ connectionString: url, max: POSTGRES_POOL_SIZE }) }) as unknown as Db;
  }
  return new SqliteClient({ adapter: new PrismaLibSql({ url }) });
}

const globalForDb = globalThis as unknown as { cognitoStudioDb?: { db: Db; kind: DatabaseKind } };

/** The transaction of the server action running on this async path, if any (see inTransaction). */
const currentTransaction = new AsyncLocalStorage<Db>();

/**
 * One client per process (Next's dev server reloads modules, hence the global). Inside
 * {@link inTransaction}, the transaction's client instead: every `getDb().db` the action reaches
 * writes in the same transaction as its audit event.
 */
export function getDb(): { db: Db; kind: DatabaseKind } {
  if (!globalForDb.cognitoStudioDb) {
    const url = resolveDatabaseUrl();
    globalForDb.cognitoStudioDb = { db: createDb(url), kind: databaseKind(url) };
  }
  const tx = currentTransaction.getStore();
  return tx ? { db: tx, kind: globalForDb.cognitoStudioDb.kind } : globalForDb.cognitoStudioDb;
}

/**
 * A transaction client that also answers `$transaction`: a nested transaction joins the outer one
 * (Prisma has no nested transactions), so functions that open their own keep working inside.
 */
function joinable(tx: object): Db {
  const proxy: Db = new Proxy(tx, {
    get(target, property, receiver) {
      if (property === "$transaction") {
        return (arg: unknown) => (typeof arg === "function" ? (arg as (db: Db) => unknown)(proxy) : Promise.all(arg as unknown[]));
      }
      return Reflect.get(target, property, receiver);
    },
  }) as Db;
  return proxy;
}

/**
 * Runs `fn` in one database transaction that every getDb() call on its async path joins: all its
 * writes commit together, or none do. For work that stays in the database (no AWS calls: a
 * transaction must stay short).
 */
export async function inTransaction<T>(fn: () => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
  if (currentTransaction.getStore()) return fn();
  const { db } = getDb();
  return db.$transaction((tx) => currentTransaction.run(joinable(tx), fn), { timeout: options.timeoutMs ?? 30_000, maxWait: 15_000 });
}
