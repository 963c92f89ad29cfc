import { Badge } from "@/components/ui";
import type { ApplyRunSnapshot } from "@/lib/contracts/apply-run";
import { ApplySteps } from "./apply-steps";

/** An apply run while it runs (from the stream): its status, the steps finished so far and the AWS calls made. */
export function ApplyRunProgress({ snapshot }: { snapshot: ApplyRunSnapshot }) {
  return (
    <section aria-label="Apply progress" className="space-y-2" data-testid="apply-progress">
      <p className="text-sm" role="status">
        <Badge tone={snapshot.status === "succeeded" ? "good" : snapshot.status === "running" ? "info" : "bad"}>{snapshot.status}</Badge>{" "}
        {snapshot.steps.length} step{snapshot.steps.length === 1 ? "" : "s"} finished, {snapshot.progress.length} AWS call{snapshot.progress.length === 1 ? "" : "s"} made
      </p>
      {snapshot.error && <p className="text-sm text-red-800">{snapshot.error}</p>}
      {snapshot.steps.length > 0 && <ApplySteps steps={snapshot.steps} />}
      {snapshot.progress.length > 0 && (
        <ol className="space-y-0.5 font-mono text-xs" aria-label="AWS calls so far">
          {snapshot.progress.map((p, index) => (
            <li key={index}>
              {p.at.slice(11, 19)} {p.outcome} {p.call} {p.subject}
              {p.error ? ` (${p.error.code}: ${p.error.message})` : ""}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
