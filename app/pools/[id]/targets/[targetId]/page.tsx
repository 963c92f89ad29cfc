import Link from "next/link";
import { notFound } from "next/navigation";
import { DRIFT_WORDS, PlanChanges } from "@/components/plan-view";
import { EnvironmentSettingsTable } from "@/components/review/environment-settings-table";
import { EnvironmentValuesForm } from "@/components/review/environment-values-form";
import { PullLiveButton } from "@/components/review/pull-live-button";
import { TargetForm } from "@/components/review/target-form";
import { CheckDriftButton } from "@/components/review/check-drift-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { settingsNotCompared } from "@/lib/cognito/aws/not-compared";
import { listEnvironmentSettingRows } from "@/lib/cognito/environments";
import { describeAge, listDeployments } from "@/lib/server/deployments";
import { getLastDriftCheck } from "@/lib/server/drift";
import { requirePool } from "@/lib/server/page-auth";
import { hasRole } from "@/lib/contracts/roles";
import { describeEnvironmentValues, describeTarget, getTarget } from "@/lib/server/targets";

export const dynamic = "force-dynamic";

/** One target, with its last drift check (the live pool is read only when someone runs the check). */
export default async function TargetPage({ params }: { params: Promise<{ id: string; targetId: string }> }) {
  const { id, targetId } = await params;
  const { account, pool } = await requirePool(id);
  const target = await getTarget(account.workspaceId, targetId);
  if (!target || target.poolId !== pool.id) notFound();
  const lastCheck = await getLastDriftCheck(target.id);
  // Whether that check still counts: an apply after it makes it history (the badge then shows the apply).
  const counts = (await listDeployments([pool.id])).get(pool.id)?.find((d) => d.targetId === target.id)?.check !== undefined;
  const now = new Date();
  const canCheck = hasRole(account.role, "editor");
  const design = pool.draft.stored.document;
  const notCompared = design ? settingsNotCompared(design) : [];
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
        <Card className="space-y-3" data-testid="drift-check">
          <h2 className="text-lg font-semibold">Drift</h2>
          {lastCheck ? (
            <div className="space-y-1">
              <p className="flex flex-wrap items-center gap-2">
                <Badge tone={lastCheck.differences > 0 ? "warn" : "good"} data-testid="drift-result">
                  {lastCheck.differences > 0 ? `Drifted: ${lastCheck.differences} ${lastCheck.differences === 1 ? "setting differs" : "settings differ"}` : "In sync"}
                </Badge>
                <span className="text-sm text-slate-700">
                  Checked {describeAge(lastCheck.checkedAt, now)} by {lastCheck.checkedBy}: live pool <code className="font-mono text-xs">{lastCheck.userPoolId}</code> against {lastCheck.baseline}.
                </span>
              </p>
              {!counts && <p className="text-sm text-amber-900">An apply ran after this check: it no longer tells what is in AWS. Check again.</p>}
            </div>
          ) : (
            <p className="text-sm text-slate-700">Not checked yet. A check reads the live pool {target.userPoolId} and compares it with what was last applied here; the result shows in the pools list.</p>
          )}
          {notCompared.length > 0 && (
            <ul aria-label="Not compared by the drift check" className="list-disc space-y-1 pl-5 text-sm text-slate-700" data-testid="drift-not-compared">
              {notCompared.map((n) => (
                <li key={n.path}>
                  {n.setting}: {n.reason}.
                </li>
              ))}
            </ul>
          )}
          {canCheck ? <CheckDriftButton targetId={target.id} again={lastCheck !== undefined} /> : <p className="text-sm text-slate-600">An editor can run a check.</p>}
          {lastCheck && lastCheck.differences > 0 && (
            <>
              <p className="text-sm text-slate-700">
                What was changed outside the studio: <span className="font-medium">Applied</span> is {lastCheck.baseline}, <span className="font-medium">In AWS</span> the live pool. The next apply
                to {target.name} puts back what was applied; to keep these changes instead, pull the live pool into the draft.
              </p>
              <PlanChanges plan={lastCheck.plan} words={DRIFT_WORDS} changedOnly />
              {canCheck && <PullLiveButton targetId={target.id} draftVersion={pool.draft.version} poolId={pool.id} />}
            </>
          )}
        </Card>
      )}
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Per-environment settings</h2>
        <EnvironmentSettingsTable
          targetId={target.id}
          targetName={target.name}
          seen={target.updatedAt.toISOString()}
          rows={listEnvironmentSettingRows(pool.draft.stored.document?.spec, target.environmentValues)}
          editable={hasRole(account.role, "editor")}
        />
      </Card>
      {hasRole(account.role, "editor") && (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Domain and app client URLs</h2>
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
