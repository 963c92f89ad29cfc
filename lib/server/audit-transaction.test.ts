import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { z } from "zod";
import { migrate } from "@/prisma/migrate.mjs";
import { useTemporarySqlite } from "@/test/support/studio-db";

// A real SQLite file; only the session lookup is replaced.
const database = useTemporarySqlite("studio-audit-tx-");

const { getDb } = await import("./db");
const { setSessionLookup } = await import("./session");
const { createAccount } = await import("./users");
const { defineAction } = await import("./action");
const { UserError } = await import("./errors");
const actions = await import("@/app/pools/actions");

const db = () => getDb().db;
let editor = { id: "", email: "", workspaceId: "" };
let viewer = { id: "" };

beforeAll(async () => {
  await migrate(process.env.DATABASE_URL);
  await createAccount({ email: "admin@example.com", name: "Admin", password: "password-admin" });
  const e = await createAccount({ email: "editor@example.com", name: "Editor", password: "password-editor" });
  await db().membership.updateMany({ where: { userId: e.id }, data: { role: "editor" } });
  editor = e;
  viewer = await createAccount({ email: "viewer@example.com", name: "Viewer", password: "password-viewer" });
  setSessionLookup(async () => ({ userId: editor.id }));
});
afterAll(async () => {
  setSessionLookup(undefined);
  await db().$disconnect();
  database.remove();
});

/** A mutation that writes a workspace through the default client (as lib/server functions do), then may fail. */
const renameWorkspace = defineAction({ schema: z.object({ name: z.string().min(1), fail: z.enum(["no", "user", "crash"]) }), role: "editor", audit: "test.rename" }, async (input, { account, audit }) => {
  await db().workspace.update({ where: { id: account.workspaceId }, data: { name: input.name } });
  // A nested transaction (as createRevision opens) joins the action's.
  await db().$transaction(async (tx) => tx.workspace.update({ where: { id: account.workspaceId }, data: { name: `${input.name}!` } }));
  audit({ target: account.workspaceId, after: input.name });
  if (input.fail === "user") throw new UserError("test-refused", "refused after writing");
  if (input.fail === "crash") throw new Error("crashed after writing");
  return input.name;
});

async function workspaceName() {
  return (await db().workspace.findUniqueOrThrow({ where: { id: editor.workspaceId } })).name;
}

describe("the audit event is written in the action's transaction", () => {
  test("a successful action leaves its change and its event", async () => {
    expect(await renameWorkspace({ name: "Alpha", fail: "no" })).toEqual({ ok: true, data: "Alpha" });
    expect(await workspaceName()).toBe("Alpha!");
    expect(await db().auditEvent.count({ where: { action: "test.rename", after: "Alpha" } })).toBe(1);
  });

  test.each(["user", "crash"] as const)("an action that fails after writing (%s error) leaves no change and no event", async (fail) => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await renameWorkspace({ name: `Broken-${fail}`, fail });
    log.mockRestore();
    expect(result.ok).toBe(false);
    expect(await workspaceName()).toBe("Alpha!");
    expect(await db().auditEvent.count({ where: { action: "test.rename", after: `Broken-${fail}` } })).toBe(0);
  });

  test("a refused call (invalid input, or a UserError) and a denied call (role) are audited without the values sent", async () => {
    await renameWorkspace({ name: "", fail: "no" });
    const refused = await db().auditEvent.findFirstOrThrow({ where: { action: "test.rename.refused", after: "invalid input" } });
    expect(JSON.parse(refused.details)).toEqual({ fields: ["name"] });
    expect(await db().auditEvent.count({ where: { action: "test.rename.refused", after: "refused after writing" } })).toBe(1);
    setSessionLookup(async () => ({ userId: viewer.id }));
    try {
      expect((await renameWorkspace({ name: "Viewer's", fail: "no" })).ok).toBe(false);
    } finally {
      setSessionLookup(async () => ({ userId: editor.id }));
    }
    expect(await db().auditEvent.findFirstOrThrow({ where: { action: "test.rename.denied" } })).toMatchObject({ actor: "viewer@example.com", after: "needs editor, has viewer" });
  });
});

async function newPool(name: string) {
  const created = await actions.createPoolAction({ name, region: "eu-west-1", environment: "dev", preset: "" });
  if (!created.ok) throw new Error("setup failed");
  return { id: created.data.id };
}

describe("autosave", () => {
  test("one draft.save event per person and pool for an editing session, covering the versions saved", async () => {
    const pool = await newPool("autosaved");
    const draft = await db().draft.findUniqueOrThrow({ where: { poolId: pool.id } });
    const document = JSON.parse(draft.document) as Record<string, unknown>;
    for (let version = 1; version <= 6; version += 1) {
      const saved = await actions.saveDraftAction({ poolId: pool.id, version, document });
      expect(saved.ok).toBe(true);
    }
    const events = await db().auditEvent.findMany({ where: { poolId: pool.id, action: "draft.save" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ before: "version 1", after: "version 7" });
    expect(JSON.parse(events[0]?.details ?? "{}")).toMatchObject({ saves: 6 });
  });

  test("another event on the pool in between starts a new one", async () => {
    const pool = await newPool("interleaved");
    const document = JSON.parse((await db().draft.findUniqueOrThrow({ where: { poolId: pool.id } })).document) as Record<string, unknown>;
    await actions.saveDraftAction({ poolId: pool.id, version: 1, document });
    await db().auditEvent.create({ data: { actor: "someone@example.com", action: "revision.create", target: pool.id, poolId: pool.id, workspaceId: editor.workspaceId } });
    await actions.saveDraftAction({ poolId: pool.id, version: 2, document });
    expect(await db().auditEvent.count({ where: { poolId: pool.id, action: "draft.save" } })).toBe(2);
  });
});
