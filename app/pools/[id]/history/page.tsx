import { HistoryView, diffRevisions, selectRevisions } from "@/components/history";
import { ApplyList } from "@/components/history/apply-list";
import { listApplyHistory } from "@/lib/server/history";
import { hasRole } from "@/lib/contracts/roles";
import { requirePool } from "@/lib/server/page-auth";
import { listRevisions } from "@/lib/server/pools";

export const dynamic = "force-dynamic";

export default async function HistoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string | string[]; to?: string | string[] }> }) {
  const { id } = await params;
  const query = await searchParams;
  const { account, pool } = await requirePool(id);
  const [revisions, applies] = await Promise.all([listRevisions(account.workspaceId, pool.id), listApplyHistory(account.workspaceId, pool.id)]);
  const selection = selectRevisions(revisions, query);
  const from = selection && revisions.find((r) => r.number === selection.from);
  const to = selection && revisions.find((r) => r.number === selection.to);
  // A corrupt row cannot be diffed; the list still shows it.
  const unreadable = Boolean(from && to && (!from.stored.document || !to.stored.document));
  const comparison = from?.stored.document && to?.stored.document && selection ? { selection, plan: diffRevisions(from.stored.document, to.stored.document) } : undefined;
  return (
    <section aria-labelledby="history-heading" className="space-y-4">
      <h1 id="history-heading" className="text-xl font-semibold">
        History
      </h1>
      <h2 className="text-lg font-semibold">Revisions</h2>
      {revisions.length === 0 && <p className="text-slate-700">No revisions yet. Use “Save as revision” in the editor to freeze the draft.</p>}
      {revisions.length > 0 && (
        <HistoryView
          revisions={revisions}
          comparison={comparison}
          formAction={`/pools/${pool.id}/history`}
          compareHref={(a, b) => `/pools/${pool.id}/history?from=${a}&to=${b}`}
          restore={hasRole(account.role, "editor") ? { poolId: pool.id, draftVersion: pool.draft.version } : undefined}
        />
      )}
      <section aria-labelledby="applies-heading" className="space-y-2">
        <h2 id="applies-heading" className="text-lg font-semibold">
          Applies
        </h2>
        <ApplyList poolId={pool.id} applies={applies} />
      </section>
      {unreadable && (
        <p role="alert" className="text-red-800">
          One of these revisions cannot be read (a corrupt row), so they cannot be compared.
        </p>
      )}
    </section>
  );
}
