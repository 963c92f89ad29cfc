#!/usr/bin/env node
// `npm run db:migrate`, also run before `npm run dev` / `npm start` so the embedded database is
// created and migrated on first start.
import { databaseKind, resolveDatabaseUrl } from "../prisma/database-url.mjs";
import { migrate } from "../prisma/migrate.mjs";

const url = resolveDatabaseUrl();
try {
  const applied = await migrate(url);
  const where = databaseKind(url) === "sqlite" ? url.slice("file:".length) : "PostgreSQL";
  console.log(applied.length ? `db-migrate: applied ${applied.join(", ")} (${where})` : `db-migrate: up to date (${where})`);
} catch (error) {
  console.error(`db-migrate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
