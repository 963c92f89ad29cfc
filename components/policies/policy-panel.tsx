import { Badge, Card } from "@/components/ui";
import type { PolicyCheck, PolicyOverrideView } from "@/lib/server/policy-gate";
import { OverrideForm } from "./override-form";

function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The workspace's policies on a change request: what fails, whether apply is blocked, and the overrides given. */
export function PolicyPanel({ check, overrides, changeRequestId, planVersion, canOverride }: { check: PolicyCheck | null; overrides: PolicyOverrideView[]; changeRequestId: string; planVersion: number; canOverride: boolean }) {
  const violations = check?.violations ?? [];
  if (violations.length === 0 && overrides.length === 0) return null;
  const blocked = check !== null && check.blocking.length > 0 && !check.override;
  return (
    <Card className="space-y-2" data-testid="cr-policies">
      <h2 className="flex flex-wrap items-center gap-2 text-lg font-semibold">
        Policies
        {blocked ? <Badge tone="bad">Apply blocked</Badge> : check?.override ? <Badge tone="info">Overridden</Badge> : null}
      </h2>
      {violations.length > 0 && (
        <ul className="space-y-1 text-sm">
          {violations.map((v) => (
            <li key={`${v.policyId} ${v.path}`} className={v.blocking ? "text-red-800" : "text-amber-900"}>
              <span className="font-medium">{v.blocking ? "block" : "warn"}</span> policy/{v.policyId} at <code className="[overflow-wrap:anywhere]">{v.path}</code>: {v.message}
            </li>
          ))}
        </ul>
      )}
      {blocked && !canOverride && <p className="text-sm text-slate-700">Change the design, or ask an admin to override the blocking policies with a written reason.</p>}
      {blocked && canOverride && <OverrideForm changeRequestId={changeRequestId} planVersion={planVersion} policyKeys={check.blocking} />}
      {overrides.length > 0 && (
        <ul className="space-y-1 text-sm" aria-label="Policy overrides">
          {overrides.map((o) => (
            <li key={`${o.planVersion} ${o.overriddenAt.toISOString()}`} data-testid="cr-policy-override">
              Overridden by {o.overriddenBy} for plan version {o.planVersion} ({o.policyKeys.join(", ")}), {formatDate(o.overriddenAt)}: “{o.reason}”
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
