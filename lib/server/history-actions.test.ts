import { describe, expect, test } from "vitest";
import { z } from "zod";
import { byRole, useStudioDatabase } from "@/test/support/studio-db";

// A real SQLite file per run; only the session lookup is replaced (setSessionLookup).
const { as } = useStudioDatabase("studio-history-", byRole("viewer", "editor", "approver"));

const { getDb } = await import("./db");
const { defineAction } = await import("./action");
const { UserError } = await import("./errors");
const { restoreRevision } = await import("./history");
const actions = await import("@/app/pools/actions");
const { restoreRevisionAction } = await import("@/app/pools/history-actions");

/** A pool whose revision 1 has minimum length 8, and whose draft (version 3) has 12. */
async function poolWithRevision(name: string) {
  as("editor");
  const created = await actions.createPoolAction({ name, region: "eu-west-1", environment: "dev", preset: "" });
  if (!created.ok) throw new Error("setup failed");
  const poolId = created.data.id;
  const db = getDb().db;
  const doc = JSON.parse((await db.draft.findUniqueOrThrow({ where: { poolId } })).document) as { spec: Record<string, unknown> };
  const withLength = (n: number) => ({ ...doc, spec: { ...doc.spec, passwordPolicy: { minimumLength: n } } });
  if (!(await actions.saveDraftAction({ poolId, version: 1, document: withLength(8) })).ok) throw new Error("save failed");
  if (!(await actions.saveRevisionAction({ poolId, version: 2, message: "eight" })).ok) throw new Error("revision failed");
  if (!(await actions.saveDraftAction({ poolId, version: 2, document: withLength(12) })).ok) throw new Error("save failed");
  return poolId;
}

async function draftOf(poolId: string) {
  const draft = await getDb().db.draft.findUniqueOrThrow({ where: { poolId } });
  return { version: draft.version, minimumLength: (JSON.parse(draft.document) as { spec: { passwordPolicy?: { minimumLength?: number } } }).spec.passwordPolicy?.minimumLength };
}

describe("restoreRevisionAction", () => {
  test("an editor puts a revision back into the draft; the restore is audited", async () => {
    const poolId = await poolWithRevision("restore-1");
    expect(await draftOf(poolId)).toEqual({ version: 3, minimumLength: 12 });
    const result = await restoreRevisionAction({ poolId, number: 1, version: 3 });
    expect(result).toEqual({ ok: true, data: { version: 4, valid: true } });
    expect(await draftOf(poolId)).toEqual({ version: 4, minimumLength: 8 });
    const events = await getDb().db.auditEvent.findMany({ where: { poolId, action: "draft.restore" } });
    expect(events.map((e) => [e.actor, e.after])).toEqual([["editor@example.com", "version 4: revision 1 restored"]]);
  });

  test("a viewer is refused, a stale draft version is refused, and neither changes the draft or the audit log", async () => {
    const poolId = await poolWithRevision("restore-2");
    as("viewer");
    const viewer = await restoreRevisionAction({ poolId, number: 1, version: 3 });
    expect(viewer.ok).toBe(false);
    as("editor");
    const stale = await restoreRevisionAction({ poolId, number: 1, version: 2 });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.formError).toMatch(/^Someone else saved this draft/u);
    const missing = await restoreRevisionAction({ poolId, number: 9, version: 3 });
    expect(missing).toEqual({ ok: false, code: "revision-not-found", fieldErrors: {}, formError: "Revision 9 does not exist in this pool." });
    expect(await draftOf(poolId)).toEqual({ version: 3, minimumLength: 12 });
    expect(await getDb().db.auditEvent.count({ where: { poolId, action: "draft.restore" } })).toBe(0);
  });

  test("the restore and its audit event are one transaction: a failure after the restore undoes it", async () => {
    const poolId = await poolWithRevision("restore-3");
    const failing = defineAction({ schema: z.object({ poolId: z.string() }), role: "editor", audit: "draft.restore" }, async (input, { account, db }) => {
      await restoreRevision({ workspaceId: account.workspaceId, poolId: input.poolId, number: 1, version: 3, actor: account.email }, db);
      throw new UserError("late-failure", "failed after the restore");
    });
    expect(await failing({ poolId })).toEqual({ ok: false, code: "late-failure", fieldErrors: {}, formError: "failed after the restore" });
    expect(await draftOf(poolId)).toEqual({ version: 3, minimumLength: 12 });
  });
});
