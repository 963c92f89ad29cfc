/**
 * MFA factors and what each needs, from these public sources:
 * - https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html:
 *   MfaConfiguration ON/OPTIONAL needs a factor (SMS, TOTP or email); SmsMfaConfiguration carries the SMS
 *   configuration Cognito sends codes with; email MFA needs the Essentials tier or higher.
 * - https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-sms-email-message.html:
 *   email MFA sends its codes with Amazon SES, so the pool's email provider must be DEVELOPER.
 * - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool#email_mfa_configuration:
 *   email MFA "requires at least 2 account_recovery_setting entries"; the API reference says why
 *   (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AccountRecoverySettingType.html:
 *   "Email MFA is also disqualifying for account recovery with email").
 * - https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnConfigurationType.html:
 *   passkeys as MFA (FactorConfiguration MULTI_FACTOR_WITH_USER_VERIFICATION) need the Essentials tier or higher.
 * Messages use the editor's words (section > field), since they are shown at the field.
 */
import type { Diagnostic } from "../diagnostics";
import { error, warning } from "../diagnostics";
import type { PoolSpec } from "../pool-schema";
import { type Rule, type RuleContext, at } from "./rule";

/** True when the design turns SMS MFA on (its own switch; an SMS configuration alone does not). */
export function smsMfaOn(spec: PoolSpec): boolean {
  return spec.smsMfaConfiguration?.enabled === true;
}

function factorsRule(ctx: RuleContext): Diagnostic[] {
  const s = ctx.spec;
  const totp = s.softwareTokenMfaConfiguration?.enabled === true;
  const email = s.emailMfaConfiguration !== undefined;
  const out: Diagnostic[] = [];
  if ((s.mfaConfiguration === "ON" || s.mfaConfiguration === "OPTIONAL") && !totp && !smsMfaOn(s) && !email)
    out.push(
      error(
        at(ctx, "mfaConfiguration"),
        "mfa-needs-factor",
        `MFA ${s.mfaConfiguration} needs at least one MFA method: turn on Authenticator apps (TOTP), SMS messages or Email messages`,
      ),
    );
  if (s.mfaConfiguration === "OFF" && totp)
    out.push(
      warning(
        at(ctx, "softwareTokenMfaConfiguration", "enabled"),
        "mfa-factor-unused",
        "Authenticator apps (TOTP) is on but MFA is OFF, so users are never asked for it; set MFA to OPTIONAL or ON",
      ),
    );
  if (s.mfaConfiguration === "OFF" && smsMfaOn(s))
    out.push(
      warning(
        at(ctx, "smsMfaConfiguration", "enabled"),
        "mfa-factor-unused",
        "SMS messages is on but MFA is OFF, so users are never asked for an SMS code; set MFA to OPTIONAL or ON",
      ),
    );
  return out;
}

function smsRule(ctx: RuleContext): Diagnostic[] {
  if (!smsMfaOn(ctx.spec) || ctx.spec.smsConfiguration !== undefined) return [];
  return [
    error(
      at(ctx, "smsMfaConfiguration", "enabled"),
      "sms-mfa-needs-sms-configuration",
      "SMS MFA sends its codes through Amazon SNS: fill in Messages > SNS caller role ARN first, or turn SMS messages off",
    ),
  ];
}

function emailRule(ctx: RuleContext): Diagnostic[] {
  const s = ctx.spec;
  if (s.emailMfaConfiguration === undefined) return [];
  const path = at(ctx, "emailMfaConfiguration");
  const out: Diagnostic[] = [];
  if (s.userPoolTier === "LITE")
    out.push(error(path, "tier-feature", "Email MFA needs the Essentials or Plus feature plan, not Lite: change Advanced > Feature plan"));
  if (s.emailConfiguration?.emailSendingAccount !== "DEVELOPER")
    out.push(
      error(
        path,
        "email-mfa-needs-ses",
        "Email MFA sends its codes with Amazon SES: set Messages > Email provider to DEVELOPER with your SES identity, or turn Email messages off",
      ),
    );
  if ((s.accountRecoverySetting?.recoveryMechanisms.length ?? 0) < 2)
    out.push(
      error(
        path,
        "email-mfa-needs-two-recovery-methods",
        "Email MFA needs two recovery methods (users with email MFA cannot reset their password by email): add both verified email and verified phone number under Account recovery",
      ),
    );
  return out;
}

function passkeyRule(ctx: RuleContext): Diagnostic[] {
  const w = ctx.spec.webAuthnConfiguration;
  if (w?.factorConfiguration !== "MULTI_FACTOR_WITH_USER_VERIFICATION" || ctx.spec.userPoolTier !== "LITE") return [];
  return [
    error(
      at(ctx, "webAuthnConfiguration", "factorConfiguration"),
      "tier-feature",
      "Passkeys as MFA need the Essentials or Plus feature plan, not Lite: change Advanced > Feature plan",
    ),
  ];
}

export const mfaRule: Rule = (ctx) => [...factorsRule(ctx), ...smsRule(ctx), ...emailRule(ctx), ...passkeyRule(ctx)];
