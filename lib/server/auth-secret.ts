import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Where a generated secret is kept when AUTH_SECRET is unset (git-ignored with the rest of ./data/). */
export const AUTH_SECRET_FILE = "data/auth-secret";

/**
 * The secret that signs session cookies. A team sets AUTH_SECRET; without it, the first start generates
 * one and keeps it in ./data/auth-secret so `npm install && npm run studio` works with no configuration
 * and sessions survive restarts. Two processes racing to create it both end up reading the winner's.
 */
export function resolveAuthSecret(env: Record<string, string | undefined> = process.env, cwd: string = process.cwd()): string {
  const fromEnv = env.AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const file = path.resolve(/*turbopackIgnore: true*/ cwd, AUTH_SECRET_FILE);
  try {
    const existing = readFileSync(file, "utf8").trim();
    if (existing) return existing;
  } catch {
    // Not there yet: create it below.
  }
  // Owner only, like the SQLite file beside it (prisma/migrate.mjs).
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readFileSync(file, "utf8").trim();
}
