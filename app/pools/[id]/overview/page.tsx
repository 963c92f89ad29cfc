import { PoolOverview, PoolSettingsList } from "@/components/overview";
import { DraftProblems } from "@/components/pools/draft-problems";
import { requirePool } from "@/lib/server/page-auth";

export const dynamic = "force-dynamic";

export default async function OverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { pool } = await requirePool(id);
  const document = pool.draft.stored.document;
  return (
    <section aria-labelledby="overview-heading" className="space-y-4">
      <h1 id="overview-heading" className="text-xl font-semibold">
        Overview
      </h1>
      {document ? (
        <>
          <PoolOverview document={document} />
          <PoolSettingsList document={document} />
        </>
      ) : (
        <DraftProblems diagnostics={pool.draft.stored.diagnostics} what="overview" />
      )}
    </section>
  );
}
