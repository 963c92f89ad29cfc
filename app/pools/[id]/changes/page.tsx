import Link from "next/link";
import { PromoteButton } from "@/components/review/promote-button";
import { SubmitChangeForm } from "@/components/review/submit-change-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { listChangeRequests, STATUS_LABEL } from "@/lib/server/change-request-views";
import { requirePool } from "@/lib/server/page-auth";
import { hasRole } from "@/lib/contracts/roles";
import { nextTarget } from "@/lib/cognito/environments";
import { listTargets } from "@/lib/server/targets";

export const dynamic = "force-dynamic";

function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export default async function ChangeRequestsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { account, pool } = await requirePool(id);
  const [requests, targets] = await Promise.all([listChangeRequests(account.workspaceId, pool.id), listTargets(account.workspaceId, pool.id)]);
  // Applied requests that can go on to the next target and were not promoted there yet (the server checks again).
  const promotedTo = new Set(requests.filter((r) => r.promotedFromId && r.status !== "closed").map((r) => `${r.promotedFromId} ${r.targetId}`));
  const promoteTo = (r: (typeof requests)[number]) => {
    if (r.status !== "applied" || !hasRole(account.role, "editor")) return undefined;
    const next = nextTarget(targets, r.targetId);
    return next && !promotedTo.has(`${r.id} ${next.id}`) ? next : undefined;
  };
  return (
    <section aria-labelledby="changes-heading" className="space-y-4">
      <h1 id="changes-heading" className="text-xl font-semibold">
        Change requests
      </h1>
      {requests.length === 0 ? (
        <p className="text-slate-700">No change requests yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label="Change requests">
          {requests.map((r) => ({ r, next: promoteTo(r) })).map(({ r, next }) => (
            <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm">
              <Link href={`/pools/${pool.id}/changes/${r.id}`} className="font-medium text-indigo-800 hover:underline">
                {r.title}
              </Link>
              <Badge tone={r.status === "applied" ? "good" : r.status === "failed" ? "bad" : r.status === "approved" ? "info" : "neutral"}>{STATUS_LABEL[r.status]}</Badge>
              <span>→ {r.targetName}</span>
              {r.promotedFromId && <span className="text-slate-600">(promoted)</span>}
              <span className="text-slate-600 sm:ml-auto">
                revision {r.revisionNumber}, {r.author}, {formatDate(r.createdAt)}
              </span>
              {next && <PromoteButton changeRequestId={r.id} poolId={pool.id} targetName={next.name} />}
            </li>
          ))}
        </ul>
      )}
      {hasRole(account.role, "editor") && (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Submit the draft for review</h2>
          {targets.length === 0 ? (
            <p className="text-sm text-slate-700">
              Add a target first (<Link href={`/pools/${pool.id}/targets`} className="text-indigo-800 underline">Targets</Link>).
            </p>
          ) : !pool.draft.valid ? (
            <p className="text-sm text-slate-700">The draft has errors; fix them in the editor before submitting it.</p>
          ) : (
            <SubmitChangeForm poolId={pool.id} draftVersion={pool.draft.version} targets={targets.map((t) => ({ id: t.id, name: t.name, requiredApprovals: t.requiredApprovals }))} />
          )}
        </Card>
      )}
    </section>
  );
}
