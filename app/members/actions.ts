"use server";
// Server actions only (STYLE.md practice 9): the logic lives in lib/server/members.ts.
import { defineAction } from "@/lib/server/action";
import { setMemberRole } from "@/lib/server/members";
import { setMemberRoleSchema } from "./members.validation";

export const setMemberRoleAction = defineAction({ schema: setMemberRoleSchema, role: "admin", audit: "member.role" }, async (input, { account, audit }) => {
  const change = await setMemberRole(account, input);
  audit({ target: input.userId, before: `${change.email} ${change.before}`, after: `${change.email} ${change.after}` });
  return { role: change.after };
});
