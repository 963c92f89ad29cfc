/**
 * Threat protection not enforced for custom authentication (Lambda-driven CUSTOM_AUTH flows). AWS Config
 * `cognito-userpool-cust-auth-threat-full-check` ("NON_COMPLIANT if threat protection for custom authentication is
 * not set to full-function enforcement mode"), Security Hub Cognito.4. Reported only when some client allows
 * ALLOW_CUSTOM_AUTH, which includes clients with unset explicitAuthFlows (AWS default: ALLOW_REFRESH_TOKEN_AUTH,
 * ALLOW_USER_SRP_AUTH, ALLOW_CUSTOM_AUTH; https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html).
 */
import { at } from "../../spec/rules/rule";
import type { FindingCheck } from "../types";
import { UNLESS_NON_PRODUCTION } from "../types";

export const threatProtectionCustomAuthCheck: FindingCheck = {
  code: "finding/threat-protection-custom-auth",
  title: "Threat protection not enforced for custom authentication",
  environments: UNLESS_NON_PRODUCTION,
  compliance: { configRule: "cognito-userpool-cust-auth-threat-full-check", securityHubControl: "Cognito.4" },
  run: (ctx) => {
    const custom = ctx.clients.find(({ client }) => {
      const flows = client.explicitAuthFlows;
      return flows === undefined || flows.includes("ALLOW_CUSTOM_AUTH") || flows.includes("CUSTOM_AUTH_FLOW_ONLY");
    });
    if (!custom) return [];
    if (ctx.spec.userPoolAddOns?.advancedSecurityAdditionalFlows?.customAuthMode === "ENFORCED") return [];
    return [
      {
        path: ctx.spec.userPoolAddOns ? at(ctx, "userPoolAddOns", "advancedSecurityAdditionalFlows") : at(ctx, "userPoolAddOns"),
        message: `client "${custom.client.name}" allows custom authentication${custom.client.explicitAuthFlows === undefined ? " (explicitAuthFlows unset includes ALLOW_CUSTOM_AUTH)" : ""}, but threat protection does not enforce it; set userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode to ENFORCED, or list explicitAuthFlows without ALLOW_CUSTOM_AUTH`,
      },
    ];
  },
};
