import type { PoolPreset } from "./types";

/** A permissive pool for development and tests: quick to sign up to, cheap, and easy to tear down. */
export const developmentPreset: PoolPreset = {
  kind: "pool",
  name: "development",
  title: "Development pool",
  summary:
    "Email sign-in with self sign-up, a short password rule, no MFA and no deletion protection, so developers and tests can create and throw away users quickly.",
  labels: { env: "development" },
  values: {
    usernameAttributes: ["email"],
    usernameConfiguration: { caseSensitive: false },
    autoVerifiedAttributes: ["email"],
    passwordPolicy: {
      minimumLength: 8,
      requireUppercase: false,
      requireLowercase: false,
      requireNumbers: false,
      requireSymbols: false,
      temporaryPasswordValidityDays: 7,
    },
    mfaConfiguration: "OFF",
    adminCreateUserConfig: { allowAdminCreateUserOnly: false },
    accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }] },
    emailConfiguration: { emailSendingAccount: "COGNITO_DEFAULT" },
    userPoolTier: "ESSENTIALS",
    deletionProtection: "INACTIVE",
  },
  rationale: {
    "labels.env": "Marks the pool as development so production-only findings (MFA, deletion protection, SES) do not apply.",
    usernameAttributes: "Same email sign-in as production, so what developers test matches what users get.",
    "usernameConfiguration.caseSensitive": "Same case-insensitive sign-in as production; it cannot be changed after creation.",
    autoVerifiedAttributes: "Sign-up still proves the address, which exercises the real verification flow in tests.",
    "passwordPolicy.minimumLength": "Eight characters, the AWS minimum baseline, keeps test passwords short but not trivial.",
    "passwordPolicy.requireUppercase": "No character-class rules, so test fixtures and seed users stay simple.",
    "passwordPolicy.requireLowercase": "No character-class rules, so test fixtures and seed users stay simple.",
    "passwordPolicy.requireNumbers": "No character-class rules, so test fixtures and seed users stay simple.",
    "passwordPolicy.requireSymbols": "No character-class rules, so test fixtures and seed users stay simple.",
    "passwordPolicy.temporaryPasswordValidityDays": "A week gives invited testers time to sign in for the first time.",
    mfaConfiguration: "No second factor, so automated tests and new developers can sign in with a password alone.",
    "adminCreateUserConfig.allowAdminCreateUserOnly": "Developers and tests can sign themselves up without an administrator.",
    "accountRecoverySetting.recoveryMechanisms": "Password reset by verified email works the same as in production.",
    "emailConfiguration.emailSendingAccount": "Cognito's own sender needs no SES setup; its 50 emails a day are plenty for development.",
    userPoolTier: "Essentials is the AWS default and has the same features as most production pools, within the free usage tier.",
    deletionProtection: "Development pools are recreated often, so scripts may delete them without an extra step.",
  },
  placeholders: [],
};
