import type { ReactNode } from "react";
import { DeploymentBadges } from "@/components/pools/deployment-badges";
import { PoolTabs } from "@/components/pools/pool-tabs";
import { Badge } from "@/components/ui/badge";
import { requirePool } from "@/lib/server/page-auth";
import { listDeployments } from "@/lib/server/deployments";
import { POOL_STATUS_LABEL, regionLabel } from "@/lib/server/pools";

export default async function PoolLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { pool } = await requirePool(id);
  const deployments = (await listDeployments([pool.id])).get(pool.id) ?? [];
  const failed = deployments.filter((d) => d.state === "failed");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <p className="text-2xl font-semibold break-all" data-testid="pool-title">
          {pool.name}
        </p>
        <Badge tone="info">{pool.environment}</Badge>
        <DeploymentBadges deployments={deployments} />
        <Badge>{POOL_STATUS_LABEL[pool.status]}</Badge>
        <span className="text-sm text-slate-600">{regionLabel(pool.region)}</span>
      </div>
      {failed.map((d) => (
        <p key={d.targetId} className="text-sm text-red-800" data-testid="deployment-failure">
          The last apply to {d.target} failed at {d.failure}.{d.appliedRevision ? ` Revision ${d.appliedRevision} is what was last applied there.` : " Nothing was applied there before."}
        </p>
      ))}
      <PoolTabs poolId={pool.id} />
      <div>{children}</div>
    </div>
  );
}
