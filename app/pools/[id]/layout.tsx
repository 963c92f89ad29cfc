import type { ReactNode } from "react";
import { PoolTabs } from "@/components/pools/pool-tabs";
import { Badge } from "@/components/ui";
import { requirePool } from "@/lib/server/page-auth";
import { POOL_STATUS_LABEL } from "@/lib/server/pools";

export default async function PoolLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { pool } = await requirePool(id);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <p className="text-2xl font-semibold break-all" data-testid="pool-title">
          {pool.name}
        </p>
        <Badge tone="info">{pool.environment}</Badge>
        <Badge>{POOL_STATUS_LABEL[pool.status]}</Badge>
        <span className="text-sm text-slate-600">{pool.region || "no region yet"}</span>
      </div>
      <PoolTabs poolId={pool.id} />
      <div>{children}</div>
    </div>
  );
}
