/**
 * What a Terraform plan review counts as risky, and which risks fail a pipeline. Kept apart from the review
 * itself (which loads the Terraform importer) so the studio's page can show the verdict without it.
 */

export type RiskKind = "users-deleted" | "security" | "policy" | "resources-destroyed" | "resources-recreated" | "findings";
export const RISK_KINDS: readonly RiskKind[] = ["users-deleted", "security", "policy", "resources-destroyed", "resources-recreated", "findings"];
/** What fails a pipeline unless `--fail-on` says otherwise: lost users, weakened security, a blocking policy. */
export const DEFAULT_FAIL_ON: readonly RiskKind[] = ["users-deleted", "security", "policy"];

export interface Risk {
  kind: RiskKind;
  address: string;
  message: string;
}

/** The risks that fail a pipeline under `failOn`. */
export function blockingRisks(review: { risks: readonly Risk[] }, failOn: readonly RiskKind[] = DEFAULT_FAIL_ON): Risk[] {
  return review.risks.filter((r) => failOn.includes(r.kind));
}
