/**
 * The native spec of one user pool: Smithy `CreateUserPoolRequest` / `UpdateUserPoolRequest` plus
 * `SetUserPoolMfaConfigRequest`, with the pool's clients, resource servers and domain
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html; members in Cognito's own words, camelCase).
 *
 * Design rule: every optional field left unset means "not managed / AWS default". Parsing never fills
 * defaults, so the plan engine can tell "unset" from "set to the default value".
 * The pool name is `metadata.name` of the {@link PoolDocument}.
 */
import { z } from "zod";
import { appClientSchema, appClientSettingsSchema } from "./client-schema";
import { managedLoginBrandingSchema, uiCustomizationSchema } from "./branding-schema";
import { domainSchema } from "./domain-schema";
import { groupSchema } from "./group-schema";
import { identityProviderSchema } from "./identity-provider-schema";
import { termsSchema } from "./terms-schema";
import { lambdaConfigSchema } from "./lambda-config-schema";
import { logDeliveryConfigurationSchema } from "./log-delivery-schema";
import {
  adminCreateUserConfigSchema,
  emailConfigurationSchema,
  emailMfaConfigurationSchema,
  smsConfigurationSchema,
  verificationMessageTemplateSchema,
} from "./messaging-schema";
import { regionSchema, smsCodeMessageSchema, tagsSchema } from "./primitives";
import { resourceServerSchema } from "./resource-server-schema";
import { riskConfigurationSchema } from "./risk-configuration-schema";
import { schemaAttributeSchema } from "./schema-attribute-schema";

export const VERIFIED_ATTRIBUTES = ["phone_number", "email"] as const;
export const USERNAME_ATTRIBUTES = ["phone_number", "email"] as const;
export const ALIAS_ATTRIBUTES = ["phone_number", "email", "preferred_username"] as const;
export const AUTH_FACTORS = ["PASSWORD", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN"] as const;
export const RECOVERY_OPTION_NAMES = ["verified_email", "verified_phone_number", "admin_only"] as const;

/** `PasswordPolicyType`. */
export const passwordPolicySchema = z.strictObject({
  /** `PasswordPolicyMinLengthType`: 6–99. */
  minimumLength: z.int().min(6).max(99).optional(),
  requireUppercase: z.boolean().optional(),
  requireLowercase: z.boolean().optional(),
  requireNumbers: z.boolean().optional(),
  requireSymbols: z.boolean().optional(),
  /** `PasswordHistorySizeType`: 0–24 (Essentials tier or higher). */
  passwordHistorySize: z.int().min(0).max(24).optional(),
  /** `TemporaryPasswordValidityDaysType`: 0–365; AWS treats 0 as its default of 7. */
  temporaryPasswordValidityDays: z.int().min(0).max(365).optional(),
});

/** `SignInPolicyType`: 1–4 first factors. */
export const signInPolicySchema = z.strictObject({
  allowedFirstAuthFactors: z.array(z.enum(AUTH_FACTORS)).min(1).max(4),
});

/** `RecoveryOptionType`; priorities must be unique (rules/account-recovery.ts). */
export const recoveryMechanismSchema = z.strictObject({
  name: z.enum(RECOVERY_OPTION_NAMES),
  /** `PriorityType`: 1–2. */
  priority: z.int().min(1).max(2),
});

export const accountRecoverySettingSchema = z.strictObject({
  recoveryMechanisms: z.array(recoveryMechanismSchema).min(1).max(2),
});

/** `UserPoolAddOnsType`: threat protection (Plus tier). */
export const userPoolAddOnsSchema = z.strictObject({
  advancedSecurityMode: z.enum(["OFF", "AUDIT", "ENFORCED"]),
  advancedSecurityAdditionalFlows: z
    .strictObject({ customAuthMode: z.enum(["AUDIT", "ENFORCED"]).optional() })
    .optional(),
});

/** `DeviceConfigurationType`: device tracking. Unset = devices are not remembered. */
export const deviceConfigurationSchema = z.strictObject({
  challengeRequiredOnNewDevice: z.boolean().optional(),
  deviceOnlyRememberedOnUserPrompt: z.boolean().optional(),
});

/** `UsernameConfigurationType`; create-only. AWS default when unset: case-sensitive. */
export const usernameConfigurationSchema = z.strictObject({
  caseSensitive: z.boolean(),
});

/** `UserAttributeUpdateSettingsType`. */
export const userAttributeUpdateSettingsSchema = z.strictObject({
  attributesRequireVerificationBeforeUpdate: z.array(z.enum(VERIFIED_ATTRIBUTES)),
});

/** `SoftwareTokenMfaConfigType` (TOTP). */
export const softwareTokenMfaConfigurationSchema = z.strictObject({
  enabled: z.boolean(),
});

/**
 * SMS MFA as its own switch: `SetUserPoolMfaConfigRequest.SmsMfaConfiguration` sent (on) or left out (off).
 * The message (`smsAuthenticationMessage`) and the SNS settings (`smsConfiguration`) are pool fields; SMS MFA
 * on needs the SMS configuration (rules/mfa.ts). Unset: not managed (apply keeps the live state).
 */
export const smsMfaConfigurationSchema = z.strictObject({
  enabled: z.boolean(),
});

/** `WebAuthnFactorConfigurationType`: passkeys as a single factor, or as MFA when they verify the user. */
export const WEB_AUTHN_FACTOR_CONFIGURATIONS = ["SINGLE_FACTOR", "MULTI_FACTOR_WITH_USER_VERIFICATION"] as const;

/** `WebAuthnConfigurationType` (passkeys). */
export const webAuthnConfigurationSchema = z.strictObject({
  /** `RelyingPartyIdType`: 1–127 characters. */
  relyingPartyId: z.string().min(1).max(127).optional(),
  userVerification: z.enum(["required", "preferred"]).optional(),
  /**
   * `FactorConfiguration` (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnConfigurationType.html):
   * MULTI_FACTOR_WITH_USER_VERIFICATION lets a passkey with user verification satisfy MFA (Essentials tier or
   * higher); AWS's default is SINGLE_FACTOR.
   */
  factorConfiguration: z.enum(WEB_AUTHN_FACTOR_CONFIGURATIONS).optional(),
});

export const poolSpecSchema = z.strictObject({
  /** Unset: the design has no Region of its own; plan and apply take the target's (or the CLI's --region). */
  region: regionSchema.optional(),
  /** Create-only; exclusive with `aliasAttributes`. */
  usernameAttributes: z.array(z.enum(USERNAME_ATTRIBUTES)).optional(),
  /** Create-only; exclusive with `usernameAttributes`. */
  aliasAttributes: z.array(z.enum(ALIAS_ATTRIBUTES)).optional(),
  usernameConfiguration: usernameConfigurationSchema.optional(),
  autoVerifiedAttributes: z.array(z.enum(VERIFIED_ATTRIBUTES)).optional(),
  userAttributeUpdateSettings: userAttributeUpdateSettingsSchema.optional(),
  passwordPolicy: passwordPolicySchema.optional(),
  signInPolicy: signInPolicySchema.optional(),
  mfaConfiguration: z.enum(["OFF", "ON", "OPTIONAL"]).optional(),
  softwareTokenMfaConfiguration: softwareTokenMfaConfigurationSchema.optional(),
  smsMfaConfiguration: smsMfaConfigurationSchema.optional(),
  emailMfaConfiguration: emailMfaConfigurationSchema.optional(),
  webAuthnConfiguration: webAuthnConfigurationSchema.optional(),
  /** `SmsVerificationMessageType`: the SMS MFA / SMS OTP message, must contain {####}. */
  smsAuthenticationMessage: smsCodeMessageSchema.optional(),
  smsConfiguration: smsConfigurationSchema.optional(),
  emailConfiguration: emailConfigurationSchema.optional(),
  verificationMessageTemplate: verificationMessageTemplateSchema.optional(),
  adminCreateUserConfig: adminCreateUserConfigSchema.optional(),
  deviceConfiguration: deviceConfigurationSchema.optional(),
  userPoolAddOns: userPoolAddOnsSchema.optional(),
  accountRecoverySetting: accountRecoverySettingSchema.optional(),
  lambdaConfig: lambdaConfigSchema.optional(),
  /** `Schema`: 1–50 attributes (standard ones to configure, or custom ones to create). Add-only. */
  schemaAttributes: z.array(schemaAttributeSchema).min(1).max(50).optional(),
  userPoolTags: tagsSchema.optional(),
  /** `UserPoolTierType`; AWS default ESSENTIALS. */
  userPoolTier: z.enum(["LITE", "ESSENTIALS", "PLUS"]).optional(),
  deletionProtection: z.enum(["ACTIVE", "INACTIVE"]).optional(),
  /** Settings every client inherits unless it sets its own (the mineiros `default_client_*` inputs). */
  clientDefaults: appClientSettingsSchema.optional(),
  /** Unset = clients not managed by this document; [] = the pool has no clients. */
  clients: z.array(appClientSchema).optional(),
  /** Unset = not managed; at most 25 by default (https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html "Resource servers per user pool"). */
  resourceServers: z.array(resourceServerSchema).optional(),
  /** The pool's domain: a Cognito prefix domain, or a custom domain when it is the only one. */
  domain: domainSchema.optional(),
  /**
   * A custom domain beside the prefix domain in `domain`: a pool can have one of each
   * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolType.html, `Domain` and `CustomDomain`).
   */
  customDomain: domainSchema.optional(),
  /** Unset = groups not managed here; [] = the pool has no groups. Matched by name. */
  groups: z.array(groupSchema).optional(),
  /**
   * Unset = identity providers not managed here; [] = none. Matched by `providerName`; at most 300 by default
   * (https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html "Identity providers per user pool").
   */
  identityProviders: z.array(identityProviderSchema).optional(),
  /** Threat protection settings (SetRiskConfiguration), the pool's and per app client. Unset = not managed. */
  riskConfiguration: riskConfigurationSchema.optional(),
  /** Log delivery (SetLogDeliveryConfiguration). Unset = not managed. */
  logDeliveryConfiguration: logDeliveryConfigurationSchema.optional(),
  /**
   * Terms documents of the app clients (terms-schema.ts). Unset = not managed here; [] = none. Matched by
   * client and name.
   */
  terms: z.array(termsSchema).optional(),
  /**
   * Managed login styles, one per app client (named by the client's `name`). Unset = not managed; [] = none.
   * At most 20 per pool (https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html).
   */
  managedLoginBranding: z.array(managedLoginBrandingSchema).max(20).optional(),
  /** Classic hosted UI CSS and logo, per client or `ALL`. Unset = not managed; [] = none. */
  uiCustomizations: z.array(uiCustomizationSchema).optional(),
});

export type PoolSpec = z.infer<typeof poolSpecSchema>;
export type MfaConfiguration = NonNullable<PoolSpec["mfaConfiguration"]>;
