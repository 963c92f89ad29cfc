import Link from "next/link";
import { Badge, DataTable } from "@/components/ui";
import type { ApplyHistoryEntry } from "@/lib/server/history";
import { formatRevisionTime } from "./revisions";

/** One apply as the history page lists it (read by lib/server/history.ts). */
export type ApplySummary = Pick<ApplyHistoryEntry, "id" | "changeRequestId" | "title" | "target" | "revisionNumber" | "appliedBy" | "status" | "error" | "startedAt">;

const OUTCOME: Record<string, { label: string; tone: "good" | "bad" | "info" }> = {
  succeeded: { label: "applied", tone: "good" },
  failed: { label: "failed", tone: "bad" },
  running: { label: "applying", tone: "info" },
};

/** Who applied which revision to which target, and how it ended: the other half of a pool's history. */
export function ApplyList({ poolId, applies }: { poolId: string; applies: readonly ApplySummary[] }) {
  if (applies.length === 0) return <p className="text-sm text-slate-600">Nothing applied yet: an approved change request is applied from its page.</p>;
  return (
    <DataTable label="Applies, newest first" columns={["When", "Target", "Revision", "Who", "Outcome", "Change request"]}>
      {applies.map((a) => {
        const outcome = OUTCOME[a.status] ?? { label: a.status, tone: "info" as const };
        return (
          <tr key={a.id} className="border-t border-slate-100 align-top">
            <td className="px-3 py-2 whitespace-nowrap">
              <time dateTime={a.startedAt.toISOString()}>{formatRevisionTime(a.startedAt)}</time>
            </td>
            <td className="px-3 py-2 font-medium">{a.target}</td>
            <td className="px-3 py-2">#{a.revisionNumber}</td>
            <td className="px-3 py-2 wrap-break-word">{a.appliedBy}</td>
            <td className="px-3 py-2">
              <Badge tone={outcome.tone}>{outcome.label}</Badge>
              {a.error && <span className="mt-1 block text-xs text-red-800">{a.error}</span>}
            </td>
            <td className="px-3 py-2">
              <Link href={`/pools/${poolId}/changes/${a.changeRequestId}`} className="text-indigo-800 underline">
                {a.title}
              </Link>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
