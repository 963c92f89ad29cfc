import { InviteMemberForm } from "@/components/members/invite-member-form";
import { MemberRoleForm } from "@/components/members/member-role-form";
import { RemoveMemberButton } from "@/components/members/remove-member-button";
import { DataTable } from "@/components/ui/data-table";
import { signupPolicyFromEnv } from "@/lib/server/auth-policy";
import { listMembers } from "@/lib/server/members";
import { requireAccount } from "@/lib/server/page-auth";
import { listOpenInvitations } from "@/lib/server/users";

export const dynamic = "force-dynamic";

const SIGNUP_NOTE = {
  open: "Sign-up is open (STUDIO_SIGNUP=open): anyone who can reach the studio joins as a viewer.",
  invite: "Sign-up is by invitation: people join with a link an admin creates here.",
  closed: "Sign-up is closed (STUDIO_SIGNUP=closed): nobody new can join, invitations included.",
} as const;

/** The workspace's people and their roles; admins invite, change roles and remove people here. */
export default async function MembersPage() {
  const account = await requireAccount();
  const admin = account.role === "admin";
  const [members, invitations] = await Promise.all([listMembers(account.workspaceId), admin ? listOpenInvitations(account.workspaceId) : Promise.resolve([])]);
  const policy = signupPolicyFromEnv();
  return (
    <section aria-labelledby="members-heading" className="space-y-4">
      <h1 id="members-heading" className="text-2xl font-semibold">
        Members
      </h1>
      <p className="text-sm text-slate-700">
        viewer reads; editor designs and submits changes; approver also approves and applies; admin also manages targets and members.
      </p>
      {admin && (
        <>
          <p className="text-sm text-slate-700">
            {SIGNUP_NOTE[policy.mode]}
            {policy.allowedDomains.length > 0 && ` Only emails at ${policy.allowedDomains.join(", ")}.`}
          </p>
          {policy.mode !== "closed" && <InviteMemberForm />}
        </>
      )}
      <DataTable label="Members" columns={["Member", "Role"]}>
        {members.map((m) => (
          <tr key={m.userId} className="border-t border-slate-100">
            <td className="min-w-40 px-3 py-2">
              <div className="font-medium">{m.name}</div>
              <div className="text-slate-600 [overflow-wrap:anywhere]">{m.email}</div>
            </td>
            <td className="px-3 py-2">
              {admin ? (
                <div className="flex flex-wrap items-center gap-2">
                  <MemberRoleForm userId={m.userId} email={m.email} role={m.role} />
                  {m.userId !== account.id && <RemoveMemberButton userId={m.userId} email={m.email} />}
                </div>
              ) : (
                m.role
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      {admin && invitations.length > 0 && (
        <DataTable label="Open invitations" columns={["Invited email", "Role", "Invited by", "Expires"]}>
          {invitations.map((i) => (
            <tr key={i.email} className="border-t border-slate-100">
              <td className="px-3 py-2 [overflow-wrap:anywhere]">{i.email}</td>
              <td className="px-3 py-2">{i.role}</td>
              <td className="px-3 py-2 [overflow-wrap:anywhere]">{i.invitedBy}</td>
              <td className="px-3 py-2">{i.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
