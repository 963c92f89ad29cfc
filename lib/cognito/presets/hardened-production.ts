import type { PoolPreset } from "./types";

/** A production pool that passes the AWS Config / Security Hub Cognito checks and every finding. */
export const hardenedProductionPreset: PoolPreset = {
  kind: "pool",
  name: "hardened-production",
  title: "Hardened production pool",
  summary:
    "Email sign-in, a strong password policy, TOTP MFA for everyone, enforced threat protection, deletion protection and email sent through your own Amazon SES identity.",
  labels: { env: "production" },
  values: {
    usernameAttributes: ["email"],
    usernameConfiguration: { caseSensitive: false },
    autoVerifiedAttributes: ["email"],
    userAttributeUpdateSettings: { attributesRequireVerificationBeforeUpdate: ["email"] },
    passwordPolicy: {
      minimumLength: 12,
      requireUppercase: true,
      requireLowercase: true,
      requireNumbers: true,
      requireSymbols: true,
      passwordHistorySize: 5,
      temporaryPasswordValidityDays: 3,
    },
    mfaConfiguration: "ON",
    softwareTokenMfaConfiguration: { enabled: true },
    accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }] },
    emailConfiguration: {
      emailSendingAccount: "DEVELOPER",
      sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/example.com",
      from: "Example <no-reply@example.com>",
    },
    userPoolTier: "PLUS",
    userPoolAddOns: { advancedSecurityMode: "ENFORCED", advancedSecurityAdditionalFlows: { customAuthMode: "ENFORCED" } },
    deletionProtection: "ACTIVE",
  },
  rationale: {
    "labels.env": "Marks the pool as production so the studio's findings hold it to production standards.",
    usernameAttributes: "Users sign in with their email address, so there is no separate username to forget or to guess.",
    "usernameConfiguration.caseSensitive":
      "Jane@Example.com and jane@example.com must be the same account, and this can only be chosen when the pool is created.",
    autoVerifiedAttributes: "Cognito sends a code to prove the user owns the address before it is trusted for sign-in and recovery.",
    "userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdate":
      "A changed email only takes effect once verified, so a hijacked session cannot silently move the account to an attacker's address.",
    "passwordPolicy.minimumLength": "Twelve characters puts guessing and cracking out of practical reach while staying typeable.",
    "passwordPolicy.requireUppercase": "Character-class rules meet the AWS Config password baseline (Security Hub Cognito.3).",
    "passwordPolicy.requireLowercase": "Character-class rules meet the AWS Config password baseline (Security Hub Cognito.3).",
    "passwordPolicy.requireNumbers": "Character-class rules meet the AWS Config password baseline (Security Hub Cognito.3).",
    "passwordPolicy.requireSymbols": "Character-class rules meet the AWS Config password baseline (Security Hub Cognito.3).",
    "passwordPolicy.passwordHistorySize": "Users cannot cycle back to any of their last five passwords after a forced reset.",
    "passwordPolicy.temporaryPasswordValidityDays": "Invitation passwords expire after three days instead of lingering in inboxes.",
    mfaConfiguration: "Every user needs a second factor, so a leaked password alone cannot open an account (Security Hub Cognito.5).",
    "softwareTokenMfaConfiguration.enabled": "Authenticator-app codes (TOTP) are free, work offline and cannot be SIM-swapped like SMS.",
    "accountRecoverySetting.recoveryMechanisms": "Password resets go only to a verified email address, never to an unverified or SMS channel.",
    "emailConfiguration.emailSendingAccount": "Amazon SES sends at your own quota instead of Cognito's 50 emails a day per account.",
    "emailConfiguration.sourceArn": "The verified SES identity the mail is sent from; replace the example with your own.",
    "emailConfiguration.from": "A recognisable sender name and address make verification mails less likely to be ignored or filtered.",
    userPoolTier: "Threat protection is part of the Plus tier.",
    "userPoolAddOns.advancedSecurityMode":
      "Threat protection blocks sign-ins with compromised passwords and risky sign-ins instead of only logging them (Security Hub Cognito.1).",
    "userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode":
      "Custom (Lambda-driven) sign-in flows get the same enforcement as standard ones (Security Hub Cognito.4).",
    deletionProtection: "Deleting the pool, and with it every user, first needs a deliberate change of this setting (Security Hub Cognito.6).",
  },
  placeholders: ["emailConfiguration.sourceArn", "emailConfiguration.from"],
};
