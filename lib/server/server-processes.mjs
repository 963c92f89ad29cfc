// How many Node processes scripts/serve.mjs runs. Plain JavaScript: the server script imports it before Next loads.
import { databaseKind, resolveDatabaseUrl } from "../../prisma/database-url.mjs";

export const SERVER_PROCESSES_ENV = "STUDIO_SERVER_PROCESSES";
/** Four processes x the PostgreSQL pool of 20 (lib/server/db.ts) fit PostgreSQL's default max_connections of 100. */
export const MAX_DEFAULT_PROCESSES = 4;

/**
 * `STUDIO_SERVER_PROCESSES` when set (1-16; more than one only on PostgreSQL); else one process per core, at most four, on PostgreSQL; else one.
 * One Node process renders on one core: `npm run bench -- load` kept a 2-core machine's single process at 0.98 of a
 * core with the second core nearly idle. Every instance shares its state through the database (drafts by version,
 * apply locks, rate-limit counters, the apply runs a progress stream reads), which is what running several needs.
 * SQLite stays at one: one file has one writer at a time, and a second process would only wait for it.
 */
export function serverProcessCount(env, cores) {
  const postgres = databaseKind(resolveDatabaseUrl(env)) === "postgresql";
  const raw = env[SERVER_PROCESSES_ENV]?.trim();
  if (raw) {
    if (!/^\d{1,2}$/u.test(raw) || Number(raw) < 1 || Number(raw) > 16) {
      throw new Error(`${SERVER_PROCESSES_ENV} must be a whole number of server processes from 1 to 16 (e.g. 2 on a 2-core machine); it is "${raw}"`);
    }
    if (Number(raw) > 1 && !postgres) {
      throw new Error(`${SERVER_PROCESSES_ENV} is ${raw}, but the studio's database is SQLite, which takes one server process; set DATABASE_URL to a PostgreSQL database to run more`);
    }
    return Number(raw);
  }
  return postgres ? Math.max(1, Math.min(cores, MAX_DEFAULT_PROCESSES)) : 1;
}
