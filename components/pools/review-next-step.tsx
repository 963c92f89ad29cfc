import Link from "next/link";
import { SubmitChangeForm } from "@/components/review/submit-change-form";
import { Card, buttonClass } from "@/components/ui";

export interface ReviewNextStepProps {
  poolId: string;
  draftVersion: number;
  draftValid: boolean;
  /** The plan has something to do. */
  hasChanges: boolean;
  canEdit: boolean;
  canAddTarget: boolean;
  /** In promotion order: the first is where a change goes first. */
  targets: { id: string; name: string; requiredApprovals: number }[];
}

/**
 * What to do after reading the plan, so the review page is not a dead end: fix the draft, add a target,
 * or submit the draft to the first target for review (the form is right here).
 */
export function ReviewNextStep({ poolId, draftVersion, draftValid, hasChanges, canEdit, canAddTarget, targets }: ReviewNextStepProps) {
  const first = targets[0];
  return (
    <Card>
      <section aria-labelledby="next-step-heading" className="space-y-3" data-testid="review-next-step">
        <h2 id="next-step-heading" className="text-lg font-semibold">
          {!draftValid ? "Next: fix the draft" : !first ? "Next: add a target first" : `Next: submit to ${first.name} for review`}
        </h2>
        {!draftValid ? (
          <p className="text-sm text-slate-700">
            The draft has errors, so it cannot be submitted.{" "}
            <Link href={`/pools/${poolId}`} className="text-indigo-800 underline">
              Back to the editor
            </Link>
          </p>
        ) : !first ? (
          <>
            <p className="text-sm text-slate-700">
              A target is where the pool is created: an AWS Region (and an endpoint or a role when needed). Add one, then submit the draft to it; a reviewer
              approves the plan and applies it.
            </p>
            {canAddTarget ? (
              <Link href={`/pools/${poolId}/targets`} className={buttonClass("primary")}>
                Add a target
              </Link>
            ) : (
              <p className="text-sm text-slate-600">Only admins add targets: ask one to add a target for this pool.</p>
            )}
          </>
        ) : !canEdit ? (
          <p className="text-sm text-slate-600">Editors submit the draft for review; you are a viewer.</p>
        ) : (
          <>
            <p className="text-sm text-slate-700">
              {hasChanges ? "" : "The plan above has no change against the last revision; submitting still plans it against what is live on the target. "}
              Submitting saves the draft as a revision and plans it against {first.name}; it is applied once approved
              {first.requiredApprovals === 0 ? " (this target needs no approval)" : ` (${first.requiredApprovals} approval${first.requiredApprovals === 1 ? "" : "s"} needed)`}.
            </p>
            <SubmitChangeForm poolId={poolId} draftVersion={draftVersion} targets={targets} submitLabel={`Submit to ${first.name} for review`} />
          </>
        )}
      </section>
    </Card>
  );
}
