// Applies the committed SQL migrations (prisma/migrations/<provider>/<name>/migration.sql) in name
// order, each in its own transaction, and records them in "_studio_migrations" with a checksum so an
// edited migration is refused instead of silently diverging.
//
// Why not `prisma migrate deploy`: it needs Prisma's native schema engine, a download that cannot
// happen on offline machines (see README, "Database migrations"). Plain SQL through the same drivers
// the app uses needs nothing outside npm.
import { createHash } from "node:crypto";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { databaseKind, resolveDatabaseUrl } from "./database-url.mjs";


const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export function listMigrations(kind, dir = path.join(projectRoot, "prisma/migrations", kind)) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Checksums of earlier texts of a migration whose edit changed only its comments (the SQL it runs is the
 * same): databases migrated before the edit recorded these and stay valid. 0003's header comment named a
 * tracker number instead of the feature.
 */
const EARLIER_CHECKSUMS = new Map([
  [
    "0003_targets_change_requests",
    new Set([
      "b952ef31dfe74777d4a8cc43717fb147dc6438168b1be91a0d2213320007b62a",
      "3fa1324e8f596156a7f7b528fec6529f9984cb99eab354e2e04b9ca5fab57e99",
    ]),
  ],
]);

export function checkRecorded(migration, recorded) {
  const earlier = EARLIER_CHECKSUMS.get(migration.name);
  if (recorded !== undefined && recorded !== migration.checksum && !earlier?.has(recorded)) {
    throw new Error(`migration ${migration.name} was changed after it was applied; add a new migration instead`);
  }
  return recorded !== undefined;
}

/**
 * The SQLite file holds password hashes: it is created 0600 (owner only) in a folder created 0700.
 * An existing file is narrowed to 0600; an existing folder only when it is the studio's own ./data
 * (a folder named in DATABASE_URL may be shared, e.g. /tmp, and is left as it is). SQLite gives its
 * journal files the database file's mode.
 */
export function prepareSqliteFile(file) {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (path.resolve(dir) === path.join(projectRoot, "data")) chmodSync(dir, 0o700);
  if (existsSync(file)) chmodSync(file, 0o600);
  else closeSync(openSync(file, "wx", 0o600));
}

async function migrateSqlite(url, migrations) {
  prepareSqliteFile(url.slice("file:".length));
  const { createClient } = await import("@libsql/client");
  const client = createClient({ url });
  const applied = [];
  try {
    await client.execute(
      'CREATE TABLE IF NOT EXISTS "_studio_migrations" ("name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TEXT NOT NULL)',
    );
    for (const migration of migrations) {
      // A write transaction takes SQLite's write lock first, so two processes starting at once
      // cannot both apply the same migration.
      const tx = await client.transaction("write");
      try {
        const row = (await tx.execute({ sql: 'SELECT "checksum" FROM "_studio_migrations" WHERE "name" = ?', args: [migration.name] })).rows[0];
        if (checkRecorded(migration, row?.checksum)) {
          await tx.rollback();
          continue;
        }
        await tx.executeMultiple(migration.sql);
        await tx.execute({
          sql: 'INSERT INTO "_studio_migrations" ("name", "checksum", "appliedAt") VALUES (?, ?, ?)',
          args: [migration.name, migration.checksum, new Date().toISOString()],
        });
        await tx.commit();
        applied.push(migration.name);
      } catch (error) {
        if (!tx.closed) await tx.rollback();
        throw error;
      }
    }
  } finally {
    client.close();
  }
  return applied;
}

async function migratePostgresql(url, migrations) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied = [];
  try {
    // One migrator at a time per database (a fixed advisory lock key).
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query(
      'CREATE TABLE IF NOT EXISTS "_studio_migrations" ("name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TEXT NOT NULL)',
    );
    const recorded = new Map(
      (await client.query('SELECT "name", "checksum" FROM "_studio_migrations"')).rows.map((r) => [r.name, r.checksum]),
    );
    for (const migration of migrations) {
      if (checkRecorded(migration, recorded.get(migration.name))) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO "_studio_migrations" ("name", "checksum", "appliedAt") VALUES ($1, $2, $3)', [
          migration.name,
          migration.checksum,
          new Date().toISOString(),
        ]);
        await client.query("COMMIT");
        applied.push(migration.name);
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
  } finally {
    await client.end();
  }
  return applied;
}

/** Brings the database at `url` up to date; returns the names of the migrations it applied. */
export async function migrate(url = resolveDatabaseUrl()) {
  const kind = databaseKind(url);
  const migrations = listMigrations(kind);
  return kind === "sqlite" ? migrateSqlite(url, migrations) : migratePostgresql(url, migrations);
}
