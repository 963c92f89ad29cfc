import Link from "next/link";
import { notFound } from "next/navigation";
import { PlanView } from "@/components/plan-view";
import { EnvironmentValuesForm } from "@/components/review/environment-values-form";
import { PullLiveButton } from "@/components/review/pull-live-button";
import { TargetForm } from "@/components/review/target-form";
import { buttonClass, Card, FormMessage } from "@/components/ui";
import { checkTargetDrift, type DriftReport } from "@/lib/server/drift";
import { UserError } from "@/lib/server/errors";
import { requirePool } from "@/lib/server/page-auth";
import { hasRole } from "@/lib/contracts/roles";
import { describeEnvironmentValues, describeTarget, getTarget } from "@/lib/server/targets";

export const dynamic = "force-dynamic";

/** One target; `?check=1` reads its live pool (an AWS call, only on request) and shows the drift. */
export default async function TargetPage({ params, searchParams }: { params: Promise<{ id: string; targetId: string }>; searchParams: Promise<{ check?: string }> }) {
  const { id, targetId } = await params;
  const { check } = await searchParams;
  const { account, pool } = await requirePool(id);
  const target = await getTarget(account.workspaceId, targetId);
  if (!target || target.poolId !== pool.id) notFound();
  let report: DriftReport | undefined;
  let problem: string | undefined;
  if (check === "1" && target.userPoolId) {
    try {
      report = await checkTargetDrift(account.workspaceId, target.id);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      problem = error.message;
    }
  }
  return (
    <section aria-labelledby="target-heading" className="space-y-4">
      <p className="text-sm">
        <Link href={`/pools/${pool.id}/targets`} className="text-indigo-800 hover:underline">
          ← Targets
        </Link>
      </p>
      <h1 id="target-heading" className="text-xl font-semibold">
        Target {target.name}
      </h1>
      <p className="text-sm text-slate-700">{describeTarget(target)}</p>
      <p className="text-sm text-slate-700" data-testid="target-values">
        Per-environment values: {describeEnvironmentValues(target.environmentValues)}
      </p>
      {!target.userPoolId ? (
        <p className="text-slate-700">No live pool yet: the first applied change request creates it.</p>
      ) : (
        <Link href={`/pools/${pool.id}/targets/${target.id}?check=1`} className={buttonClass("secondary")}>
          Check for drift
        </Link>
      )}
      <FormMessage>{problem}</FormMessage>
      {report && (
        <Card className="space-y-3">
          <h2 className="text-lg font-semibold">Drift of {report.userPoolId}</h2>
          <p className="text-sm text-slate-700">
            The live pool against{" "}
            {report.baseline.kind === "applied" ? `the last applied change request “${report.baseline.title}” (revision ${report.baseline.revisionNumber})` : `the draft (version ${report.baseline.version}); nothing was applied yet`}
            : the changes below were made outside the studio.
          </p>
          {report.plan.hasChanges ? <PlanView plan={report.plan} /> : <p data-testid="no-drift">No drift: the live pool matches.</p>}
          {hasRole(account.role, "editor") && <PullLiveButton targetId={target.id} draftVersion={pool.draft.version} poolId={pool.id} />}
        </Card>
      )}
      {account.role === "admin" && (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Per-environment values</h2>
          <EnvironmentValuesForm
            targetId={target.id}
            targetName={target.name}
            clientNames={[...new Set([...(pool.draft.stored.document?.spec.clients ?? []).map((c) => c.name), ...Object.keys(target.environmentValues.clients ?? {})])]}
            values={target.environmentValues}
          />
        </Card>
      )}
      {account.role === "admin" && (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Edit target</h2>
          <TargetForm poolId={pool.id} region={pool.region} target={target} />
        </Card>
      )}
    </section>
  );
}
