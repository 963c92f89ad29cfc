import { Badge, type BadgeTone } from "@/components/ui";
import { type DeploymentStatus, describeDeployment, type TargetDeployment } from "@/lib/server/deployments";

const TONE: Record<DeploymentStatus, BadgeTone> = { "not-applied": "neutral", applying: "info", failed: "bad", applied: "good", drifted: "warn", "in-sync": "good" };

/** What is in AWS, per target: from the last drift check after the last apply, else from the applies; never from the draft. */
export function DeploymentBadges({ deployments, now = new Date() }: { deployments: readonly TargetDeployment[]; now?: Date }) {
  if (deployments.length === 0) {
    return (
      <Badge tone="neutral" className="whitespace-nowrap" data-testid="deployment">
        no target yet
      </Badge>
    );
  }
  return (
    <span className="inline-flex flex-wrap gap-1">
      {deployments.map((d) => {
        const { status, label, title } = describeDeployment(d, now);
        return (
          <Badge key={d.targetId} tone={TONE[status]} className="whitespace-nowrap" data-testid="deployment" data-status={status} title={title}>
            {label}
          </Badge>
        );
      })}
    </span>
  );
}
