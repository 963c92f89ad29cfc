/**
 * Identity providers, by name. Secrets are resolved from their `secretRef` just before the call, which
 * always sends every detail (UpdateIdentityProvider replaces ProviderDetails whole). A renamed provider is
 * created before the clients switch to it and its old name deleted after; a provider that keeps its name
 * but changes type is deleted first. A deleted provider goes after the clients stopped listing it.
 */
import { createIdentityProviderInput, updateIdentityProviderInput } from "../../aws/mapping-groups-idps";
import { GONE_WITH_POOL, type TaskBuilder, liveChildren, stepTasks, valueOf } from "./task";

export const identityProviderTasks: TaskBuilder<"identityProvider"> = (entry, ctx) => {
  const oldName = entry.previousKey ?? entry.key;
  const liveProvider = liveChildren(ctx)?.identityProviders.find((p) => p.ProviderName === oldName);
  const create = async () => {
    const provider = valueOf(entry);
    await ctx.port.createIdentityProvider(createIdentityProviderInput(ctx.poolId(), provider, await ctx.secretOf(provider)));
  };
  const deleteOld = () => ctx.port.deleteIdentityProvider(ctx.poolId(), oldName);
  switch (entry.action) {
    case "delete":
      return stepTasks(entry, ctx.poolReplaced ? GONE_WITH_POOL : ["providerDeletes", deleteOld]);
    case "replace":
      if (!liveProvider) return stepTasks(entry, ["identityProviders", create]);
      return entry.previousKey !== undefined
        ? stepTasks(entry, ["identityProviders", create], ["providerDeletes", deleteOld])
        : stepTasks(entry, ["delete", deleteOld], ["identityProviders", create]);
    default:
      return stepTasks(entry, [
        "identityProviders",
        async () => {
          if (entry.action === "create" || !liveProvider) return create();
          const provider = valueOf(entry);
          await ctx.port.updateIdentityProvider(updateIdentityProviderInput(ctx.poolId(), provider, await ctx.secretOf(provider), liveProvider));
        },
      ]);
  }
};
