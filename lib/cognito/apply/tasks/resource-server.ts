/** Resource servers, by identifier: an identifier cannot change, so a new one is a replacement (delete, then create). */
import { resourceServerInput } from "../../aws/mapping";
import { GONE_WITH_POOL, type TaskBuilder, liveChildren, stepTasks, valueOf } from "./task";

export const resourceServerTasks: TaskBuilder<"resourceServer"> = (entry, ctx) => {
  const create = () => ctx.port.createResourceServer(resourceServerInput(ctx.poolId(), valueOf(entry)));
  const deleteOld = () => ctx.port.deleteResourceServer(ctx.poolId(), entry.previousKey ?? entry.key);
  switch (entry.action) {
    case "delete":
      return stepTasks(entry, ctx.poolReplaced ? GONE_WITH_POOL : ["delete", deleteOld]);
    case "replace":
      return ctx.poolReplaced ? stepTasks(entry, ["resourceServers", create]) : stepTasks(entry, ["delete", deleteOld], ["resourceServers", create]);
    default: {
      const exists = liveChildren(ctx)?.resourceServers.some((s) => s.Identifier === entry.key) ?? false;
      return stepTasks(entry, ["resourceServers", () => (exists ? ctx.port.updateResourceServer(resourceServerInput(ctx.poolId(), valueOf(entry))) : create())]);
    }
  }
};
