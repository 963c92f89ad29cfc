/**
 * The pool and its MFA configuration. UpdateUserPool and SetUserPoolMfaConfig replace the whole object
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPool.html): requests are
 * the live object merged with the entry's value, so nothing the spec does not manage is reset.
 */
import { createUserPoolInput, mfaConfigInput, missingCustomAttributes, updateUserPoolInput } from "../../aws/mapping";
import type { ResourceChange } from "../../plan/types";
import { GONE_WITH_POOL, type TaskBuilder, type TaskContext, liveChildren, stepTasks, valueOf } from "./task";

/** Deletes the live pool; "User pool cannot be deleted. It has a domain configured that should be deleted first." (DeleteUserPool). */
function deleteLivePool(ctx: TaskContext): () => Promise<void> {
  return async () => {
    const id = ctx.livePoolId;
    if (!id) throw new Error("no live user pool to delete");
    for (const domain of [ctx.live?.domain?.Domain, ctx.live?.customDomain?.Domain]) if (domain) await ctx.port.deleteUserPoolDomain(id, domain);
    await ctx.port.deleteUserPool(id);
  };
}

function createPool(entry: ResourceChange<"userPool">, ctx: TaskContext): () => Promise<void> {
  return async () => {
    const created = await ctx.port.createUserPool(createUserPoolInput(valueOf(entry)));
    if (created.Id) ctx.setPoolId(created.Id);
  };
}

export const poolTasks: TaskBuilder<"userPool"> = (entry, ctx) => {
  switch (entry.action) {
    case "create":
      return stepTasks(entry, ["pool", createPool(entry, ctx)]);
    case "replace":
      return stepTasks(entry, ["delete", deleteLivePool(ctx)], ["pool", createPool(entry, ctx)]);
    case "delete":
      return stepTasks(entry, ["delete", deleteLivePool(ctx)]);
    default:
      return stepTasks(entry, [
        "pool",
        async () => {
          const id = ctx.poolId();
          const livePool = ctx.live?.pool ?? {};
          await ctx.port.updateUserPool(updateUserPoolInput(id, valueOf(entry), livePool));
          const attributes = missingCustomAttributes(valueOf(entry).spec, livePool);
          if (attributes.length > 0) await ctx.port.addCustomAttributes(id, attributes);
        },
      ]);
  }
};

/** A deleted MFA configuration only ever comes with a replaced pool: the spec stopped managing it, and it goes with the pool. */
export const mfaConfigTasks: TaskBuilder<"mfaConfig"> = (entry, ctx) => {
  if (entry.action === "delete") return stepTasks(entry, GONE_WITH_POOL);
  return stepTasks(entry, ["mfa", () => ctx.port.setUserPoolMfaConfig(mfaConfigInput(ctx.poolId(), valueOf(entry), liveChildren(ctx)?.mfa ?? {}))]);
};
