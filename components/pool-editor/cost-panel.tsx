"use client";
/**
 * The design's monthly cost on each feature plan, for a usage typed here (never saved in the design), and
 * which of its settings need which plan. It renders lib/cognito/cost's estimate of the form's current values.
 */
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { Badge, Field, Input } from "@/components/ui";
import { costUsageSchema, estimateCost, type CostEstimate, FEATURE_PLAN_LABEL, readUsageNumber } from "@/lib/cognito/cost";
import { fromFormValues, type PoolFormValues } from "./form-values";

const FIELDS = [
  { key: "mau", label: "Monthly active users", id: "cost-mau" },
  { key: "m2mRequests", label: "M2M token requests a month", id: "cost-m2m" },
  { key: "sms", label: "SMS messages a month", id: "cost-sms" },
  { key: "smsPrice", label: "Price of one SMS (USD)", id: "cost-sms-price" },
] as const;

const usd = (x: number) => `$${x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function estimateOf(values: PoolFormValues, usage: unknown): { estimate?: CostEstimate; errors: Record<string, string> } {
  const parsed = costUsageSchema.safeParse(usage);
  if (!parsed.success) return { errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])) };
  try {
    return { estimate: estimateCost(fromFormValues(values), parsed.data), errors: {} };
  } catch {
    // A half-typed design can lack the shape the estimate reads; the editor's own errors say what to fix.
    return { errors: {} };
  }
}

export function CostPanel() {
  const values = useWatch() as PoolFormValues;
  const [typed, setTyped] = useState<Record<string, string>>({ mau: "10000", m2mRequests: "", sms: "", smsPrice: "" });
  const usage = Object.fromEntries(Object.entries(typed).flatMap(([k, v]) => [[k, readUsageNumber(v)] as const].filter(([, n]) => n !== undefined)));
  const { estimate, errors } = estimateOf(values, { mau: 0, ...usage });
  return (
    <section aria-labelledby="cost-heading" className="space-y-4 rounded-lg border border-slate-200 p-4" data-testid="cost-panel">
      <div>
        <h3 id="cost-heading" className="text-base font-semibold text-slate-900">
          Cost by feature plan
        </h3>
        <p className="text-sm text-slate-600">An estimate for the usage you expect; the usage is not saved in the design.</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {FIELDS.map((f) => (
          <Field key={f.key} id={f.id} label={f.label} error={errors[f.key]}>
            {(props) => <Input {...props} inputMode={f.key === "smsPrice" ? "decimal" : "numeric"} value={typed[f.key]} onChange={(e) => setTyped({ ...typed, [f.key]: e.target.value })} />}
          </Field>
        ))}
      </div>
      {estimate && (
        <>
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="pb-1 text-left text-xs text-slate-600">
                Monthly cost on each feature plan{estimate.plans.some((p) => !p.confirmed) ? ": prices not confirmed on the pricing page (see below)" : ""}
              </caption>
              <thead>
                <tr className="text-left text-slate-600">
                  <th scope="col" className="py-1 pr-3 font-medium">Plan</th>
                  <th scope="col" className="py-1 pr-3 text-right font-medium">A month</th>
                  <th scope="col" className="py-1 font-medium">This design</th>
                </tr>
              </thead>
              <tbody>
                {estimate.plans.map((p) => (
                  <tr key={p.plan} className="border-t border-slate-200 align-top" data-testid={`cost-${p.plan}`}>
                    <th scope="row" className="py-1 pr-3 text-left font-medium">
                      {p.label}
                      {p.plan === estimate.currentPlan && <Badge tone="info" className="ml-2">{estimate.currentPlanIsDefault ? "current (AWS default)" : "current"}</Badge>}
                    </th>
                    <td className="py-1 pr-3 text-right font-mono">{usd(p.total)}</td>
                    <td className="py-1">{p.fits ? "runs on it" : `needs ${FEATURE_PLAN_LABEL[p.missing.some((m) => m.minimumPlan === "PLUS") ? "PLUS" : "ESSENTIALS"]} for ${p.missing.map((m) => m.feature).join(", ")}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul className="list-disc space-y-1 pl-5 text-xs text-slate-600">
            {estimate.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
