import Link from "next/link";
import { notFound } from "next/navigation";
import { PlanView, groupFieldComments } from "@/components/plan-view";
import { ApplyRunLive } from "@/components/review/apply-run-live";
import { ApplySteps } from "@/components/review/apply-steps";
import { ChangeRequestActions } from "@/components/review/change-request-actions";
import { PublishForm } from "@/components/export-view/publish-form";
import { PromoteButton } from "@/components/review/promote-button";
import { PreflightPanel } from "@/components/review/preflight-panel";
import { PolicyPanel } from "@/components/policies/policy-panel";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { branchNameFor } from "@/lib/cognito/publish/names";
import { publishFormatChoices } from "@/lib/cognito/publish/render-for-publish";
import { describePublishRemote } from "@/lib/server/publish";
import { getChangeRequestView, STATUS_LABEL } from "@/lib/server/change-request-views";
import { promotionTarget } from "@/lib/server/change-requests";
import { policyPanelOf } from "@/lib/server/policy-gate";
import { requirePool } from "@/lib/server/page-auth";
import { hasRole } from "@/lib/contracts/roles";

export const dynamic = "force-dynamic";

function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

export default async function ChangeRequestPage({ params }: { params: Promise<{ id: string; crId: string }> }) {
  const { id, crId } = await params;
  const { account, pool } = await requirePool(id);
  const cr = await getChangeRequestView(account.workspaceId, pool.id, crId);
  if (!cr) notFound();
  const final = cr.status === "applied" || cr.status === "closed";
  const promoteTo = hasRole(account.role, "editor") ? await promotionTarget(account.workspaceId, cr.id) : null;
  const isAuthor = cr.author === account.email;
  const approver = hasRole(account.role, "approver");
  // Separation of duties: whoever wrote part of this request (lib/server/approval-rules.ts) may not approve it.
  const excluded = cr.ineligible.find((i) => i.email === account.email);
  const missing = cr.target.requiredApprovals - cr.approvals.length;
  const policies = await policyPanelOf(account.workspaceId, cr.id);
  const policyBlocked = policies?.check && policies.check.blocking.length > 0 && !policies.check.override;
  const applyBlocked = !cr.plan
    ? (cr.planProblem ?? undefined)
    : cr.plan.errors.length > 0
      ? "The plan has errors."
      : cr.status === "changes_requested"
        ? "An approver requested changes; save a new revision (or re-plan) before applying."
        : missing > 0
          ? cr.approvalSummary
          : policyBlocked
            ? `Blocked by policy ${policies.check?.blocking.join(", ")}: change the design, or an admin overrides it above with a written reason.`
            : undefined;
  // The stored status says "approved" only while enough approvals count; shown from the approvals themselves all the same.
  const status = cr.status === "approved" && missing > 0 ? "open" : cr.status;
  return (
    <section aria-labelledby="cr-heading" className="space-y-4">
      <p className="text-sm">
        <Link href={`/pools/${pool.id}/changes`} className="text-indigo-800 hover:underline">
          ← Change requests
        </Link>
      </p>
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 id="cr-heading" className="text-xl font-semibold">
          {cr.title}
        </h1>
        <Badge tone={status === "applied" ? "good" : status === "failed" ? "bad" : status === "approved" ? "info" : "neutral"} data-testid="cr-status">
          {STATUS_LABEL[status]}
        </Badge>
      </div>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <div>
          <dt className="inline text-slate-600">Target: </dt>
          <dd className="inline">
            {cr.target.name} ({cr.target.region}
            {cr.target.endpoint ? `, ${cr.target.endpoint}` : ""}), pool {cr.planUserPoolId ?? "to be created"}
          </dd>
        </div>
        <div>
          <dt className="inline text-slate-600">Author: </dt>
          <dd className="inline">{cr.author}</dd>
        </div>
        <div>
          <dt className="inline text-slate-600">Plan: </dt>
          <dd className="inline">
            version {cr.planVersion} of revision {cr.revisionNumber}, computed {formatDate(cr.plannedAt)}
          </dd>
        </div>
        <div>
          <dt className="sr-only">Approvals</dt>
          <dd className="inline" data-testid="cr-approvals">
            {cr.approvalSummary}
            {cr.approvals.length > 0 && ` Counted: ${cr.approvals.map((a) => a.approver).join(", ")}.`}
          </dd>
        </div>
      </dl>
      {cr.approvalsNotCounted.length > 0 && (
        <p className="text-sm text-amber-900" data-testid="cr-approvals-not-counted">
          Not counted: {cr.approvalsNotCounted.map((a) => `${a.approver}, who ${a.why}`).join("; ")}.
        </p>
      )}
      {!final && cr.ineligible.length > 0 && (
        <p className="text-sm text-slate-700">
          Cannot approve (they wrote part of it): {cr.ineligible.map((i) => `${i.email} (${i.reasons.join("; ")})`).join(", ")}.
        </p>
      )}
      {cr.outdatedApprovals.length > 0 && (
        <p className="text-sm text-amber-900">
          Earlier approvals no longer count (the plan was recomputed): {cr.outdatedApprovals.map((a) => `${a.approver} on v${a.planVersion}`).join(", ")}.
        </p>
      )}
      {cr.promotedFrom && (
        <p className="text-sm">
          Promoted from{" "}
          <Link href={`/pools/${pool.id}/changes/${cr.promotedFrom.id}`} className="text-indigo-800 underline">
            {cr.promotedFrom.title}
          </Link>{" "}
          (applied to {cr.promotedFrom.targetName}).
        </p>
      )}
      {cr.description && <p className="whitespace-pre-wrap">{cr.description}</p>}
      {promoteTo && <PromoteButton changeRequestId={cr.id} poolId={pool.id} targetName={promoteTo.name} />}

      {policies && !final && (
        <PolicyPanel check={policies.check} overrides={policies.overrides} changeRequestId={cr.id} planVersion={cr.planVersion} canOverride={account.role === "admin"} />
      )}
      {policies && final && policies.overrides.length > 0 && (
        <PolicyPanel check={null} overrides={policies.overrides} changeRequestId={cr.id} planVersion={cr.planVersion} canOverride={false} />
      )}

      {/* Kept mounted after the apply: it holds the apply result and the new client secrets, shown once. */}
      <Card>
        {/* First in the card, where the Approve button would be. */}
        {!final && approver && excluded && (
          <p className="mb-3 text-sm text-slate-700" data-testid="cr-cannot-approve">
            You {excluded.reasons.join(" and ")}: another approver must approve it.
          </p>
        )}
        <ChangeRequestActions
          changeRequestId={cr.id}
          planVersion={cr.planVersion}
          confirmName={cr.confirmName}
          destruction={cr.destruction}
          applyBlocked={applyBlocked}
          {...(cr.runs[0] ? { lastRunId: cr.runs[0].id } : {})}
          fields={(cr.plan?.entries ?? []).filter((e) => e.action !== "noop").flatMap((e) => e.changes.map((c) => `${e.address} ${c.path}`))}
          can={{
            comment: hasRole(account.role, "editor"),
            approve: !final && approver && !excluded && cr.plan !== null && cr.status !== "changes_requested" && !cr.approvals.some((a) => a.approver === account.email),
            requestChanges: !final && approver && !isAuthor,
            apply: !final && approver,
            replan: !final && hasRole(account.role, "editor"),
            close: !final && (isAuthor || account.role === "admin"),
          }}
        />
      </Card>

      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="space-y-4">
          <h2 className="text-lg font-semibold">Plan</h2>
          {cr.targetFindings.length > 0 && (
            <ul aria-label={`Findings for target ${cr.target.name}`} className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="cr-target-findings">
              {cr.targetFindings.map((f) => (
                <li key={f.code} className="wrap-anywhere">
                  <Badge tone="warn">warning</Badge> {f.message} <span className="text-amber-900">(AWS Config rule {f.complianceRule}, Security Hub {f.securityHubControl})</span>
                </li>
              ))}
            </ul>
          )}
          {cr.plan ? (
            <PlanView plan={cr.plan} comments={groupFieldComments(cr.comments)} />
          ) : (
            <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="cr-plan-problem">
              {cr.planProblem}
            </p>
          )}
        </div>
        <Card>
          <PreflightPanel changeRequestId={cr.id} />
        </Card>
      </div>

      <h2 className="text-lg font-semibold">Apply runs</h2>
      {cr.runs.length === 0 ? (
        <p className="text-sm text-slate-700">Not applied yet.</p>
      ) : (
        <ol className="space-y-3" aria-label="Apply runs">
          {cr.runs.map((run) => (
            <li key={run.id}>
              <Card className="space-y-2">
                {run.status === "running" ? (
                  <>
                    <p className="text-sm">
                      by {run.appliedBy}, plan v{run.planVersion}, {formatDate(run.startedAt)}
                    </p>
                    <ApplyRunLive
                      changeRequestId={cr.id}
                      initial={{ id: run.id, status: run.status, steps: run.steps, progress: run.progress, error: run.error, userPoolId: run.userPoolId }}
                    />
                  </>
                ) : (
                  <>
                    <p className="text-sm">
                      <Badge tone={run.status === "succeeded" ? "good" : "bad"}>{run.status}</Badge> by {run.appliedBy}, plan v{run.planVersion}, {formatDate(run.startedAt)}
                      {run.userPoolId ? `, pool ${run.userPoolId}` : ""}
                    </p>
                    {run.error && <p className="text-sm text-red-800">{run.error}</p>}
                    {run.status === "interrupted" && <p className="text-sm text-red-800">The server stopped during this apply. Re-plan to see what is left, then apply again.</p>}
                    <ApplySteps steps={run.steps} />
                    {run.progress.length > 0 && (
                      <details open={run.status === "interrupted"}>
                        <summary className="cursor-pointer text-sm text-slate-700">AWS calls made ({run.progress.length})</summary>
                        <ol className="mt-1 space-y-0.5 font-mono text-xs" aria-label="AWS calls made">
                          {run.progress.map((p, index) => (
                            <li key={index}>
                              {p.at.slice(11, 19)} {p.outcome} {p.call} {p.subject}
                              {p.error ? ` (${p.error.code}: ${p.error.message})` : ""}
                            </li>
                          ))}
                        </ol>
                      </details>
                    )}
                  </>
                )}
              </Card>
            </li>
          ))}
        </ol>
      )}

      {(cr.status === "approved" || cr.status === "applied") && (
        <PublishForm
          poolId={pool.id}
          changeRequestId={cr.id}
          defaultBranch={branchNameFor(pool.name, `${cr.target.name} ${cr.title}`)}
          canPublish={hasRole(account.role, "editor")}
          formats={publishFormatChoices()}
          {...describePublishRemote(account.workspaceId)}
        />
      )}

      <h2 className="text-lg font-semibold">Comments</h2>
      {cr.comments.length === 0 ? (
        <p className="text-sm text-slate-700">No comments yet.</p>
      ) : (
        <ul className="space-y-2" aria-label="Comments">
          {cr.comments.map((c) => (
            <li key={c.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
              <p className="text-slate-600">
                {c.author}, {formatDate(c.createdAt)}
                {c.path && <span className="font-mono"> on {c.path}</span>}
              </p>
              <p className="mt-1 whitespace-pre-wrap">{c.body}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
