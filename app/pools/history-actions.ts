"use server";
import { defineAction } from "@/lib/server/action";
import { restoreRevision } from "@/lib/server/history";
import { restoreRevisionSchema } from "@/lib/contracts/pool-inputs";

/** Puts a revision back into the draft; the draft save and its audit event are one transaction. */
export const restoreRevisionAction = defineAction({ schema: restoreRevisionSchema, role: "editor", audit: "draft.restore" }, async (input, { account, audit, db }) => {
  const restored = await restoreRevision({ workspaceId: account.workspaceId, poolId: input.poolId, number: input.number, version: input.version, actor: account.email }, db);
  audit({ target: input.poolId, poolId: input.poolId, before: `version ${input.version}`, after: `version ${restored.version}: revision ${input.number} restored${restored.valid ? "" : " (invalid)"}` });
  return restored;
});
