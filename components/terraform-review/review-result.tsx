/**
 * A Terraform plan's review for people: the verdict and its risks first, then each user pool: the users a
 * replacement deletes, what Terraform does resource by resource, the studio's plan (replacement reasons, blast
 * radius, security flags), findings, the matching design and how the pool Terraform leaves differs from it;
 * last, the same review as Markdown for a pull-request comment. Renders what lib/ computed, nothing more.
 */
import Link from "next/link";
import { Badge, type BadgeTone, Card, cn } from "@/components/ui";
import { PlanChanges, PlanView, type PlanWords } from "@/components/plan-view";
import type { DesignMatch, TerraformReviewView } from "@/lib/server/terraform-review";
import type { PoolReview } from "@/lib/cognito/terraform-plan/review-plan";
import { DEFAULT_FAIL_ON, RISK_WORDS, blockingRisks } from "@/lib/cognito/terraform-plan/risks";
import { describeUsers, verdictLine } from "@/lib/cognito/terraform-plan/render-review";
import type { TerraformAction } from "@/lib/cognito/terraform-plan/read-plan-json";

const ACTION: Record<TerraformAction, { label: string; tone: BadgeTone }> = {
  create: { label: "create", tone: "good" },
  update: { label: "update in place", tone: "info" },
  replace: { label: "replace", tone: "bad" },
  delete: { label: "destroy", tone: "bad" },
  read: { label: "read", tone: "neutral" },
  "no-op": { label: "unchanged", tone: "neutral" },
};

/** The pool Terraform leaves (before) against the design (after): what the studio would still change. */
const DESIGN_WORDS: PlanWords = {
  action: { create: "only in the design", update: "differs from the design", replace: "differs from the design", delete: "not in the design", noop: "same" },
  tone: { create: "warn", update: "warn", replace: "warn", delete: "warn", noop: "neutral" },
  before: "After terraform apply",
  after: "The design",
};

function Verdict({ view }: { view: TerraformReviewView }) {
  const blocking = blockingRisks(view.review, DEFAULT_FAIL_ON);
  const risky = blocking.length > 0;
  return (
    <Card className={cn("border-2", risky ? "border-red-400 bg-red-50" : "border-green-300 bg-green-50")} data-review-verdict={risky ? "risky" : "ok"}>
      <h2 className={cn("text-lg font-semibold", risky ? "text-red-900" : "text-green-900")}>{verdictLine(view.review, DEFAULT_FAIL_ON)}</h2>
      {risky && (
        <ul className="mt-2 space-y-1 text-sm text-red-900">
          {blocking.map((r, i) => (
            <li key={i} className="wrap-anywhere">
              <Badge tone="bad" className="mr-2">
                {RISK_WORDS[r.kind].label}
              </Badge>
              <code className="font-mono text-xs">{r.address}</code>: {r.message}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-xs text-slate-700">
        In CI, <code className="font-mono">cognito-studio review-plan PLAN.json</code> exits 2 for these risks (users deleted, a security change, a blocking policy) and 0 otherwise.
      </p>
    </Card>
  );
}

function TerraformActions({ pool }: { pool: PoolReview }) {
  const changed = pool.resources.filter((r) => r.action !== "no-op");
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">What Terraform does to the resources of user pool {pool.poolName}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
            <th scope="col" className="py-1 pr-3 font-medium">Terraform</th>
            <th scope="col" className="py-1 pr-3 font-medium">Resource</th>
            <th scope="col" className="hidden py-1 font-medium sm:table-cell">Notes</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {changed.map((r) => {
            const notes = [
              r.replacePaths.length > 0 && `forces replacement: ${r.replacePaths.join(", ")}`,
              r.unknown.length > 0 && `known after apply (not compared): ${r.unknown.join(", ")}`,
              r.sensitiveChanges.length > 0 && `sensitive value changes (not shown): ${r.sensitiveChanges.join(", ")}`,
            ].filter((n): n is string => typeof n === "string");
            return (
              <tr key={r.address} className="align-top">
                <td className="py-1.5 pr-3">
                  <Badge tone={ACTION[r.action].tone}>{ACTION[r.action].label}</Badge>
                </td>
                <td className="py-1.5 pr-3">
                  <code className="font-mono text-xs wrap-anywhere">{r.address}</code>
                  {notes.length > 0 && <span className="mt-1 block text-xs text-slate-600 sm:hidden">{notes.join("; ")}</span>}
                </td>
                <td className="hidden py-1.5 text-xs text-slate-700 sm:table-cell">{notes.join("; ")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function DesignComparison({ match }: { match: DesignMatch }) {
  const by = match.matchedBy === "pool-id" ? "by its live pool id" : match.matchedBy === "name" ? "by name" : "the pool this review was opened from";
  return (
    <section aria-label={`Compared with the design ${match.poolName}`} className="space-y-3">
      <h4 className="font-medium text-slate-900">
        Compared with the design{" "}
        <Link href={`/pools/${match.poolId}`} className="text-indigo-800 underline underline-offset-2">
          {match.poolName}
        </Link>{" "}
        <span className="text-sm font-normal text-slate-600">
          ({by}; its {match.designSource === "revision" ? "last revision" : "draft"})
        </span>
      </h4>
      {!match.differences ? (
        <p className="text-sm text-slate-700">The design is not valid yet, so it cannot be compared; fix it in the editor.</p>
      ) : !match.differences.hasChanges ? (
        <p className="text-sm text-green-800" data-design-differences="0">
          After this plan, the pool matches the design in every setting the design manages.
        </p>
      ) : (
        <div className="space-y-2" data-design-differences={match.differences.entries.filter((e) => e.action !== "noop").length}>
          <p className="text-sm text-slate-700">After this plan, the pool still differs from the design here (what the studio would change to reach the design):</p>
          <PlanChanges plan={match.differences} compact words={DESIGN_WORDS} changedOnly />
        </div>
      )}
    </section>
  );
}

function PoolSection({ pool, match }: { pool: PoolReview; match?: DesignMatch }) {
  return (
    <Card className="space-y-4" data-review-pool={pool.address}>
      <header>
        <h3 className="text-lg font-semibold text-slate-900 wrap-anywhere">User pool {pool.poolName}</h3>
        <p className="text-sm text-slate-600 wrap-anywhere">
          <code className="font-mono text-xs">{pool.address}</code>
          {pool.userPoolId && (
            <>
              {" "}
              · <code className="font-mono text-xs">{pool.userPoolId}</code>
            </>
          )}
        </p>
      </header>
      {pool.deletesUsers && (
        <p className="rounded-md border border-red-300 bg-red-50 p-3 text-sm font-medium text-red-900">
          This plan {pool.poolDestroyed ? "destroys" : "replaces"} the user pool: every user in it is deleted. Users: {describeUsers(pool)}.
        </p>
      )}
      <TerraformActions pool={pool} />
      {pool.disagreements.length > 0 && (
        <ul className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {pool.disagreements.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
      {pool.plan && <PlanView plan={pool.plan} />}
      {pool.policies.length > 0 && (
        <section aria-label="Guardrail policies" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <h4 className="font-medium">Guardrail policies the pool after apply breaks</h4>
          <ul className="mt-1 space-y-1">
            {pool.policies.map((p, i) => (
              <li key={i} className="wrap-anywhere">
                <Badge tone={p.blocking ? "bad" : "warn"} className="mr-2">
                  {p.blocking ? "blocks" : "warns"}
                </Badge>
                <code className="font-mono text-xs">{p.policyId}</code>: {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {pool.findings.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium text-slate-900">Findings on the pool after apply ({pool.findings.length})</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
            {pool.findings.map((f, i) => (
              <li key={i} className="wrap-anywhere">
                <code className="font-mono text-xs">{f.path}</code>: {f.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {pool.diagnostics.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium text-slate-900">Notes on reading the plan ({pool.diagnostics.length})</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
            {pool.diagnostics.map((d, i) => (
              <li key={i} className="wrap-anywhere">
                {d.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {match ? <DesignComparison match={match} /> : <p className="text-sm text-slate-600">No design of this workspace has this pool&apos;s id or name.</p>}
    </Card>
  );
}

export function TerraformReviewResult({ view }: { view: TerraformReviewView }) {
  const { review } = view;
  return (
    <div className="space-y-6" data-testid="terraform-review">
      <Verdict view={view} />
      {review.pools.map((pool) => (
        <PoolSection key={pool.address} pool={pool} match={view.matches.find((m) => m.address === pool.address)} />
      ))}
      {review.outside.length > 0 && (
        <Card>
          <h3 className="font-medium text-slate-900">Other Cognito resources this plan changes (not reviewed)</h3>
          <ul className="mt-2 space-y-1 text-sm">
            {review.outside.map((o) => (
              <li key={o.address}>
                <Badge tone={ACTION[o.action].tone}>{ACTION[o.action].label}</Badge> <code className="font-mono text-xs">{o.address}</code>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <details className="rounded-lg border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer font-medium text-slate-900">Markdown for a pull-request comment</summary>
        <label htmlFor="review-markdown" className="mt-2 block text-sm text-slate-700">
          The same review as <code className="font-mono">cognito-studio review-plan --format markdown</code> prints it
        </label>
        <textarea id="review-markdown" readOnly rows={12} value={view.markdown} className="mt-1 w-full rounded-md border border-slate-300 p-2 font-mono text-xs" />
      </details>
    </div>
  );
}
