import { describe, expect, test } from "vitest";
import { byRole, newBlankPool, useStudioDatabase } from "@/test/support/studio-db";

// A real SQLite file; the pool is read as every pool page reads it (getPool), before and after saves.
const { as } = useStudioDatabase("studio-pool-reads-", byRole("editor"));

const { getPool, saveDraft, createRevision } = await import("./pools");
const { getDb } = await import("./db");

describe("getPool keeps what it read of a draft and a revision until the row changes", () => {
  test("the same draft version is read once; a save is read afresh, never the kept reading", async () => {
    const { id } = await newBlankPool("kept-reads", () => as("editor"));
    const workspaceId = (await getDb().db.pool.findUniqueOrThrow({ where: { id } })).workspaceId!;
    const first = (await getPool(workspaceId, id))!;
    const again = (await getPool(workspaceId, id))!;
    expect(again.draft.stored).toBe(first.draft.stored);
    expect(Object.isFrozen(first.draft.stored.document)).toBe(true);

    const edited = structuredClone(first.draft.stored.document!);
    edited.metadata = { ...edited.metadata, labels: { team: "identity" } };
    await saveDraft({ workspaceId, poolId: id, version: first.draft.version, document: edited, actor: "editor@example.com" });
    const saved = (await getPool(workspaceId, id))!;
    expect(saved.draft.version).toBe(first.draft.version + 1);
    expect(saved.draft.stored.document?.metadata.labels).toEqual({ team: "identity" });
    expect(first.draft.stored.document?.metadata.labels).toBeUndefined();

    // A draft changed behind the studio's back (same version number: a restore, another tool) is read afresh too:
    // what is compared is the stored text, not the number.
    const other = { ...edited, metadata: { ...edited.metadata, labels: { team: "payments" } } };
    await getDb().db.draft.update({ where: { poolId: id }, data: { document: JSON.stringify(other) } });
    expect((await getPool(workspaceId, id))!.draft.stored.document?.metadata.labels).toEqual({ team: "payments" });
  });

  test("an invalid draft's diagnostics are kept as read, and a revision is read with the pool", async () => {
    const { id } = await newBlankPool("kept-invalid", () => as("editor"));
    const workspaceId = (await getDb().db.pool.findUniqueOrThrow({ where: { id } })).workspaceId!;
    const pool = (await getPool(workspaceId, id))!;
    await createRevision({ workspaceId, poolId: id, version: pool.draft.version, message: "first", actor: "editor@example.com" });
    const broken = { ...pool.draft.stored.document!, metadata: { name: "bad/name" } };
    await saveDraft({ workspaceId, poolId: id, version: pool.draft.version, document: broken, actor: "editor@example.com" });
    const read = (await getPool(workspaceId, id))!;
    expect(read.draft.stored.document).toBeUndefined();
    expect(read.draft.stored.diagnostics.some((d) => d.severity === "error")).toBe(true);
    expect(read.lastRevision?.stored.document?.metadata.name).toBe("kept-invalid");
    expect(read.status).toBe("draft-changed");
  });
});
