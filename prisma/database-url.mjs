// Which database the studio talks to. Kept apart from migrate.mjs so the app's bundle does not pull
// in the migration files.
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/studio.db";

/** "postgresql" for postgres:// and postgresql:// URLs, "sqlite" for file: URLs. */
export function databaseKind(url) {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${url.split(":")[0]}:..."`);
}

/**
 * The database URL from the environment (default: the embedded SQLite file ./data/studio.db).
 * A relative SQLite path is resolved from the working directory, which npm scripts set to the
 * project root.
 */
export function resolveDatabaseUrl(env = process.env) {
  const url = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  if (databaseKind(url) !== "sqlite") return url;
  const file = url.slice("file:".length);
  return `file:${path.isAbsolute(file) ? file : path.resolve(/*turbopackIgnore: true*/ process.cwd(), file)}`;
}
