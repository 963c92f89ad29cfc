/**
 * A studio database for one test file: a SQLite file in a temporary folder, and its members by role.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { Role } from "@/lib/contracts/roles";

/**
 * Points DATABASE_URL at a SQLite file in a new temporary folder (before the first import of the database
 * client); `remove` deletes the folder.
 */
export function useTemporarySqlite(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  process.env.DATABASE_URL = `file:${path.join(dir, "studio.db")}`;
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Signs up the first account, which becomes the admin of the default workspace, then one account per name in
 * `roles` given that role (`admin@example.com`, `editor@example.com`, … with `password-NAME`). Returns the ids.
 */
export async function addMembers<N extends string>(roles: Record<N, Role>, domain = "example.com"): Promise<Record<N | "admin", string>> {
  const { createAccount } = await import("@/lib/server/users");
  const { getDb } = await import("@/lib/server/db");
  const ids = { admin: (await createAccount({ email: `admin@${domain}`, name: "Admin", password: "password-admin" })).id } as Record<N | "admin", string>;
  for (const [name, role] of Object.entries(roles) as [N, Role][]) {
    ids[name] = (await createAccount({ email: `${name}@${domain}`, name, password: `password-${name}` })).id;
    await getDb().db.membership.updateMany({ where: { userId: ids[name] }, data: { role } });
  }
  return ids;
}

/** `{ viewer: "viewer", editor: "editor", … }` for the roles named. */
export function byRole<R extends Role>(...roles: R[]): Record<R, Role> {
  return Object.fromEntries(roles.map((r) => [r, r])) as unknown as Record<R, Role>;
}

/**
 * A studio database for the whole test file: `useTemporarySqlite`, then before the tests the migrations and the
 * members; after them the session lookup and the target port factories reset, the client closed and the folder
 * removed. Call it before the first import of the database client. `as(name)` makes the next action run as
 * that member, `as("anonymous")` signed out.
 */
export function useStudioDatabase<N extends string>(prefix: string, roles: Record<N, Role>) {
  const database = useTemporarySqlite(prefix);
  const users = {} as Record<N | "admin", string>;
  let setSessionLookup: (typeof import("@/lib/server/session"))["setSessionLookup"] | undefined;
  beforeAll(async () => {
    ({ setSessionLookup } = await import("@/lib/server/session"));
    const { migrate } = await import("@/prisma/migrate.mjs");
    await migrate(process.env.DATABASE_URL);
    Object.assign(users, await addMembers(roles));
  });
  afterAll(async () => {
    setSessionLookup?.(undefined);
    const ports = await import("@/lib/server/target-port");
    ports.setTargetPortFactory(undefined);
    ports.setTargetPreflightFactory(undefined);
    ports.setTargetSecretPortFactory(undefined);
    await (await import("@/lib/server/db")).getDb().db.$disconnect();
    database.remove();
  });
  const as = (who: N | "admin" | "anonymous") => setSessionLookup?.(async () => (who === "anonymous" ? null : { userId: users[who] }));
  return { dir: database.dir, users, as };
}

/** A blank pool (no preset, eu-west-1, dev) made through the New pool action by whoever `signIn` signs in. */
export async function newBlankPool(name: string, signIn: () => void): Promise<{ id: string; name: string }> {
  const { createPoolAction } = await import("@/app/pools/actions");
  signIn();
  const result = await createPoolAction({ name, region: "eu-west-1", environment: "dev", preset: "" });
  if (!result.ok) throw new Error(`setup failed: ${JSON.stringify(result)}`);
  return { id: result.data.id, name };
}
