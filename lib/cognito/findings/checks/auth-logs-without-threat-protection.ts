/**
 * User authentication logs exported while threat protection is off: those logs are threat protection's record of
 * user activity ("To send info-level logs about threat-protection user activity … set to userAuthEvents",
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LogConfigurationType.html), so
 * with it off the destination stays empty and a reviewer trusting those logs sees nothing. An unset
 * `userPoolAddOns` is OFF (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html).
 */
import { at } from "../../spec/rules/rule";
import type { FindingCheck } from "../types";
import { EVERYWHERE } from "../types";

export const authLogsWithoutThreatProtectionCheck: FindingCheck = {
  code: "finding/auth-logs-without-threat-protection",
  title: "User authentication logs without threat protection",
  environments: EVERYWHERE,
  run: (ctx) => {
    const entries = ctx.spec.logDeliveryConfiguration?.logConfigurations ?? [];
    const index = entries.findIndex((e) => e.eventSource === "userAuthEvents");
    const mode = ctx.spec.userPoolAddOns?.advancedSecurityMode ?? "OFF";
    if (index < 0 || mode !== "OFF") return [];
    return [
      {
        path: at(ctx, "logDeliveryConfiguration", "logConfigurations", index, "eventSource"),
        message: "User authentication logs come from threat protection, which is Off: nothing will be exported. Choose Audit only or Full function under Advanced > Threat protection, or stop exporting these logs",
      },
    ];
  },
};
