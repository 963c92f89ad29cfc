import { Badge, type BadgeTone } from "@/components/ui/badge";
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
        const { status, label, title, age } = describeDeployment(d, now);
        const words = age ? label.slice(0, -age.length).trimEnd() : label;
        // On a phone the words wrap (a drift status is long); "(checked 5 min ago)" stays in one piece.
        return (
          <Badge key={d.targetId} tone={TONE[status]} className="flex-wrap gap-x-1 sm:whitespace-nowrap" data-testid="deployment" data-status={status} title={title}>
            <span>{words}</span>
            {/* The space is for the text (a screen reader, a copy); the gap spaces it on screen. */}
            {age && <span className="whitespace-nowrap"> {age}</span>}
          </Badge>
        );
      })}
    </span>
  );
}
