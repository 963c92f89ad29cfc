import bcrypt from "bcryptjs";
import { createSeedDb } from "../../prisma/seed";
import type { Role } from "../../lib/contracts/roles";

/** Every bench account's password (one bcrypt hash, made once: the hash is what sign-in checks). */
export const LOAD_PASSWORD = "load-bench-password";

export interface LoadAccount {
  email: string;
  role: Role;
}

/**
 * Creates the workspace and its members directly in the database, as `npm run db:seed` does (plain Prisma:
 * lib/server refuses to load outside Next). Sign-up is rate-limited per address and makes viewers; the bench
 * signs everyone in through the real sign-in route afterwards.
 */
export async function seedAccounts(databaseUrl: string, accounts: LoadAccount[]): Promise<void> {
  const db = createSeedDb(databaseUrl);
  try {
    const passwordHash = await bcrypt.hash(LOAD_PASSWORD, 10);
    const workspace = await db.workspace.create({ data: { name: "Default workspace" }, select: { id: true } });
    for (const account of accounts) {
      await db.user.create({ data: { email: account.email, name: account.email.split("@")[0]!, passwordHash, memberships: { create: { workspaceId: workspace.id, role: account.role } } } });
    }
    await db.firstAdmin.create({ data: { id: 1, email: accounts[0]!.email } });
  } finally {
    await db.$disconnect();
  }
}
