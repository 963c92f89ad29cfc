/**
 * `npm run db:seed`: migrates the database and creates two demo accounts in the default workspace, a
 * demo admin and a demo reviewer (approver), printing their passwords once. Passwords are random
 * unless SEED_ADMIN_PASSWORD / SEED_REVIEWER_PASSWORD are set. Accounts that exist are left as they are.
 *
 * Plain Prisma here (not lib/server): those modules are `server-only` and refuse to load outside Next.
 */
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { PrismaLibSql } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import bcrypt from "bcryptjs";
import { PrismaClient as PostgresqlClient } from "../generated/prisma/postgresql/client";
import { PrismaClient as SqliteClient } from "../generated/prisma/sqlite/client";
import { databaseKind, resolveDatabaseUrl } from "./database-url.mjs";
import { migrate } from "./migrate.mjs";

/** Same cost and workspace name as lib/server/users.ts. */
const BCRYPT_COST = 10;
const DEFAULT_WORKSPACE_NAME = "Default workspace";

export interface SeedAccount {
  email: string;
  name: string;
  role: "admin" | "approver";
  /** Set when the account was created by this run; undefined when it already existed. */
  password?: string;
}

function newPassword(): string {
  return randomBytes(12).toString("base64url");
}

/** Creates the demo accounts that do not exist yet; returns all of them (with the new passwords). */
export async function seedDemoAccounts(db: SqliteClient, env: Record<string, string | undefined> = process.env): Promise<SeedAccount[]> {
  const wanted: SeedAccount[] = [
    { email: "demo-admin@example.com", name: "Demo Admin", role: "admin", password: env.SEED_ADMIN_PASSWORD || newPassword() },
    { email: "demo-reviewer@example.com", name: "Demo Reviewer", role: "approver", password: env.SEED_REVIEWER_PASSWORD || newPassword() },
  ];
  const workspace =
    (await db.workspace.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } })) ??
    (await db.workspace.create({ data: { name: DEFAULT_WORKSPACE_NAME }, select: { id: true } }));
  const out: SeedAccount[] = [];
  for (const account of wanted) {
    if (await db.user.findUnique({ where: { email: account.email }, select: { id: true } })) {
      out.push({ email: account.email, name: account.name, role: account.role });
      continue;
    }
    const passwordHash = await bcrypt.hash(account.password ?? "", BCRYPT_COST);
    await db.$transaction([
      db.user.create({ data: { email: account.email, name: account.name, passwordHash, memberships: { create: { workspaceId: workspace.id, role: account.role } } } }),
      db.auditEvent.create({ data: { actor: "db:seed", action: "user.seed", target: account.email, workspaceId: workspace.id, after: `${account.email} created as ${account.role}` } }),
    ]);
    out.push(account);
  }
  return out;
}

export function createSeedDb(url: string): SqliteClient {
  if (databaseKind(url) === "postgresql") return new PostgresqlClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as SqliteClient;
  return new SqliteClient({ adapter: new PrismaLibSql({ url }) });
}

async function main() {
  const url = resolveDatabaseUrl();
  await migrate(url);
  const db = createSeedDb(url);
  try {
    for (const account of await seedDemoAccounts(db)) {
      console.log(
        account.password
          ? `db:seed: created ${account.role} ${account.email} with password ${account.password}`
          : `db:seed: ${account.email} exists already; its password is unchanged`,
      );
    }
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`db:seed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
