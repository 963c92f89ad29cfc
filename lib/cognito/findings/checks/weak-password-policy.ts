/**
 * Password policy below the baseline of AWS Config `cognito-user-pool-password-policy-check` (Security Hub
 * Cognito.3), whose default parameters are: minLength 8, requireUppercase, requireLowercase, requireNumbers,
 * requireSymbols all true, temporaryPasswordValidity 7 days.
 *
 * An unset `passwordPolicy` leaves AWS's default policy in place (8 characters, all four character classes,
 * 7-day temporary passwords), which meets the baseline. Inside a set policy, an unset boolean is false and an
 * unset or 0 `temporaryPasswordValidityDays` is 7 (`Policies.PasswordPolicy.*` defaults,
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_PasswordPolicyType.html).
 */
import { at } from "../../spec/rules/rule";
import type { FindingCheck, FindingHit } from "../types";
import { UNLESS_NON_PRODUCTION } from "../types";

export const PASSWORD_BASELINE = { minimumLength: 8, temporaryPasswordValidityDays: 7 } as const;
const CLASSES = [
  ["requireUppercase", "an uppercase letter"],
  ["requireLowercase", "a lowercase letter"],
  ["requireNumbers", "a number"],
  ["requireSymbols", "a symbol"],
] as const;

export const weakPasswordPolicyCheck: FindingCheck = {
  code: "finding/weak-password-policy",
  title: "Weak password policy",
  environments: UNLESS_NON_PRODUCTION,
  compliance: { configRule: "cognito-user-pool-password-policy-check", securityHubControl: "Cognito.3" },
  run: (ctx) => {
    const policy = ctx.spec.passwordPolicy;
    if (policy === undefined) return [];
    const out: FindingHit[] = [];
    if ((policy.minimumLength ?? PASSWORD_BASELINE.minimumLength) < PASSWORD_BASELINE.minimumLength)
      out.push({
        path: at(ctx, "passwordPolicy", "minimumLength"),
        message: `passwords of ${policy.minimumLength} characters are easy to guess; require at least ${PASSWORD_BASELINE.minimumLength} (12 or more is better)`,
      });
    for (const [field, what] of CLASSES)
      if (policy[field] !== true)
        out.push({
          path: at(ctx, "passwordPolicy", field),
          message: `${field} is ${policy[field] === undefined ? "unset, which means false once a password policy is given" : "false"}; require ${what} so passwords meet the common complexity baseline`,
        });
    const temporary = policy.temporaryPasswordValidityDays || PASSWORD_BASELINE.temporaryPasswordValidityDays;
    if (temporary > PASSWORD_BASELINE.temporaryPasswordValidityDays)
      out.push({
        path: at(ctx, "passwordPolicy", "temporaryPasswordValidityDays"),
        message: `temporary passwords stay valid for ${temporary} days; keep it at ${PASSWORD_BASELINE.temporaryPasswordValidityDays} days or fewer so unused invitations expire`,
      });
    return out;
  },
};
