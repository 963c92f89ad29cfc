/**
 * MFA needs a factor. Source: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html ("MfaConfiguration ON/OPTIONAL needs at least one
 * factor configured (SMS config, TOTP or email MFA)"; email MFA "your user pool must be in the Essentials
 * tier or higher"); OpenMCF's spec.proto CEL rule `software_token_mfa_requires_mfa`.
 */
import { error, warning } from "../diagnostics";
import { type Rule, at } from "./rule";

export const mfaRule: Rule = (ctx) => {
  const s = ctx.spec;
  const out = [];
  const totp = s.softwareTokenMfaConfiguration?.enabled === true;
  const sms = s.smsConfiguration !== undefined;
  const email = s.emailMfaConfiguration !== undefined;
  if ((s.mfaConfiguration === "ON" || s.mfaConfiguration === "OPTIONAL") && !totp && !sms && !email)
    out.push(
      error(
        at(ctx, "mfaConfiguration"),
        "mfa-needs-factor",
        `mfaConfiguration ${s.mfaConfiguration} needs at least one factor: softwareTokenMfaConfiguration.enabled: true (TOTP), smsConfiguration (SMS) or emailMfaConfiguration (email)`,
      ),
    );
  if (s.mfaConfiguration === "OFF" && totp)
    out.push(
      warning(
        at(ctx, "softwareTokenMfaConfiguration", "enabled"),
        "mfa-factor-unused",
        "TOTP is enabled but mfaConfiguration is OFF, so users are never asked for it; set mfaConfiguration to OPTIONAL or ON",
      ),
    );
  if (email && s.userPoolTier === "LITE")
    out.push(
      error(at(ctx, "emailMfaConfiguration"), "tier-feature", "email MFA needs the ESSENTIALS or PLUS tier, not LITE"),
    );
  return out;
};
