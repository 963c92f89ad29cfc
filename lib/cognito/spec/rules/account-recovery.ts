/**
 * Account recovery. Sources: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AccountRecoverySettingType.html (`RecoveryMechanisms` 1–2 items, priority 1–2); priorities and
 * names must be unique (each priority ranks one option); [M AccountRecoverySettingType] "SMS doesn't qualify for a
 * valid password recovery mechanism if the user also has SMS multi-factor authentication (MFA) activated. Email MFA
 * is also disqualifying for account recovery with email." (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AccountRecoverySettingType.html). `admin_only` means only
 * administrators reset passwords, so it cannot be combined with a self-service option.
 */
import type { Diagnostic } from "../diagnostics";
import { error, warning } from "../diagnostics";
import { smsMfaOn } from "./mfa";
import { type Rule, at, duplicateIndexes } from "./rule";

export const accountRecoveryRule: Rule = (ctx) => {
  const mechanisms = ctx.spec.accountRecoverySetting?.recoveryMechanisms ?? [];
  const out: Diagnostic[] = [];
  const path = (i: number, f: string) => at(ctx, "accountRecoverySetting", "recoveryMechanisms", i, f);
  for (const i of duplicateIndexes(mechanisms, (m) => m.priority))
    out.push(error(path(i, "priority"), "duplicate-recovery-priority", `priority ${mechanisms[i].priority} is used twice; give each recovery mechanism its own priority (1 or 2)`));
  for (const i of duplicateIndexes(mechanisms, (m) => m.name))
    out.push(error(path(i, "name"), "duplicate-recovery-mechanism", `"${mechanisms[i].name}" is listed twice`));
  const adminOnly = mechanisms.findIndex((m) => m.name === "admin_only");
  if (adminOnly >= 0 && mechanisms.length > 1)
    out.push(error(path(adminOnly, "name"), "admin-only-exclusive", "admin_only must be the only recovery mechanism; it cannot be combined with verified_email or verified_phone_number"));
  const mfaOn = ctx.spec.mfaConfiguration === "ON" || ctx.spec.mfaConfiguration === "OPTIONAL";
  // Only when the other self-service method is missing: with both listed, users fall back to the other one.
  const listed = (name: string) => mechanisms.some((m) => m.name === name);
  mechanisms.forEach((m, i) => {
    if (mfaOn && m.name === "verified_phone_number" && smsMfaOn(ctx.spec) && !listed("verified_email"))
      out.push(warning(path(i, "name"), "recovery-disqualified-by-mfa", "users with SMS MFA cannot recover their password by SMS; offer verified_email as well"));
    if (mfaOn && m.name === "verified_email" && ctx.spec.emailMfaConfiguration && !listed("verified_phone_number"))
      out.push(warning(path(i, "name"), "recovery-disqualified-by-mfa", "users with email MFA cannot recover their password by email; offer verified_phone_number as well"));
  });
  return out;
};
