import { Badge, type BadgeTone } from "@/components/ui";

export interface StepRow {
  resource: string;
  action: string;
  outcome: "ok" | "failed" | "skipped";
  error?: { code: string; message: string };
}

const TONE: Record<StepRow["outcome"], BadgeTone> = { ok: "good", failed: "bad", skipped: "neutral" };

/** The steps of one apply run: resource, action, outcome and the AWS error of a failed step. */
export function ApplySteps({ steps }: { steps: StepRow[] }) {
  if (steps.length === 0) return <p className="text-sm text-slate-700">No steps ran.</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead>
        <tr className="text-slate-600">
          <th scope="col" className="py-1 pr-3 font-medium">Resource</th>
          <th scope="col" className="py-1 pr-3 font-medium">Action</th>
          <th scope="col" className="py-1 font-medium">Outcome</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((s) => (
          <tr key={`${s.resource} ${s.action}`} className="border-t border-slate-100 align-top">
            <td className="py-1 pr-3 font-mono break-all">{s.resource}</td>
            <td className="py-1 pr-3">{s.action}</td>
            <td className="py-1">
              <Badge tone={TONE[s.outcome]}>{s.outcome}</Badge>
              {s.error && (
                <span className="ml-2 text-red-800">
                  {s.error.code}: {s.error.message}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
