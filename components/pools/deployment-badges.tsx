import { Badge, type BadgeTone } from "@/components/ui";
import type { DeploymentState, TargetDeployment } from "@/lib/server/deployments";

const TONE: Record<DeploymentState, BadgeTone> = { "not-applied": "neutral", applying: "info", failed: "bad", applied: "good" };

function label(d: TargetDeployment): string {
  switch (d.state) {
    case "not-applied":
      return `${d.target}: not applied`;
    case "applying":
      return `${d.target}: applying…`;
    case "failed":
      return `${d.target}: apply failed`;
    case "applied":
      return `${d.target}: revision ${d.appliedRevision ?? "?"} applied`;
  }
}

/** What is in AWS, per target: from the applies, never from the draft. */
export function DeploymentBadges({ deployments }: { deployments: readonly TargetDeployment[] }) {
  if (deployments.length === 0) {
    return (
      <Badge tone="neutral" className="whitespace-nowrap" data-testid="deployment">
        no target yet
      </Badge>
    );
  }
  return (
    <span className="inline-flex flex-wrap gap-1">
      {deployments.map((d) => (
        <Badge
          key={d.targetId}
          tone={TONE[d.state]}
          className="whitespace-nowrap"
          data-testid="deployment"
          title={d.state === "failed" ? `Failed at ${d.failure}${d.appliedRevision ? `; revision ${d.appliedRevision} was applied before` : ""}` : undefined}
        >
          {label(d)}
        </Badge>
      ))}
    </span>
  );
}
