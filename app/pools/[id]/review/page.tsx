import { PlanView } from "@/components/plan-view";
import { DraftProblems } from "@/components/pools/draft-problems";
import { ReviewNextStep } from "@/components/pools/review-next-step";
import { orderForPromotion } from "@/lib/cognito/environments";
import { findPlaceholders } from "@/lib/cognito/findings";
import { planChanges } from "@/lib/cognito/plan";
import { requirePool } from "@/lib/server/page-auth";
import { hasRole } from "@/lib/contracts/roles";
import { listTargets } from "@/lib/server/targets";

export const dynamic = "force-dynamic";

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { account, pool } = await requirePool(id);
  const desired = pool.draft.stored.document;
  const base = pool.lastRevision;
  const targets = orderForPromotion(await listTargets(account.workspaceId, pool.id));
  const plan = desired && !(base && !base.stored.document) ? planChanges(base?.stored.document ?? null, desired) : undefined;
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
        plan && <PlanView plan={plan} placeholders={findPlaceholders(desired)} />
      )}
      <ReviewNextStep
        poolId={pool.id}
        draftVersion={pool.draft.version}
        draftValid={pool.draft.valid && desired !== undefined && desired !== null}
        hasChanges={plan !== undefined && plan.entries.some((e) => e.action !== "noop")}
        canEdit={hasRole(account.role, "editor")}
        canAddTarget={hasRole(account.role, "admin")}
        targets={targets.map((t) => ({ id: t.id, name: t.name, requiredApprovals: t.requiredApprovals }))}
      />
    </section>
  );
}
