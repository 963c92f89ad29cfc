/**
 * Apply's tasks for terms documents (plan-terms.ts), in their own phase after the app clients: a document
 * needs its client's id, which a client created in the same apply only has once the clients phase ran.
 *
 * - create: CreateTerms for the client's current id; when the client already has a document of that name
 *   (an interrupted apply made it), UpdateTerms instead, so a re-apply never meets TermsExistsException.
 * - update: UpdateTerms by the live document's id.
 * - delete: DeleteTerms in the delete phase; already gone (its client was deleted with it) is done.
 * - replace: the delete, then the create for the client's new id.
 */
import type { TermsType } from "@aws-sdk/client-cognito-identity-provider";
import { createTermsInput, findLiveTerms, updateTermsInput } from "../aws/terms";
import type { ResourceChange } from "../plan/types";
import type { TermsName, TermsSpec } from "../spec/terms-schema";
import type { CognitoPort } from "./port";

export interface TermsTaskContext {
  port: CognitoPort;
  poolId(): string;
  /** The id the named client has when the task runs (after the clients phase, a new client's). */
  clientId(name: string): string | undefined;
  /** The described live documents (empty for a new pool). */
  live: readonly TermsType[];
  desired(key: string): TermsSpec | undefined;
}

export interface TermsTask {
  phase: "delete" | "terms";
  run: () => Promise<void>;
}

const isNotFound = (error: unknown) => error instanceof Error && error.name === "ResourceNotFoundException";

/** Creates the document, or updates the one its client already has under that name. */
export async function createOrUpdateTerms(ctx: TermsTaskContext, terms: TermsSpec): Promise<void> {
  const clientId = ctx.clientId(terms.client);
  if (clientId === undefined) throw Object.assign(new Error(`app client "${terms.client}" has no id: it was not created`), { name: "ResourceNotFoundException" });
  const existing = ctx.live.find((t) => t.ClientId === clientId && t.TermsName === terms.name);
  if (existing?.TermsId) await ctx.port.updateTerms(updateTermsInput(ctx.poolId(), existing.TermsId, terms));
  else await ctx.port.createTerms(createTermsInput(ctx.poolId(), clientId, terms));
}

/** The tasks of one terms entry of the plan (none for a noop). */
export function termsTasks(entry: ResourceChange, ctx: TermsTaskContext): TermsTask[] {
  if (entry.action === "noop") return [];
  const [client = "", name = ""] = splitKey(entry.key);
  const liveDoc = () => findLiveTerms(ctx.live, ctx.clientId(client), name as TermsName);
  const remove: TermsTask = {
    phase: "delete",
    run: async () => {
      const id = liveDoc()?.TermsId;
      if (!id) return;
      try {
        await ctx.port.deleteTerms(ctx.poolId(), id);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
  const desired = ctx.desired(entry.key);
  const create: TermsTask[] = desired ? [{ phase: "terms", run: () => createOrUpdateTerms(ctx, desired) }] : [];
  if (entry.action === "delete") return [remove];
  if (entry.action === "replace") return [remove, ...create];
  return create;
}

/** `web/terms-of-use` → ["web", "terms-of-use"] (a client name may hold "/", a terms name never does). */
function splitKey(key: string): [string, string] {
  const at = key.lastIndexOf("/");
  return [key.slice(0, at), key.slice(at + 1)];
}
