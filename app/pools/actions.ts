"use server";
// Server actions only (ARCHITECTURE.md, "Server actions"): the logic lives in lib/server.
import { defineAction } from "@/lib/server/action";
import { COALESCE_WINDOW_MS } from "@/lib/server/audit";
import { newPoolDocument } from "@/lib/server/pool-actions";
import { createPool, createRevision, prepareDraft, writeDraft } from "@/lib/server/pools";
import { newPoolSchema, saveDraftSchema, saveRevisionSchema } from "@/lib/contracts/pool-inputs";

export const createPoolAction = defineAction({ schema: newPoolSchema, role: "editor", audit: "pool.create" }, async (input, { account, audit }) => {
  const pool = await createPool({ workspaceId: account.workspaceId, environment: input.environment, document: newPoolDocument(input), actor: account.email });
  audit({ target: pool.id, poolId: pool.id, after: `created ${pool.name} (${input.preset || "blank"}, ${input.environment})` });
  return pool;
});

// Validated before the transaction (prepare): under load the connection is held for the version check and the write only.
export const saveDraftAction = defineAction({ schema: saveDraftSchema, role: "editor", audit: "draft.save", coalesceWithinMs: COALESCE_WINDOW_MS, prepare: (input) => prepareDraft(input.document) }, async (input, { account, audit }, prepared) => {
  const saved = await writeDraft({ workspaceId: account.workspaceId, poolId: input.poolId, version: input.version, actor: account.email }, prepared);
  audit({ target: input.poolId, poolId: input.poolId, before: `version ${input.version}`, after: `version ${saved.version}${saved.valid ? "" : " (invalid)"}` });
  return saved;
});

export const saveRevisionAction = defineAction({ schema: saveRevisionSchema, role: "editor", audit: "revision.create" }, async (input, { account, audit }) => {
  const revision = await createRevision({ workspaceId: account.workspaceId, poolId: input.poolId, version: input.version, message: input.message, actor: account.email });
  audit({ target: input.poolId, poolId: input.poolId, after: `revision ${revision.number}${input.message ? `: ${input.message}` : ""}` });
  return revision;
});
