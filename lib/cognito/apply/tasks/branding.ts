/**
 * Branding entries (`managed_login_branding["web"]`, `ui_customization["ALL"]`): they run in the last phase,
 * after the clients they name exist and after the domain (SetUICustomization: "Your user pool must have a
 * domain", https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUICustomization.html).
 *
 * - A client created by this apply has no id yet: it is looked up by name when the task runs.
 * - A style is created, updated (by its id) or deleted; a create that finds a style already there (an apply
 *   interrupted after it) updates that one instead.
 * - A classic customization is set whole; removing it sets it empty (there is no delete call).
 * - A style or customization whose client was deleted in the same apply went with it: not found is done.
 */
import type { UserPoolClientDescription } from "@aws-sdk/client-cognito-identity-provider";
import { brandingInput, uiCustomizationInput } from "../../aws/mapping-branding";
import { allPages } from "../../aws/read-live-pool";
import { ALL_CLIENTS } from "../../spec/branding-schema";
import { GONE_WITH_POOL, type TaskBuilder, type TaskContext, liveChildren, stepTasks, valueOf } from "./task";

const isNamed = (error: unknown, name: string) => error instanceof Error && error.name === name;

async function ignoreNotFound(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!isNamed(error, "ResourceNotFoundException")) throw error;
  }
}

/** Client ids by name, per apply: the live clients first, then one listing of the pool's clients (for clients this apply created). */
const listings = new WeakMap<TaskContext, Promise<UserPoolClientDescription[]>>();
async function clientIdOf(ctx: TaskContext, name: string): Promise<string> {
  if (name === ALL_CLIENTS) return ALL_CLIENTS;
  const known = ctx.liveClients.get(name)?.ClientId;
  if (known) return known;
  let listed = listings.get(ctx);
  if (!listed) {
    listed = allPages((token) => ctx.port.listUserPoolClients(ctx.poolId(), token));
    listings.set(ctx, listed);
  }
  const found = (await listed).find((c) => c.ClientName === name)?.ClientId;
  if (!found) throw Object.assign(new Error(`app client "${name}" does not exist in the pool; its branding needs the client`), { name: "ResourceNotFoundException" });
  return found;
}

async function styleIdOf(ctx: TaskContext, clientName: string): Promise<string | undefined> {
  const known = liveChildren(ctx)?.managedLoginBrandingIds?.[clientName];
  if (known) return known;
  return (await ctx.port.describeManagedLoginBrandingByClient(ctx.poolId(), await clientIdOf(ctx, clientName)))?.ManagedLoginBrandingId;
}

export const managedLoginBrandingTasks: TaskBuilder<"managedLoginBranding"> = (entry, ctx) => {
  if (entry.action === "delete") {
    if (ctx.poolReplaced) return stepTasks(entry, GONE_WITH_POOL);
    return stepTasks(entry, [
      "branding",
      () =>
        ignoreNotFound(async () => {
          const id = await styleIdOf(ctx, entry.key);
          if (id) await ctx.port.deleteManagedLoginBranding(ctx.poolId(), id);
        }),
    ]);
  }
  return stepTasks(entry, [
    "branding",
    async () => {
      const style = valueOf(entry);
      const UserPoolId = ctx.poolId();
      const id = entry.action === "update" ? await styleIdOf(ctx, entry.key) : undefined;
      if (id) return ctx.port.updateManagedLoginBranding({ UserPoolId, ManagedLoginBrandingId: id, ...brandingInput(style) });
      try {
        await ctx.port.createManagedLoginBranding({ UserPoolId, ClientId: await clientIdOf(ctx, entry.key), ...brandingInput(style) });
      } catch (error) {
        if (!isNamed(error, "ManagedLoginBrandingExistsException")) throw error;
        const existing = await ctx.port.describeManagedLoginBrandingByClient(UserPoolId, await clientIdOf(ctx, entry.key));
        if (!existing?.ManagedLoginBrandingId) throw error;
        await ctx.port.updateManagedLoginBranding({ UserPoolId, ManagedLoginBrandingId: existing.ManagedLoginBrandingId, ...brandingInput(style) });
      }
    },
  ]);
};

export const uiCustomizationTasks: TaskBuilder<"uiCustomization"> = (entry, ctx) => {
  if (entry.action === "delete" && ctx.poolReplaced) return stepTasks(entry, GONE_WITH_POOL);
  const customization = entry.action === "delete" ? { clientName: entry.key } : valueOf(entry);
  return stepTasks(entry, ["branding", () => ignoreNotFound(async () => ctx.port.setUICustomization(uiCustomizationInput(ctx.poolId(), await clientIdOf(ctx, entry.key), customization)))]);
};
