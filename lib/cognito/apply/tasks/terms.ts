/**
 * Terms documents (plan-terms.ts), in their own phase after the app clients: a document needs its client's
 * id, which a client created in the same apply has only once the clients phase ran.
 *
 * - create: CreateTerms for the client's id; when the client already has a document of that name (an
 *   interrupted apply made it), UpdateTerms instead, so a re-apply never meets TermsExistsException.
 * - update: UpdateTerms by the live document's id (UpdateTerms replaces the links whole).
 * - delete: DeleteTerms; already gone (its client was deleted with it) is done.
 * - replace: the delete, then the create for the client's new id.
 */
import { createTermsInput, findLiveTerms, updateTermsInput } from "../../aws/terms";
import type { TermsName, TermsSpec } from "../../spec/terms-schema";
import { GONE_WITH_POOL, type TaskBuilder, type TaskContext, type TaskPart, liveChildren, stepTasks, valueOf } from "./task";

const isNotFound = (error: unknown) => error instanceof Error && error.name === "ResourceNotFoundException";

/** `web/terms-of-use` → ["web", "terms-of-use"] (a client name may hold "/", a terms name never does). */
function splitKey(key: string): [string, TermsName] {
  const at = key.lastIndexOf("/");
  return [key.slice(0, at), key.slice(at + 1) as TermsName];
}

function liveDocument(ctx: TaskContext, client: string, name: TermsName) {
  return findLiveTerms(liveChildren(ctx)?.terms ?? [], ctx.liveClients.get(client)?.ClientId, name);
}

async function createOrUpdate(ctx: TaskContext, terms: TermsSpec): Promise<void> {
  const clientId = ctx.liveClients.get(terms.client)?.ClientId;
  if (clientId === undefined) throw Object.assign(new Error(`app client "${terms.client}" has no id: it was not created`), { name: "ResourceNotFoundException" });
  const existing = liveDocument(ctx, terms.client, terms.name);
  if (existing?.TermsId) await ctx.port.updateTerms(updateTermsInput(ctx.poolId(), existing.TermsId, terms));
  else await ctx.port.createTerms(createTermsInput(ctx.poolId(), clientId, terms));
}

export const termsTasks: TaskBuilder<"terms"> = (entry, ctx) => {
  const [client, name] = splitKey(entry.key);
  const remove: TaskPart = ctx.poolReplaced
    ? GONE_WITH_POOL
    : [
        "delete",
        async () => {
          const id = liveDocument(ctx, client, name)?.TermsId;
          if (!id) return;
          try {
            await ctx.port.deleteTerms(ctx.poolId(), id);
          } catch (error) {
            if (!isNotFound(error)) throw error;
          }
        },
      ];
  if (entry.action === "delete") return stepTasks(entry, remove);
  const create: TaskPart = ["terms", () => createOrUpdate(ctx, valueOf(entry))];
  return entry.action === "replace" ? stepTasks(entry, remove, create) : stepTasks(entry, create);
};
