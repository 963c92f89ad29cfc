/** Groups, by name: every setting changes in place (UpdateGroup); there is no rename call. */
import { createGroupInput, updateGroupInput } from "../../aws/mapping-groups-idps";
import { GONE_WITH_POOL, type TaskBuilder, liveChildren, stepTasks, valueOf } from "./task";

export const groupTasks: TaskBuilder<"group"> = (entry, ctx) => {
  if (entry.action === "delete") return stepTasks(entry, ctx.poolReplaced ? GONE_WITH_POOL : ["delete", () => ctx.port.deleteGroup(ctx.poolId(), entry.key)]);
  const liveGroup = liveChildren(ctx)?.groups.find((g) => g.GroupName === entry.key);
  return stepTasks(entry, [
    "groups",
    () => (liveGroup ? ctx.port.updateGroup(updateGroupInput(ctx.poolId(), valueOf(entry), liveGroup)) : ctx.port.createGroup(createGroupInput(ctx.poolId(), valueOf(entry)))),
  ]);
};
