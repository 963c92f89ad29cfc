"use server";
// Server actions only (ARCHITECTURE.md, "Server actions"): the logic lives in lib/server.
import { defineAction } from "@/lib/server/action";
import { COALESCE_WINDOW_MS } from "@/lib/server/audit";
import { newPoolDocument } from "@/lib/server/pool-actions";
import { createPool, createRevision, saveDraft } from "@/lib/server/pools";
import { newPoolSchema, saveDraftSchema, saveRevisionSchema } from "@/lib/contracts/pool-inputs";

export const createPoolAction = defineAction({ schema: newPoolSchema, role: "editor", audit: "pool.create" }, async (input, { account, audit }) => {
  const pool = await createPool({ workspaceId: account.workspaceId, environment: input.environment, document: newPoolDocument(input), actor: account.email });
  audit({ target: pool.id, poolId: pool.id, after: `created ${pool.name} (${input.preset || "blank"}, ${input.environment})` });
  return pool;
});

export const saveDraftAction = defineAction({ schema: saveDraftSchema, role: "editor", audit: "draft.save", coalesceWithinMs: COALESCE_WINDOW_MS }, async (input, { account, audit }) => {
  const saved = await saveDraft({ workspaceId: account.workspaceId, poolId: input.poolId, version: input.version, document: input.document, actor: account.email });
  audit({ target: input.poolId, poolId: input.poolId, before: `version ${input.version}`, after: `version ${saved.version}${saved.valid ? "" : " (invalid)"}` });
  return saved;
});

export const saveRevisionAction = defineAction({ schema: saveRevisionSchema, role: "editor", audit: "revision.create" }, async (input, { account, audit }) => {
  const revision = await createRevision({ workspaceId: account.workspaceId, poolId: input.poolId, version: input.version, message: input.message, actor: account.email });
  audit({ target: input.poolId, poolId: input.poolId, after: `revision ${revision.number}${input.message ? `: ${input.message}` : ""}` });
  return revision;
});
