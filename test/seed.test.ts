import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import { afterAll, expect, test } from "vitest";
import { migrate } from "@/prisma/migrate.mjs";
import { createSeedDb, seedDemoAccounts } from "@/prisma/seed";

const dir = mkdtempSync(path.join(tmpdir(), "studio-seed-"));
const url = `file:${path.join(dir, "studio.db")}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("db:seed creates a demo admin and a demo reviewer once, with working passwords", async () => {
  await migrate(url);
  const db = createSeedDb(url);
  try {
    const first = await seedDemoAccounts(db, { SEED_ADMIN_PASSWORD: "admin-pass-123" });
    expect(first.map((a) => [a.email, a.role])).toEqual([
      ["demo-admin@example.com", "admin"],
      ["demo-reviewer@example.com", "approver"],
    ]);
    expect(first[0]?.password).toBe("admin-pass-123");
    expect(first[1]?.password).toMatch(/^[\w-]{16}$/u);
    const users = await db.user.findMany({ include: { memberships: true }, orderBy: { email: "asc" } });
    expect(users.map((u) => [u.email, u.memberships.map((m) => m.role)])).toEqual([
      ["demo-admin@example.com", ["admin"]],
      ["demo-reviewer@example.com", ["approver"]],
    ]);
    expect(await bcrypt.compare("admin-pass-123", users[0]?.passwordHash ?? "")).toBe(true);
    expect(await bcrypt.compare(first[1]?.password ?? "", users[1]?.passwordHash ?? "")).toBe(true);
    // Again: nothing created, no password printed or changed.
    const again = await seedDemoAccounts(db, {});
    expect(again.map((a) => a.password)).toEqual([undefined, undefined]);
    expect(await db.user.count()).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "user.seed" } })).toBe(2);
  } finally {
    await db.$disconnect();
  }
});
