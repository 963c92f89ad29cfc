import Link from "next/link";
import { ImportAwsForm } from "@/components/pools/import-aws-form";
import { ImportPoolForm } from "@/components/pools/import-pool-form";
import { DeploymentBadges } from "@/components/pools/deployment-badges";
import { FirstRunGuide } from "@/components/pools/first-run-guide";
import { NewPoolForm } from "@/components/pools/new-pool-form";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { listPresets } from "@/lib/cognito/presets";
import { requireAccount } from "@/lib/server/page-auth";
import { listDeployments } from "@/lib/server/deployments";
import { listTargetConnections } from "@/lib/server/import-aws";
import { listPools, POOL_STATUS_LABEL, type PoolStatus, regionLabel } from "@/lib/server/pools";
import { hasRole } from "@/lib/contracts/roles";

export const dynamic = "force-dynamic";

const STATUS_TONE: Record<PoolStatus, BadgeTone> = { "no-revision": "neutral", "draft-changed": "warn", "draft-saved": "neutral" };

function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export default async function HomePage() {
  const account = await requireAccount();
  const pools = await listPools(account.workspaceId);
  const deployments = await listDeployments(pools.map((p) => p.id));
  const canEdit = hasRole(account.role, "editor");
  const connections = canEdit ? await listTargetConnections(account.workspaceId) : [];
  const presets = listPresets("pool").map((p) => ({ name: p.name, title: p.title, summary: p.summary }));
  return (
    <div className="space-y-8">
      <section aria-labelledby="pools-heading">
        <h1 id="pools-heading" className="text-2xl font-semibold">
          User pools
        </h1>
        {pools.length === 0 ? (
          <FirstRunGuide canEdit={canEdit} />
        ) : (
          <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="w-full border-collapse text-left text-sm sm:min-w-[40rem]">
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="px-4 py-2 font-medium">Name</th>
                  <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">Environment</th>
                  <th scope="col" className="px-4 py-2 font-medium">In AWS</th>
                  <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">Design</th>
                  {/* On a phone, Region and Last change move under the name (a sideways-scrolling table hides them). */}
                  <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">Region</th>
                  <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">Last change</th>
                </tr>
              </thead>
              <tbody>
                {pools.map((pool) => (
                  <tr key={pool.id} className="border-b border-slate-100">
                    <td className="px-4 py-2">
                      <Link href={`/pools/${pool.id}`} className="font-medium text-indigo-800 underline-offset-2 hover:underline">
                        {pool.name}
                      </Link>
                      {!pool.draftValid && (
                        <Badge tone="bad" className="ml-2">
                          draft has errors
                        </Badge>
                      )}
                      <p className="mt-0.5 text-xs text-slate-600 sm:hidden">
                        {pool.environment}, {regionLabel(pool.region)}, {POOL_STATUS_LABEL[pool.status]}, changed {formatDate(pool.updatedAt)}
                        {pool.lastChangeBy && ` by ${pool.lastChangeBy}`}
                      </p>
                    </td>
                    <td className="hidden px-4 py-2 sm:table-cell">{pool.environment}</td>
                    <td className="px-4 py-2">
                      <DeploymentBadges deployments={deployments.get(pool.id) ?? []} />
                    </td>
                    <td className="hidden px-4 py-2 sm:table-cell">
                      <Badge tone={STATUS_TONE[pool.status]} className="whitespace-nowrap">
                        {POOL_STATUS_LABEL[pool.status]}
                      </Badge>
                    </td>
                    <td className="hidden px-4 py-2 sm:table-cell">{regionLabel(pool.region)}</td>
                    <td className="hidden px-4 py-2 sm:table-cell">
                      {formatDate(pool.updatedAt)}
                      {pool.lastChangeBy && <span className="text-slate-600"> by {pool.lastChangeBy}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {canEdit ? (
        // On a phone the cards stack as New pool, Import, Import from AWS; on a wide screen Import has the right column.
        <div className="grid items-start gap-6 lg:grid-cols-2">
          <Card className="lg:col-start-1 lg:row-start-1">
            <h2 className="text-lg font-semibold">New pool</h2>
            <NewPoolForm presets={presets} />
          </Card>
          <Card className="lg:col-start-2 lg:row-span-2 lg:row-start-1">
            <h2 className="text-lg font-semibold">Import</h2>
            <ImportPoolForm />
          </Card>
          <Card className="lg:col-start-1 lg:row-start-2">
            <h2 className="text-lg font-semibold">Import from AWS</h2>
            <p className="mt-1 text-sm text-slate-700">Bring live pools in: each becomes a design with a target linked to it.</p>
            <ImportAwsForm connections={connections} canUseOwnEndpoint={hasRole(account.role, "admin")} />
          </Card>
        </div>
      ) : (
        <p className="text-sm text-slate-700">You are a viewer in this workspace: ask an admin for the editor role to create or import pools.</p>
      )}
    </div>
  );
}
