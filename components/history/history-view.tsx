/**
 * The history page's views: the revisions (number, who, when, message) and the diff between two chosen revisions
 * (a plain GET form, so choosing works without JavaScript; the page reads `?from=&to=`, diffs the two documents
 * with `diffRevisions` and passes the plan in). Server components.
 */
import { Badge, Button, Card, Field, Select, cn } from "@/components/ui";
import type { Plan } from "@/lib/cognito/plan";
import { PlanView } from "@/components/plan-view";
import { RestoreRevisionButton } from "./restore-revision-button";
import { type RevisionSelection, type RevisionSummary, formatRevisionTime } from "./revisions";

export interface RevisionListProps {
  revisions: readonly RevisionSummary[];
  /** Highlights the two compared revisions. */
  selection?: RevisionSelection;
  /** Link for a row's "compare with previous" (e.g. `(from, to) => ?from=${from}&to=${to}`); no links when absent. */
  compareHref?: (from: number, to: number) => string;
  /** For an editor: a "Restore into the draft" button per revision. */
  restore?: { poolId: string; draftVersion: number };
  className?: string;
}

/** Newest first. */
export function RevisionList({ revisions, selection, compareHref, restore, className }: RevisionListProps) {
  if (revisions.length === 0) return <p className={cn("text-sm text-slate-600", className)}>No revisions yet: submit the draft to create the first one.</p>;
  const sorted = [...revisions].sort((a, b) => b.number - a.number);
  return (
    // `relative` keeps the sr-only header cell (position: absolute) inside the scroll box; otherwise it widens the page on a phone.
    // `data-table`: under 640 px each row becomes a card, its values headed by `data-label` (globals.css).
    <div className={cn("data-table relative overflow-x-auto", className)} tabIndex={0} role="region" aria-label="Revisions (scrollable)">
      <table className="w-full border-collapse text-sm" role="table">
        <caption className="sr-only">Revisions, newest first</caption>
        <thead role="rowgroup">
          <tr role="row" className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-600">
            <th scope="col" role="columnheader" className="py-2 pr-3 font-medium">Revision</th>
            <th scope="col" role="columnheader" className="py-2 pr-3 font-medium">Who</th>
            <th scope="col" role="columnheader" className="py-2 pr-3 font-medium">When</th>
            <th scope="col" role="columnheader" className="py-2 pr-3 font-medium">Message</th>
            {compareHref && (
              <th scope="col" role="columnheader" className="py-2 font-medium">
                <span className="sr-only">Compare</span>
              </th>
            )}
            {restore && (
              <th scope="col" role="columnheader" className="py-2 font-medium">
                <span className="sr-only">Restore</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody role="rowgroup" className="divide-y divide-slate-100">
          {sorted.map((r, i) => {
            const previous = sorted[i + 1];
            const role = selection?.from === r.number ? "from" : selection?.to === r.number ? "to" : undefined;
            const when = typeof r.createdAt === "string" ? r.createdAt : r.createdAt.toISOString();
            return (
              <tr key={r.number} role="row" className={role ? "bg-indigo-50" : undefined} aria-current={role ? "true" : undefined}>
                <td role="cell" data-label="Revision" className="py-2 pr-3 font-medium">
                  #{r.number} {role && <Badge tone="info">{role}</Badge>}
                </td>
                <td role="cell" data-label="Who" className="py-2 pr-3">{r.createdBy}</td>
                <td role="cell" data-label="When" className="py-2 pr-3 whitespace-nowrap">
                  <time dateTime={when}>{formatRevisionTime(r.createdAt)}</time>
                </td>
                <td role="cell" data-label="Message" className="py-2 pr-3">{r.message || <span className="italic text-slate-500">no message</span>}</td>
                {compareHref && (
                  <td role="cell" className="py-2 whitespace-nowrap">
                    {previous && (
                      <a className="text-indigo-700 underline hover:text-indigo-900" href={compareHref(previous.number, r.number)}>
                        Changes since #{previous.number}
                      </a>
                    )}
                  </td>
                )}
                {restore && (
                  <td role="cell" className="py-2">
                    <RestoreRevisionButton poolId={restore.poolId} number={r.number} draftVersion={restore.draftVersion} />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export interface RevisionCompareFormProps {
  revisions: readonly RevisionSummary[];
  selection?: RevisionSelection;
  /** Where the GET form goes (default: the current URL). */
  action?: string;
}

/** Two selects and a Compare button; submits `?from=N&to=M`. */
export function RevisionCompareForm({ revisions, selection, action }: RevisionCompareFormProps) {
  const sorted = [...revisions].sort((a, b) => b.number - a.number);
  const option = (r: RevisionSummary) => (
    <option key={r.number} value={r.number}>
      #{r.number} · {r.createdBy} · {formatRevisionTime(r.createdAt)}
    </option>
  );
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label="Compare two revisions">
      <Field id="history-from" label="From revision">
        {(aria) => (
          <Select name="from" defaultValue={selection?.from} {...aria}>
            {sorted.map(option)}
          </Select>
        )}
      </Field>
      <Field id="history-to" label="To revision">
        {(aria) => (
          <Select name="to" defaultValue={selection?.to} {...aria}>
            {sorted.map(option)}
          </Select>
        )}
      </Field>
      <Button type="submit" variant="secondary">
        Compare
      </Button>
    </form>
  );
}

export interface RevisionDiffProps {
  from: RevisionSummary;
  to: RevisionSummary;
  /** `diffRevisions(fromDocument, toDocument)`. */
  plan: Plan;
}

/** The changes between two revisions, as a compact plan view. */
export function RevisionDiff({ from, to, plan }: RevisionDiffProps) {
  return (
    <section aria-label={`Changes from revision ${from.number} to revision ${to.number}`} className="space-y-3">
      <h2 className="text-lg font-semibold text-slate-900">
        Changes from #{from.number} to #{to.number}
      </h2>
      {from.number > to.number && <p className="text-sm text-amber-800">Comparing backwards: this shows what going back to #{to.number} would change.</p>}
      <PlanView plan={plan} compact />
    </section>
  );
}

export interface HistoryViewProps {
  revisions: readonly RevisionSummary[];
  /** The compared pair (from `selectRevisions`) and its plan (from `diffRevisions`); no diff when absent. */
  comparison?: { selection: RevisionSelection; plan: Plan };
  /** Action of the compare form (default: the current URL). */
  formAction?: string;
  compareHref?: (from: number, to: number) => string;
  restore?: RevisionListProps["restore"];
}

/** The whole history page body: list, compare form and diff. */
export function HistoryView({ revisions, comparison, formAction, compareHref, restore }: HistoryViewProps) {
  const byNumber = new Map(revisions.map((r) => [r.number, r]));
  const from = comparison ? byNumber.get(comparison.selection.from) : undefined;
  const to = comparison ? byNumber.get(comparison.selection.to) : undefined;
  return (
    <div className="space-y-6">
      <Card>
        <RevisionList revisions={revisions} selection={comparison?.selection} compareHref={compareHref} restore={restore} />
      </Card>
      {revisions.length >= 2 && <RevisionCompareForm revisions={revisions} selection={comparison?.selection} action={formAction} />}
      {comparison && from && to && <RevisionDiff from={from} to={to} plan={comparison.plan} />}
    </div>
  );
}
