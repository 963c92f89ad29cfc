/**
 * API values in the words of the Amazon Cognito console. The editor shows the label and keeps the API value in
 * the option's title (on hover) and in the field's help, so people who know the API still recognise it.
 *
 * A value that means different things in different fields (`OFF`, `ENABLED`, `AUDIT`) is labelled per field;
 * the others once. Sources, one per family:
 * - Authentication flows and first factors:
 *   https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html
 * - App client OAuth grants: https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html
 * - MFA: https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
 * - Sign-in attributes, recovery: https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html,
 *   https://docs.aws.amazon.com/cognito/latest/developerguide/how-to-recover-a-user-account.html
 * - Email: https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-email.html
 * - Threat protection: https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html
 * - Feature plans: https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-sign-in-feature-plans.html
 * - Pre token generation versions: https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
 */
import { fieldPattern } from "./field-help";
import { fieldValues } from "./schema-shape";

/** Values labelled the same wherever they appear. */
export const ENUM_LABELS: Readonly<Record<string, string>> = {
  // Choice-based sign-in: first factors
  PASSWORD: "Password",
  EMAIL_OTP: "Email one-time password",
  SMS_OTP: "SMS one-time password",
  WEB_AUTHN: "Passkey",
  // Explicit authentication flows
  ALLOW_USER_AUTH: "Choice-based sign-in",
  ALLOW_USER_SRP_AUTH: "Sign in with secure remote password (SRP)",
  ALLOW_USER_PASSWORD_AUTH: "Sign in with username and password",
  ALLOW_ADMIN_USER_PASSWORD_AUTH: "Sign in with server-side administrative credentials",
  ALLOW_CUSTOM_AUTH: "Sign in with custom authentication flows from Lambda triggers",
  ALLOW_REFRESH_TOKEN_AUTH: "Get new tokens with a refresh token",
  ADMIN_NO_SRP_AUTH: "Server-side administrative sign-in (legacy name)",
  USER_PASSWORD_AUTH: "Username and password (legacy name)",
  CUSTOM_AUTH_FLOW_ONLY: "Custom authentication only (legacy name)",
  // OAuth grant types
  code: "Authorization code grant",
  implicit: "Implicit grant",
  client_credentials: "Client credentials",
  // Attributes
  email: "Email",
  phone_number: "Phone number",
  preferred_username: "Preferred username",
  // Recovery
  verified_email: "Email (verified)",
  verified_phone_number: "SMS (verified phone number)",
  admin_only: "Administrator only (no self-service recovery)",
  // Email sending
  COGNITO_DEFAULT: "Send email with Cognito",
  DEVELOPER: "Send email with Amazon SES",
  CONFIRM_WITH_CODE: "Code",
  CONFIRM_WITH_LINK: "Link",
  // Feature plans
  LITE: "Lite",
  ESSENTIALS: "Essentials",
  PLUS: "Plus",
  // Deletion protection
  ACTIVE: "Active",
  INACTIVE: "Inactive",
  // Token units
  seconds: "Seconds",
  minutes: "Minutes",
  hours: "Hours",
  days: "Days",
  // Passkeys
  required: "Required",
  preferred: "Preferred",
  // Identity providers
  COGNITO: "Cognito user pool directory",
  // Pre token generation
  V1_0: "Basic features (V1_0)",
  V2_0: "Basic features and access token customisation (V2_0)",
  V3_0: "Basic features and access token customisation, also for machine identities (V3_0)",
};

/** Adaptive authentication's responses, as the console names them. */
const TAKEOVER_ACTIONS = { NO_ACTION: "Allow", MFA_IF_CONFIGURED: "Optional MFA", MFA_REQUIRED: "Require MFA", BLOCK: "Block" } as const;

/** Values whose label depends on the field (keys are field patterns, `spec.clients.*.X`). */
export const FIELD_ENUM_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "spec.mfaConfiguration": { OFF: "No MFA", OPTIONAL: "Optional MFA", ON: "Require MFA" },
  "spec.webAuthnConfiguration.factorConfiguration": { SINGLE_FACTOR: "Sign-in only (single factor)", MULTI_FACTOR_WITH_USER_VERIFICATION: "Counts as MFA when the passkey verifies the user" },
  "spec.userPoolAddOns.advancedSecurityMode": { OFF: "Off", AUDIT: "Audit only", ENFORCED: "Full function" },
  "spec.userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode": { AUDIT: "Audit only", ENFORCED: "Full function" },
  "spec.clients.*.preventUserExistenceErrors": { ENABLED: "Enabled (recommended)", LEGACY: "Legacy (reveals unknown users)" },
  "spec.clients.*.refreshTokenRotation.feature": { ENABLED: "Enabled", DISABLED: "Disabled" },
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.actions.lowAction.eventAction": TAKEOVER_ACTIONS,
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.actions.mediumAction.eventAction": TAKEOVER_ACTIONS,
  "spec.riskConfiguration.accountTakeoverRiskConfiguration.actions.highAction.eventAction": TAKEOVER_ACTIONS,
  "spec.riskConfiguration.compromisedCredentialsRiskConfiguration.actions.eventAction": { BLOCK: "Block sign-in", NO_ACTION: "Allow sign-in" },
  "spec.riskConfiguration.compromisedCredentialsRiskConfiguration.eventFilter": { SIGN_IN: "Sign-in", SIGN_UP: "Sign-up", PASSWORD_CHANGE: "Password change" },
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.actions.lowAction.eventAction": TAKEOVER_ACTIONS,
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.actions.mediumAction.eventAction": TAKEOVER_ACTIONS,
  "spec.riskConfiguration.clients.*.accountTakeoverRiskConfiguration.actions.highAction.eventAction": TAKEOVER_ACTIONS,
  "spec.riskConfiguration.clients.*.compromisedCredentialsRiskConfiguration.actions.eventAction": { BLOCK: "Block sign-in", NO_ACTION: "Allow sign-in" },
  "spec.riskConfiguration.clients.*.compromisedCredentialsRiskConfiguration.eventFilter": { SIGN_IN: "Sign-in", SIGN_UP: "Sign-up", PASSWORD_CHANGE: "Password change" },
  "spec.logDeliveryConfiguration.logConfigurations.*.eventSource": { userNotification: "User notification logs", userAuthEvents: "User authentication logs" },
  "spec.logDeliveryConfiguration.logConfigurations.*.logLevel": { ERROR: "Error", INFO: "Info" },
};

/** The console's label of an API value in a field; the value itself when neither table knows it. */
export function labelForEnum(fieldName: string, value: string): string {
  const pattern = fieldPattern(fieldName).replace(/^spec\.clientDefaults\./u, "spec.clients.*.");
  return FIELD_ENUM_LABELS[pattern]?.[value] ?? ENUM_LABELS[value] ?? value;
}

/** True when the schema of the field (`spec.clients.0.explicitAuthFlows`) takes values from a fixed list, or is a list of them. */
function isEnumField(fieldName: string): boolean {
  return fieldValues(fieldName).length > 0;
}

/**
 * The console's words for a value shown outside the editor (a plan's before and after): strings and lists of
 * strings of a field whose values come from a fixed list. Undefined when no word differs from the value, or the
 * field is free text (a group named `email` stays `email`).
 */
export function describeEnumValue(fieldName: string, value: unknown): string | undefined {
  const values = Array.isArray(value) ? value : [value];
  if (values.length === 0 || !values.every((v): v is string => typeof v === "string") || !isEnumField(fieldName)) return undefined;
  const labels = values.map((v) => labelForEnum(fieldName, v));
  return labels.some((l, i) => l !== values[i]) ? labels.join(", ") : undefined;
}

/** Words for the buttons and notes of a setting that may be left unmanaged. */
export const UNSET_WORDS = {
  /** A list that the studio does not manage: AWS keeps or applies its default. */
  notSet: "Not set: AWS default applies.",
  /** An explicitly empty list. */
  none: "Set to none.",
  /** The button that stops managing the setting. */
  reset: "Use the AWS default",
} as const;
