/**
 * Features gated by the pool's feature plan. Source: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html ("threat protection UserPoolAddOns
 * (your user pool must be on the Plus tier [M])"; tier-gated features fail with FeatureUnavailableInTierException);
 * [M PasswordPolicyType.PasswordHistorySize] and [M SignInPolicyType] (choice-based sign-in) need Essentials or
 * higher. An unset tier means "not managed" (the AWS default is ESSENTIALS), so threat protection then warns.
 */
import type { Diagnostic } from "../diagnostics";
import { error, warning } from "../diagnostics";
import { type Rule, at } from "./rule";

export const tierFeaturesRule: Rule = (ctx) => {
  const s = ctx.spec;
  const out: Diagnostic[] = [];
  if (s.userPoolAddOns && s.userPoolAddOns.advancedSecurityMode !== "OFF") {
    if (s.userPoolTier === undefined)
      out.push(warning(at(ctx, "userPoolAddOns", "advancedSecurityMode"), "tier-feature", "threat protection needs the PLUS tier; set userPoolTier: PLUS (the AWS default is ESSENTIALS)"));
    else if (s.userPoolTier !== "PLUS")
      out.push(error(at(ctx, "userPoolAddOns", "advancedSecurityMode"), "tier-feature", `threat protection needs userPoolTier PLUS, not ${s.userPoolTier}`));
  }
  if (s.userPoolTier === "LITE") {
    if (s.passwordPolicy?.passwordHistorySize !== undefined && s.passwordPolicy.passwordHistorySize > 0)
      out.push(error(at(ctx, "passwordPolicy", "passwordHistorySize"), "tier-feature", "password history needs the ESSENTIALS or PLUS tier, not LITE"));
    const factors = s.signInPolicy?.allowedFirstAuthFactors ?? [];
    if (factors.some((f) => f !== "PASSWORD"))
      out.push(error(at(ctx, "signInPolicy", "allowedFirstAuthFactors"), "tier-feature", "passwordless first factors (EMAIL_OTP, SMS_OTP, WEB_AUTHN) need the ESSENTIALS or PLUS tier, not LITE"));
  }
  const factors = s.signInPolicy?.allowedFirstAuthFactors ?? [];
  if (factors.length > 0 && !factors.includes("PASSWORD"))
    // Not stated in the bundled model; the console never lets PASSWORD be removed, so warn rather than fail.
    out.push(warning(at(ctx, "signInPolicy", "allowedFirstAuthFactors"), "password-factor-missing", "allowedFirstAuthFactors should include PASSWORD; the console always keeps password sign-in available"));
  return out;
};
