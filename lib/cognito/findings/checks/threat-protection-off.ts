/**
 * Threat protection (advanced security) not enforced for standard authentication. AWS Config
 * `cognito-user-pool-advanced-security-enabled`, Security Hub Cognito.1 ("fails if the user pool has threat
 * protection deactivated or if the enforcement mode isn't set to full function", default parameter ENFORCED).
 * Threat protection needs the PLUS tier. An unset `userPoolAddOns` is OFF (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html).
 */
import { at } from "../../spec/rules/rule";
import type { FindingCheck } from "../types";
import { UNLESS_NON_PRODUCTION } from "../types";

export const threatProtectionOffCheck: FindingCheck = {
  code: "finding/threat-protection-off",
  title: "Threat protection not enforced",
  environments: UNLESS_NON_PRODUCTION,
  compliance: { configRule: "cognito-user-pool-advanced-security-enabled", securityHubControl: "Cognito.1" },
  run: (ctx) => {
    const mode = ctx.spec.userPoolAddOns?.advancedSecurityMode;
    if (mode === "ENFORCED") return [];
    const now =
      mode === "AUDIT"
        ? "threat protection only audits (advancedSecurityMode AUDIT): risky sign-ins and compromised passwords are logged but not blocked"
        : `threat protection is off (${mode === undefined ? "userPoolAddOns unset" : "advancedSecurityMode OFF"}): nothing detects compromised passwords or account-takeover sign-ins`;
    return [
      {
        path: ctx.spec.userPoolAddOns ? at(ctx, "userPoolAddOns", "advancedSecurityMode") : at(ctx, "userPoolAddOns"),
        message: `${now}; set userPoolAddOns.advancedSecurityMode to ENFORCED (needs userPoolTier PLUS)`,
      },
    ];
  },
};
