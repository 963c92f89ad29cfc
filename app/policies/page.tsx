import { PolicyEditor } from "@/components/policies/policy-editor";
import { DataTable } from "@/components/ui";
import { renderPolicyFile } from "@/lib/cognito/policies";
import { requireAccount } from "@/lib/server/page-auth";
import { listPolicies, policySetFingerprint, ruleOf } from "@/lib/server/policies";
import { listPools } from "@/lib/server/pools";

export const dynamic = "force-dynamic";

/** The workspace's own guardrails: listed for everyone, written by admins, tested against a pool's draft. */
export default async function PoliciesPage() {
  const account = await requireAccount();
  const admin = account.role === "admin";
  const [policies, pools] = await Promise.all([listPolicies(account.workspaceId), listPools(account.workspaceId)]);
  return (
    <section aria-labelledby="policies-heading" className="space-y-4">
      <h1 id="policies-heading" className="text-2xl font-semibold">
        Policies
      </h1>
      <p className="text-sm text-slate-700">
        The team&apos;s own rules, written in CEL over the pool (<code>pool.metadata</code>, <code>pool.spec</code>, <code>clients</code>) and the target (<code>target.name</code>,{" "}
        <code>target.region</code>). A <strong>block</strong> policy stops an apply unless an admin overrides it with a written reason; a <strong>warn</strong> policy is shown in
        the editor and on the change request. Pipelines check the same file with <code>cognito-studio validate FILE --policy POLICIES.yaml --target prod</code>.
      </p>
      {policies.length === 0 ? (
        <p className="text-sm text-slate-700" data-testid="policies-empty">
          No policies yet.{admin ? " Adopt the starter set below, or write your own." : " An admin writes them here."}
        </p>
      ) : (
        <DataTable label="Policies" columns={["Policy", "Severity", "Applies", "Requires", "Version"]}>
          {policies.map((p) => (
            <tr key={p.id} className="border-t border-slate-100 align-top" data-testid={`policy-${p.id}`}>
              <td className="min-w-48 px-3 py-2">
                <div className="font-medium">{p.id}</div>
                <div className="text-slate-700">{p.description}</div>
                <div className="text-xs text-slate-600">at {p.path}</div>
              </td>
              <td className="px-3 py-2">{p.severity}</td>
              <td className="px-3 py-2 font-mono text-xs [overflow-wrap:anywhere]">
                {p.when ?? "always"}
                {p.each && <div>each {p.each}</div>}
              </td>
              <td className="max-w-md px-3 py-2 font-mono text-xs [overflow-wrap:anywhere]">{p.require}</td>
              <td className="px-3 py-2 text-xs text-slate-700">
                v{p.version}, {p.updatedBy}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <PolicyEditor
        admin={admin}
        text={policies.length > 0 ? renderPolicyFile(policies.map(ruleOf)) : ""}
        fingerprint={policySetFingerprint(policies)}
        pools={pools.map((p) => ({ id: p.id, name: p.name }))}
      />
    </section>
  );
}
