import { MemberRoleForm } from "@/components/members/member-role-form";
import { listMembers } from "@/lib/server/members";
import { requireAccount } from "@/lib/server/page-auth";
import { DataTable } from "@/components/ui";

export const dynamic = "force-dynamic";

/** The workspace's people and their roles; admins change roles here. */
export default async function MembersPage() {
  const account = await requireAccount();
  const members = await listMembers(account.workspaceId);
  const admin = account.role === "admin";
  return (
    <section aria-labelledby="members-heading" className="space-y-4">
      <h1 id="members-heading" className="text-2xl font-semibold">
        Members
      </h1>
      <p className="text-sm text-slate-700">
        viewer reads; editor designs and submits changes; approver also approves and applies; admin also manages targets and members.
      </p>
      <DataTable label="Members" columns={["Name", "Email", "Role"]}>
        {members.map((m) => (
          <tr key={m.userId} className="border-t border-slate-100">
            <td className="px-3 py-2">{m.name}</td>
            <td className="px-3 py-2">{m.email}</td>
            <td className="px-3 py-2">{admin ? <MemberRoleForm userId={m.userId} email={m.email} role={m.role} /> : m.role}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
