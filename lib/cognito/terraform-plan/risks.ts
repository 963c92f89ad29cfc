import type { PoolDocument } from "../spec/document-schema";
import type { PlanReview, PolicyResult, PoolReview } from "./review-plan";

/**
 * What a Terraform plan review counts as risky, and which risks fail a pipeline. Kept apart from the review
 * itself (which loads the Terraform importer) so the studio's page can show the verdict without it.
 */

export type RiskKind = "users-deleted" | "security" | "policy" | "resources-destroyed" | "resources-recreated" | "findings";
export const RISK_KINDS: readonly RiskKind[] = ["users-deleted", "security", "policy", "resources-destroyed", "resources-recreated", "findings"];
/**
 * Each kind in words, one table for every place a person reads it (the CLI's headline and Markdown, the studio's
 * review page): `label` names a risk on its own (a badge), `phrase` lists it in a sentence. The codes stay what
 * `--fail-on` and the JSON say.
 */
export const RISK_WORDS: Readonly<Record<RiskKind, { label: string; phrase: string }>> = {
  "users-deleted": { label: "Users deleted", phrase: "users deleted" },
  security: { label: "Security change", phrase: "a security setting changed" },
  policy: { label: "Blocking policy", phrase: "a blocking team policy broken" },
  "resources-destroyed": { label: "Destroyed", phrase: "resources destroyed" },
  "resources-recreated": { label: "New ids", phrase: "resources recreated with new ids" },
  findings: { label: "Finding", phrase: "best-practice findings" },
};

/** Phrases joined as a person lists them: `a, b and c`. */
export function listRiskKinds(kinds: readonly RiskKind[], conjunction = "and"): string {
  const phrases = [...new Set(kinds)].map((k) => RISK_WORDS[k].phrase);
  if (phrases.length <= 1) return phrases[0] ?? "";
  return `${phrases.slice(0, -1).join(", ")} ${conjunction} ${phrases.at(-1)}`;
}

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

export function policyRisks(review: PoolReview): Risk[] {
  return review.policies.map((p) => ({ kind: p.blocking ? "policy" : "findings", address: review.address, message: `policy ${p.policyId}${p.path ? ` at ${p.path}` : ""}: ${p.message}` }));
}

/**
 * Guardrail policies applied to a finished review (the studio evaluates its workspace's compiled policies on the
 * server, after the review was read in the parse worker): each pool after apply is checked, its risks added.
 * `evaluate` gets the reviewed pool too, so the caller can check it for the target that holds its pool id.
 */
export function withPolicies(review: PlanReview, evaluate: (after: PoolDocument, pool: PoolReview) => PolicyResult[]): PlanReview {
  const pools = review.pools.map((pool) => ({ ...pool, policies: pool.after && !pool.address.startsWith("user_pool_id") ? evaluate(pool.after, pool) : [] }));
  return { ...review, pools, risks: [...review.risks, ...pools.flatMap(policyRisks)] };
}
