/**
 * MFA off. AWS Config `cognito-user-pool-mfa-enabled` ("Checks if Amazon Cognito user pools configured with a
 * PASSWORD-only sign-in policy have Multi-Factor Authentication (MFA) enabled"), Security Hub Cognito.5.
 * Like the Config rule, pools whose sign-in policy also allows passwordless first factors are not flagged.
 * Unset `mfaConfiguration` is the AWS default OFF (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html).
 */
import { at } from "../../spec/rules/rule";
import type { FindingCheck } from "../types";
import { UNLESS_NON_PRODUCTION } from "../types";

export const mfaOffCheck: FindingCheck = {
  code: "finding/mfa-off",
  title: "MFA off",
  environments: UNLESS_NON_PRODUCTION,
  compliance: { configRule: "cognito-user-pool-mfa-enabled", securityHubControl: "Cognito.5" },
  run: (ctx) => {
    const mfa = ctx.spec.mfaConfiguration ?? "OFF";
    if (mfa !== "OFF") return [];
    const factors = ctx.spec.signInPolicy?.allowedFirstAuthFactors ?? ["PASSWORD"];
    if (factors.some((f) => f !== "PASSWORD")) return [];
    return [
      {
        path: at(ctx, "mfaConfiguration"),
        message: `${ctx.spec.mfaConfiguration === undefined ? "mfaConfiguration is unset, so AWS's default OFF applies" : "mfaConfiguration is OFF"}: a stolen password is enough to sign in; set it to ON (or OPTIONAL) with TOTP (softwareTokenMfaConfiguration.enabled: true)`,
      },
    ];
  },
};
