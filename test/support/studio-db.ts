/**
 * A studio database for one test file: a SQLite file in a temporary folder, and its members by role.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Role } from "@/lib/server/roles";

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
