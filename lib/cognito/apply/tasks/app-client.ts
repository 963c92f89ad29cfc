/**
 * App clients, by name. A client is looked up by name before it is created, so a re-apply after an
 * interrupted one updates the client it created instead of creating a second one. New secrets are kept
 * for the result (shown once) and never logged.
 */
import { createUserPoolClientInput, updateUserPoolClientInput } from "../../aws/mapping";
import type { AppClientSpec } from "../../spec/client-schema";
import { ALREADY_GONE, GONE_WITH_POOL, type TaskBuilder, type TaskContext, stepTasks, valueOf } from "./task";

async function createClient(ctx: TaskContext, client: AppClientSpec): Promise<void> {
  const id = ctx.poolId();
  const existing = ctx.liveClients.get(client.name);
  if (existing?.ClientId) {
    await ctx.port.updateUserPoolClient(updateUserPoolClientInput(id, existing.ClientId, client, existing));
    return;
  }
  const created = await ctx.port.createUserPoolClient(createUserPoolClientInput(id, client));
  if (created.ClientSecret) ctx.newClientSecrets[client.name] = created.ClientSecret;
  // Its terms documents and threat protection settings (later phases) need the new id; the secret is not kept here.
  const { ClientSecret: _secret, ...withoutSecret } = created;
  ctx.liveClients.set(client.name, withoutSecret);
}

export const appClientTasks: TaskBuilder<"appClient"> = (entry, ctx) => {
  const liveName = entry.previousKey ?? entry.key;
  const existing = ctx.liveClients.get(liveName);
  const clientId = existing?.ClientId ?? entry.liveId;
  const deleteOld = async () => {
    if (!clientId) return;
    await ctx.port.deleteUserPoolClient(ctx.poolId(), clientId);
    ctx.liveClients.delete(liveName);
  };
  const create = () => createClient(ctx, valueOf(entry));
  switch (entry.action) {
    case "delete":
      return stepTasks(entry, ctx.poolReplaced ? GONE_WITH_POOL : clientId ? ["delete", deleteOld] : ALREADY_GONE);
    case "replace":
      return ctx.poolReplaced || !clientId ? stepTasks(entry, ["clients", create]) : stepTasks(entry, ["delete", deleteOld], ["clients", create]);
    default:
      return stepTasks(entry, [
        "clients",
        async () => {
          if (entry.action === "update" && existing?.ClientId) await ctx.port.updateUserPoolClient(updateUserPoolClientInput(ctx.poolId(), existing.ClientId, valueOf(entry), existing));
          else await create();
        },
      ]);
  }
};
