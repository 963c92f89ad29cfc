import { DiagnosticPath } from "@/components/plan-view/plan-view";
import type { Diagnostic } from "@/lib/cognito/spec/diagnostics";

/** Shown instead of a plan/export when the draft has errors. */
export function DraftProblems({ diagnostics, what }: { diagnostics: Diagnostic[]; what: string }) {
  const errors = diagnostics.filter((d) => d.severity === "error");
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900">
      <p className="font-medium">The draft has {errors.length} error(s); fix them in the editor to see the {what}.</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {errors.slice(0, 20).map((d, i) => (
          <li key={i} className="wrap-anywhere">
            <DiagnosticPath path={d.path} />: {d.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
