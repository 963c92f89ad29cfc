import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrate } from "@/prisma/migrate.mjs";
import { startTestPostgres, type TestPostgres } from "@/test/support/postgres";
import type { Db } from "./db";
import type { SignupPolicy } from "./auth-policy";

const { createDb } = await import("./db");
const users = await import("./users");
const members = await import("./members");

/**
 * Five people sign up at the same moment on a new studio, each through its own database client (as
 * five server instances would). Exactly one may become admin, and there must be one workspace.
 */
async function raceFiveSignUps(url: string, policy: SignupPolicy) {
  await migrate(url);
  const clients: Db[] = Array.from({ length: 5 }, () => createDb(url));
  try {
    const results = await Promise.allSettled(
      clients.map((db, n) => users.createAccount({ email: `person${n}@example.com`, name: `Person ${n}`, password: `password number ${n}` }, { clientAddress: `192.0.2.${n}`, policy }, db)),
    );
    const db = clients[0] as Db;
    const admins = await db.membership.count({ where: { role: "admin" } });
    const workspaces = await db.workspace.count();
    const accounts = await db.user.count();
    const errors = results.flatMap((r) => (r.status === "rejected" ? [String((r.reason as Error).message)] : []));
    return { admins, workspaces, accounts, errors };
  } finally {
    await Promise.all(clients.map((c) => c.$disconnect()));
  }
}

const invite: SignupPolicy = { mode: "invite", allowedDomains: [] };
const open: SignupPolicy = { mode: "open", allowedDomains: [] };

describe("first admin, five sign-ups at once: SQLite", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "studio-race-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("invite: one admin, one workspace, the four others told to ask for an invitation", async () => {
    const outcome = await raceFiveSignUps(`file:${path.join(dir, "invite.db")}`, invite);
    expect(outcome).toMatchObject({ admins: 1, workspaces: 1, accounts: 1 });
    expect(outcome.errors).toHaveLength(4);
    for (const error of outcome.errors) expect(error).toContain("Sign-up on this studio is by invitation");
  });

  test("open: five accounts, one admin, one workspace", async () => {
    expect(await raceFiveSignUps(`file:${path.join(dir, "open.db")}`, open)).toEqual({ admins: 1, workspaces: 1, accounts: 5, errors: [] });
  });
});

describe("first admin, five sign-ups at once: PostgreSQL", () => {
  let postgres: TestPostgres;
  beforeAll(async () => {
    postgres = await startTestPostgres();
  });
  afterAll(async () => {
    await postgres?.stop();
  });

  test.each([1, 2, 3])("invite, run %i: one admin, one workspace", async (run) => {
    const outcome = await raceFiveSignUps(await postgres.createDatabase(`race_invite_${run}`), invite);
    expect(outcome).toMatchObject({ admins: 1, workspaces: 1, accounts: 1 });
    expect(outcome.errors).toHaveLength(4);
  });

  test("open: five accounts, one admin, one workspace", async () => {
    expect(await raceFiveSignUps(await postgres.createDatabase("race_open"), open)).toEqual({ admins: 1, workspaces: 1, accounts: 5, errors: [] });
  });

  test.each([1, 2, 3])("two admins demoting each other at once leave one admin (run %i)", async (run) => {
    const url = await postgres.createDatabase(`demote_${run}`);
    await migrate(url);
    const [a, b] = [createDb(url), createDb(url)] as [Db, Db];
    try {
      const first = await users.createAccount({ email: "a@example.com", name: "A", password: "password a 123" }, { clientAddress: "a", policy: open }, a);
      const second = await users.createAccount({ email: "b@example.com", name: "B", password: "password b 123" }, { clientAddress: "b", policy: open }, a);
      await a.membership.updateMany({ where: { userId: second.id }, data: { role: "admin" } });
      const results = await Promise.allSettled([
        members.setMemberRole(first, { userId: second.id, role: "viewer" }, a),
        members.setMemberRole({ ...second, role: "admin" }, { userId: first.id, role: "viewer" }, b),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await a.membership.count({ where: { role: "admin" } })).toBe(1);
    } finally {
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
  });
});
