/**
 * Findings that depend on where a design goes, not only on the design: a target whose name says production
 * (prod, production, prd, live; the promotion order's reading of names, environments/promotion-order.ts) is held
 * to production's standard even when the design carries no environment label.
 *
 * - Threat protection not in Full function mode: AWS Config `cognito-user-pool-advanced-security-enabled`, Security
 *   Hub Cognito.1 ("fails if the user pool has threat protection deactivated or if the enforcement mode isn't set
 *   to full function", https://docs.aws.amazon.com/securityhub/latest/userguide/cognito-controls.html). Audit only
 *   logs risky sign-ins and blocks none (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html).
 * Messages use the console's words (Full function, Audit only, Advanced > Threat protection).
 */
import { promotionRank } from "../environments/promotion-order";
import type { PoolDocument } from "../spec/document-schema";
import type { Finding } from "./types";

/** The rank promotion-order.ts gives production names. */
const PRODUCTION_RANK = 4;

export function isProductionTarget(name: string): boolean {
  return promotionRank(name) === PRODUCTION_RANK;
}

const MODE_WORDS: Record<string, string> = { OFF: "Off", AUDIT: "Audit only" };

/** Warnings for `document` applied to the target named `targetName`; none for a target that does not look like production. */
export function findTargetFindings(document: Pick<PoolDocument, "spec">, targetName: string): Finding[] {
  if (!isProductionTarget(targetName)) return [];
  const mode = document.spec.userPoolAddOns?.advancedSecurityMode;
  if (mode === "ENFORCED") return [];
  const now = mode === undefined ? "Off (not set, AWS's default)" : (MODE_WORDS[mode] ?? mode);
  const effect = mode === "AUDIT" ? "Cognito logs risky sign-ins and compromised passwords but blocks none of them" : "nothing detects compromised passwords or account-takeover sign-ins";
  return [
    {
      severity: "warning",
      code: "finding/threat-protection-not-full-function-on-production-target",
      path: "spec.userPoolAddOns.advancedSecurityMode",
      message: `Target ${targetName} looks like production, but threat protection is ${now}: ${effect}. Choose Full function under Advanced > Threat protection (it needs the Plus feature plan).`,
      complianceRule: "cognito-user-pool-advanced-security-enabled",
      securityHubControl: "Cognito.1",
    },
  ];
}
