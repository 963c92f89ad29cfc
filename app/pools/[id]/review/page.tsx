import { PlanView } from "@/components/plan-view";
import { DraftProblems } from "@/components/pools/draft-problems";
import { findPlaceholders } from "@/lib/cognito/findings";
import { planChanges } from "@/lib/cognito/plan";
import { requirePool } from "@/lib/server/page-auth";

export const dynamic = "force-dynamic";

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { pool } = await requirePool(id);
  const desired = pool.draft.stored.document;
  const base = pool.lastRevision;
  return (
    <section aria-labelledby="review-heading" className="space-y-4">
      <h1 id="review-heading" className="text-xl font-semibold">
        Review changes
      </h1>
      <p className="text-sm text-slate-700">
        {base ? `The draft (version ${pool.draft.version}) against revision ${base.number} by ${base.createdBy}.` : "The draft against nothing yet: no revision has been saved, so everything is created."}
      </p>
      {!desired ? (
        <DraftProblems diagnostics={pool.draft.stored.diagnostics} what="plan" />
      ) : base && !base.stored.document ? (
        <DraftProblems diagnostics={base.stored.diagnostics} what="plan (the last revision cannot be read)" />
      ) : (
        <PlanView plan={planChanges(base?.stored.document ?? null, desired)} placeholders={findPlaceholders(desired)} />
      )}
    </section>
  );
}
