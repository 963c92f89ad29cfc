import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { auditFilterSchema } from "@/lib/contracts/review-inputs";
import { listAuditEvents, listAuditFacets } from "@/lib/server/audit";
import { requireAccount } from "@/lib/server/page-auth";

export const dynamic = "force-dynamic";

function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** The workspace's audit log, newest first, filtered by pool, person and action. Read-only. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const account = await requireAccount();
  const raw = await searchParams;
  const parsed = auditFilterSchema.safeParse({
    poolId: typeof raw.poolId === "string" && raw.poolId ? raw.poolId : undefined,
    actor: typeof raw.actor === "string" && raw.actor ? raw.actor : undefined,
    action: typeof raw.action === "string" && raw.action ? raw.action : undefined,
  });
  const filter = parsed.success ? parsed.data : {};
  const [events, facets] = await Promise.all([listAuditEvents(account.workspaceId, filter), listAuditFacets(account.workspaceId)]);
  return (
    <section aria-labelledby="audit-heading" className="space-y-4">
      <h1 id="audit-heading" className="text-2xl font-semibold">
        Audit log
      </h1>
      <p className="text-sm text-slate-700">Every change made in the studio. Entries cannot be edited or deleted.</p>
      <form method="get" className="grid items-end gap-3 sm:grid-cols-4" aria-label="Filter the audit log">
        <Field id="audit-pool" label="Pool">
          {(aria) => (
            <Select {...aria} name="poolId" defaultValue={filter.poolId ?? ""}>
              <option value="">All pools</option>
              {facets.pools.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="audit-actor" label="Person">
          {(aria) => (
            <Select {...aria} name="actor" defaultValue={filter.actor ?? ""}>
              <option value="">Everyone</option>
              {facets.actors.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="audit-action" label="Action">
          {(aria) => (
            <Select {...aria} name="action" defaultValue={filter.action ?? ""}>
              <option value="">All actions</option>
              {facets.actions.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      {events.length === 0 ? (
        <p className="text-slate-700">No events match.</p>
      ) : (
        <DataTable label="Audit events" columns={["When", "Who", "Action", "Pool", "What"]}>
          {events.map((e) => {
            const steps = Array.isArray(e.details.steps) ? (e.details.steps as unknown[]).map(String) : [];
            return (
              <tr key={e.id} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2 whitespace-nowrap">{formatDate(e.at)}</td>
                <td className="px-3 py-2">{e.actor}</td>
                <td className="px-3 py-2 font-mono">{e.action}</td>
                <td className="px-3 py-2">{e.poolName ?? "—"}</td>
                <td className="px-3 py-2">
                  {e.before && <span className="text-slate-600">{e.before} → </span>}
                  {e.after}
                  {steps.length > 0 && (
                    <ul className="mt-1 font-mono text-xs text-slate-700">
                      {steps.map((s) => (
                        <li key={s}>{s}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}
