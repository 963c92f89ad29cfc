"use server";
// Server actions only (ARCHITECTURE.md, "Server actions"): the logic lives in lib/server/members.ts and users.ts.
import { defineAction } from "@/lib/server/action";
import { removeMember, setMemberRole } from "@/lib/server/members";
import { createInvitation } from "@/lib/server/users";
import { inviteMemberSchema, removeMemberSchema, setMemberRoleSchema } from "@/lib/contracts/member-inputs";

export const setMemberRoleAction = defineAction({ schema: setMemberRoleSchema, role: "admin", audit: "member.role" }, async (input, { account, audit }) => {
  const change = await setMemberRole(account, input);
  audit({ target: input.userId, before: `${change.email} ${change.before}`, after: `${change.email} ${change.after}` });
  return { role: change.after };
});

/** The link's token is in this answer, once, for the admin to pass on; the audit names only the email and role. */
export const inviteMemberAction = defineAction({ schema: inviteMemberSchema, role: "admin", audit: "member.invite" }, async (input, { account, audit }) => {
  const invitation = await createInvitation(account, input);
  audit({ target: invitation.email, after: `invited ${invitation.email} as ${invitation.role} until ${invitation.expiresAt.toISOString()}` });
  return { path: `/invite/${invitation.token}`, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt.toISOString() };
});

export const removeMemberAction = defineAction({ schema: removeMemberSchema, role: "admin", audit: "member.remove" }, async (input, { account, audit }) => {
  const removed = await removeMember(account, input);
  audit({ target: input.userId, before: `${removed.email} ${removed.role}`, after: `removed ${removed.email}; their sessions ended` });
  return { email: removed.email };
});
