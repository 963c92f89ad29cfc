import Link from "next/link";
import { TargetForm } from "@/components/review/target-form";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { requirePool } from "@/lib/server/page-auth";
import { hasRole } from "@/lib/contracts/roles";
import { orderForPromotion } from "@/lib/cognito/environments";
import { describeEnvironmentValues, listTargets } from "@/lib/server/targets";
import { targetCallerIdentity } from "@/lib/server/caller-identity";
import type { CallerIdentity } from "@/lib/cognito/preflight";

/** Who the server acts as: the account and ARN, or what to do when it has no usable credentials. */
function ActsAs({ identity }: { identity: CallerIdentity }) {
  if (identity.status === "ok") {
    return (
      <span className="break-all">
        account {identity.account}
        <span className="block font-mono text-xs text-slate-600">{identity.arn}</span>
      </span>
    );
  }
  return <span className="text-red-800">{identity.message}</span>;
}

export const dynamic = "force-dynamic";

export default async function TargetsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { account, pool } = await requirePool(id);
  // In promotion order (dev → test → staging → prod): the order Promote follows.
  const targets = orderForPromotion(await listTargets(account.workspaceId, pool.id));
  const identities = await Promise.all(targets.map((t) => targetCallerIdentity(t)));
  return (
    <section aria-labelledby="targets-heading" className="space-y-4">
      <h1 id="targets-heading" className="text-xl font-semibold">
        Targets
      </h1>
      <p className="text-sm text-slate-700">
        Where this design is applied, in promotion order: an applied change request can be promoted to the next target, which plans the same revision with its own per-environment values (callback URLs, domain). The studio stores no AWS credentials: the server uses the AWS SDK&apos;s default credential chain, and assumes the role when a target names one.
      </p>
      {targets.length === 0 ? (
        <p className="text-slate-700">No targets yet.</p>
      ) : (
        <DataTable label="Targets" columns={["Name", "Region", "Endpoint", "Role", "The server acts as", "User pool", "Approvals", "Per-environment values"]}>
          {targets.map((t, i) => (
            <tr key={t.id} className="border-t border-slate-100">
              <td className="px-3 py-2 font-medium">
                <Link href={`/pools/${pool.id}/targets/${t.id}`} className="text-indigo-800 hover:underline">
                  {t.name}
                </Link>
              </td>
              <td className="px-3 py-2">{t.region}</td>
              <td className="px-3 py-2 wrap-break-word">{t.endpoint ?? "AWS"}</td>
              <td className="px-3 py-2 wrap-break-word">{t.roleArn ?? "—"}</td>
              <td className="px-3 py-2 text-sm" data-testid={`target-identity-${t.name}`}>
                <ActsAs identity={identities[i]} />
              </td>
              <td className="px-3 py-2 font-mono wrap-break-word" data-testid={`target-pool-${t.name}`}>{t.userPoolId ?? "not created yet"}</td>
              <td className="px-3 py-2">{t.requiredApprovals}</td>
              <td className="px-3 py-2 wrap-break-word text-xs">{describeEnvironmentValues(t.environmentValues)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {hasRole(account.role, "admin") ? (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Add a target</h2>
          {/* A target needs a Region: the design's when it names one, else a visible, editable suggestion. */}
          <TargetForm poolId={pool.id} region={pool.region || "us-east-1"} />
        </Card>
      ) : (
        <p className="text-sm text-slate-600">Only admins add or change targets.</p>
      )}
    </section>
  );
}
