import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Prisma } from "@/generated/prisma/sqlite/client";
import { createDb } from "@/lib/server/db";
import { migrate } from "@/prisma/migrate.mjs";
import { startTestPostgres, type TestPostgres } from "./support/postgres";

type Column = { table: string; column: string; nullable: boolean; type: "text" | "integer" | "timestamp" | "boolean" };

/** SQLite and PostgreSQL spell types differently; compare the family, which is what Prisma maps. */
function typeFamily(declared: string): Column["type"] {
  const t = declared.toLowerCase();
  if (t.includes("bool")) return "boolean";
  if (t.includes("int")) return "integer";
  if (t.includes("date") || t.includes("timestamp")) return "timestamp";
  if (t.includes("text") || t.includes("char")) return "text";
  throw new Error(`unexpected column type ${declared}`);
}

async function sqliteColumns(url: string): Promise<Column[]> {
  const client = createClient({ url });
  try {
    const tables = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    const columns: Column[] = [];
    for (const { name } of tables.rows) {
      const info = await client.execute(`PRAGMA table_info("${String(name)}")`);
      for (const row of info.rows) {
        columns.push({ table: String(name), column: String(row.name), nullable: row.notnull === 0 && row.pk === 0, type: typeFamily(String(row.type)) });
      }
    }
    return columns.sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`));
  } finally {
    client.close();
  }
}

async function postgresqlColumns(url: string): Promise<Column[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(
      "SELECT table_name, column_name, is_nullable, data_type FROM information_schema.columns WHERE table_schema = 'public'",
    );
    return result.rows
      .map((r) => ({ table: r.table_name, column: r.column_name, nullable: r.is_nullable === "YES", type: typeFamily(r.data_type) }))
      .sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`));
  } finally {
    await client.end();
  }
}

let postgres: TestPostgres;
let postgresUrl: string;
let sqliteUrl: string;
let sqliteDir: string;

beforeAll(async () => {
  postgres = await startTestPostgres();
  postgresUrl = await postgres.createDatabase("studio_test");
  sqliteDir = mkdtempSync(path.join(tmpdir(), "studio-sqlite-"));
  sqliteUrl = `file:${path.join(sqliteDir, "nested", "studio.db")}`;
});

afterAll(async () => {
  await postgres?.stop();
  if (sqliteDir) rmSync(sqliteDir, { recursive: true, force: true });
});

describe("committed migrations", () => {
  test("apply to an empty SQLite file (created with its folder) and an empty PostgreSQL database", async () => {
    expect(await migrate(sqliteUrl)).toEqual(["0001_init", "0002_auth_workspaces_revisions", "0003_targets_change_requests", "0004_environment_values_promotion", "0005_sign_up_policy", "0006_review_safety", "0007_import_sources", "0008_drift_checks", "0009_policies"]);
    expect(await migrate(postgresUrl)).toEqual(["0001_init", "0002_auth_workspaces_revisions", "0003_targets_change_requests", "0004_environment_values_promotion", "0005_sign_up_policy", "0006_review_safety", "0007_import_sources", "0008_drift_checks", "0009_policies"]);
    // A second start applies nothing.
    expect(await migrate(sqliteUrl)).toEqual([]);
    expect(await migrate(postgresUrl)).toEqual([]);
  });

  test("yield the same tables and columns on both databases", async () => {
    const onSqlite = await sqliteColumns(sqliteUrl);
    const onPostgresql = await postgresqlColumns(postgresUrl);
    expect(onSqlite.map((c) => c.table)).toContain("Pool");
    expect(onPostgresql).toEqual(onSqlite);
  });

  test("hold every field of every Prisma model", async () => {
    const columns = await sqliteColumns(sqliteUrl);
    const fieldsByModel: Record<string, Record<string, string>> = {
      User: Prisma.UserScalarFieldEnum,
      Workspace: Prisma.WorkspaceScalarFieldEnum,
      Membership: Prisma.MembershipScalarFieldEnum,
      Pool: Prisma.PoolScalarFieldEnum,
      Draft: Prisma.DraftScalarFieldEnum,
      Revision: Prisma.RevisionScalarFieldEnum,
      AuditEvent: Prisma.AuditEventScalarFieldEnum,
      Target: Prisma.TargetScalarFieldEnum,
      ChangeRequest: Prisma.ChangeRequestScalarFieldEnum,
      Comment: Prisma.CommentScalarFieldEnum,
      Approval: Prisma.ApprovalScalarFieldEnum,
      ApplyRun: Prisma.ApplyRunScalarFieldEnum,
      ApplyLock: Prisma.ApplyLockScalarFieldEnum,
      LivePoolLock: Prisma.LivePoolLockScalarFieldEnum,
      FirstAdmin: Prisma.FirstAdminScalarFieldEnum,
      Invitation: Prisma.InvitationScalarFieldEnum,
      RateLimitCounter: Prisma.RateLimitCounterScalarFieldEnum,
      ImportSource: Prisma.ImportSourceScalarFieldEnum,
      DriftCheck: Prisma.DriftCheckScalarFieldEnum,
      Policy: Prisma.PolicyScalarFieldEnum,
      PolicyOverride: Prisma.PolicyOverrideScalarFieldEnum,
    };
    expect(Object.keys(fieldsByModel).sort()).toEqual(Object.values(Prisma.ModelName).sort());
    for (const [model, fields] of Object.entries(fieldsByModel)) {
      const inTable = columns.filter((c) => c.table === model).map((c) => c.column).sort();
      expect(inTable, model).toEqual(Object.values(fields).sort());
    }
  });
});

describe.each([
  ["sqlite", () => sqliteUrl],
  ["postgresql", () => postgresUrl],
])("the Prisma client on %s", (_kind, url) => {
  test("writes and reads users, workspaces, pools, drafts, revisions and audit events", async () => {
    const db = createDb(url());
    try {
      const user = await db.user.create({ data: { email: `ann-${_kind}@example.com`, name: "Ann", passwordHash: "x" } });
      const workspace = await db.workspace.create({ data: { name: "Default", memberships: { create: { userId: user.id, role: "admin" } } } });
      const pool = await db.pool.create({
        data: { name: `pool-${_kind}`, region: "eu-west-1", workspaceId: workspace.id, draft: { create: { document: "{}", valid: false } } },
        include: { draft: true },
      });
      expect(pool.draft?.version).toBe(1);
      expect(pool.draft?.valid).toBe(false);
      expect(pool.environment).toBe("dev");
      await db.revision.create({ data: { poolId: pool.id, number: 1, document: "{}", createdBy: "Ann" } });
      // Revision numbers are unique per pool; a second draft for the same pool is refused.
      await expect(db.revision.create({ data: { poolId: pool.id, number: 1, document: "{}", createdBy: "Ann" } })).rejects.toThrow();
      await expect(db.draft.create({ data: { poolId: pool.id, document: "{}" } })).rejects.toThrow();
      await db.auditEvent.create({ data: { actor: "test", action: "pool.create", target: pool.id, poolId: pool.id, workspaceId: workspace.id, after: "created" } });
      const pools = await db.pool.findMany({ where: { name: `pool-${_kind}` } });
      expect(pools.map((p) => p.region)).toEqual(["eu-west-1"]);
      // Pool names are unique within a workspace, enforced by the database itself.
      await expect(db.pool.create({ data: { name: `pool-${_kind}`, region: "us-east-1", workspaceId: workspace.id } })).rejects.toThrow();
      // A user has one membership per workspace.
      await expect(db.membership.create({ data: { userId: user.id, workspaceId: workspace.id } })).rejects.toThrow();
      // One apply lock per target, enforced by the primary key on both databases.
      const target = await db.target.create({ data: { poolId: pool.id, name: "prod", region: "eu-west-1", requiredApprovals: 1 } });
      const expiresAt = new Date(Date.now() + 60_000);
      await db.applyLock.create({ data: { targetId: target.id, runId: "run-1", holder: "ann", expiresAt } });
      await expect(db.applyLock.create({ data: { targetId: target.id, runId: "run-2", holder: "bob", expiresAt } })).rejects.toThrow();
      await db.applyLock.delete({ where: { targetId: target.id } });
      // Deleting a pool removes its draft and revisions.
      await db.pool.delete({ where: { id: pool.id } });
      expect(await db.draft.count({ where: { poolId: pool.id } })).toBe(0);
      expect(await db.revision.count({ where: { poolId: pool.id } })).toBe(0);
      expect(await db.target.count({ where: { poolId: pool.id } })).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });
});
