/**
 * App clients: Smithy `CreateUserPoolClientRequest` / `UpdateUserPoolClientRequest`
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html). Cross-field rules (OAuth, redirect URIs, auth flow
 * families, token validity in units) live in `rules/`.
 */
import { z } from "zod";
import { FRIENDLY_NAME_PATTERN, FRIENDLY_NAME_RULE, arnSchema, longStringSchema, redirectUrlSchema, scopeSchema } from "./primitives";

/** `ExplicitAuthFlowsType`. The first three are legacy names that may not be mixed with `ALLOW_*`. */
export const EXPLICIT_AUTH_FLOWS = [
  "ADMIN_NO_SRP_AUTH",
  "CUSTOM_AUTH_FLOW_ONLY",
  "USER_PASSWORD_AUTH",
  "ALLOW_ADMIN_USER_PASSWORD_AUTH",
  "ALLOW_CUSTOM_AUTH",
  "ALLOW_USER_PASSWORD_AUTH",
  "ALLOW_USER_SRP_AUTH",
  "ALLOW_REFRESH_TOKEN_AUTH",
  "ALLOW_USER_AUTH",
] as const;
export const LEGACY_AUTH_FLOWS = ["ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH"] as const;

/** `OAuthFlowType`. */
export const OAUTH_FLOWS = ["code", "implicit", "client_credentials"] as const;

/** `TimeUnitsType`. */
export const TIME_UNITS = ["seconds", "minutes", "hours", "days"] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

/** `TokenValidityUnitsType`; unset units mean hours (access, ID) and days (refresh). */
export const tokenValidityUnitsSchema = z.strictObject({
  accessToken: z.enum(TIME_UNITS).optional(),
  idToken: z.enum(TIME_UNITS).optional(),
  refreshToken: z.enum(TIME_UNITS).optional(),
});

/** `AnalyticsConfigurationType` (Amazon Pinpoint). */
export const analyticsConfigurationSchema = z.strictObject({
  /** `HexStringType`. */
  applicationId: z.string().regex(/^[0-9a-fA-F]+$/u, { error: "must be a hexadecimal Pinpoint project ID" }).optional(),
  applicationArn: arnSchema.optional(),
  roleArn: arnSchema.optional(),
  externalId: longStringSchema.optional(),
  userDataShared: z.boolean().optional(),
});

/** `RefreshTokenRotationType`. */
export const refreshTokenRotationSchema = z.strictObject({
  feature: z.enum(["ENABLED", "DISABLED"]),
  /** `RetryGracePeriodSecondsType`: 0–60. */
  retryGracePeriodSeconds: z.int().min(0).max(60).optional(),
});

/** `ClientPermissionType`: an attribute name, len 1–2048. */
const clientPermissionSchema = z.string().min(1).max(2048);

/**
 * Every app client setting except the name. Used as-is for `clientDefaults` (the mineiros module's
 * `default_client_*` inputs): a client's own value wins over the default.
 */
export const appClientSettingsSchema = z.strictObject({
  /** Create-only (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolClient.html): changing it replaces the client. */
  generateSecret: z.boolean().optional(),
  /** `RefreshTokenValidityType` 0–315360000 in `tokenValidityUnits.refreshToken` (default days). */
  refreshTokenValidity: z.int().min(0).max(315360000).optional(),
  /** `AccessTokenValidityType` 1–86400 in `tokenValidityUnits.accessToken` (default hours). */
  accessTokenValidity: z.int().min(1).max(86400).optional(),
  /** `IdTokenValidityType` 1–86400 in `tokenValidityUnits.idToken` (default hours). */
  idTokenValidity: z.int().min(1).max(86400).optional(),
  tokenValidityUnits: tokenValidityUnitsSchema.optional(),
  readAttributes: z.array(clientPermissionSchema).optional(),
  writeAttributes: z.array(clientPermissionSchema).optional(),
  explicitAuthFlows: z.array(z.enum(EXPLICIT_AUTH_FLOWS)).optional(),
  /** `ProviderNameType`: len 1–32, e.g. COGNITO, Google, or a SAML/OIDC provider name. */
  supportedIdentityProviders: z
    .array(
      z
        .string()
        .min(1)
        .max(32)
        .regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}\p{Z}]+$/u, { error: "must be printable characters" }),
    )
    .optional(),
  /** Max 100 (`CallbackURLs` items, https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html "Callback URLs per app client"). */
  callbackUrls: z.array(redirectUrlSchema).max(100).optional(),
  logoutUrls: z.array(redirectUrlSchema).max(100).optional(),
  defaultRedirectUri: redirectUrlSchema.optional(),
  allowedOAuthFlows: z.array(z.enum(OAUTH_FLOWS)).max(3).optional(),
  /** Standard scopes (openid, email, phone, profile, aws.cognito.signin.user.admin) or `identifier/scope`. Max 50. */
  allowedOAuthScopes: z.array(scopeSchema).max(50).optional(),
  /** Must be true before OAuth flows, scopes and URLs can be set (rules/oauth.ts). */
  allowedOAuthFlowsUserPoolClient: z.boolean().optional(),
  analyticsConfiguration: analyticsConfigurationSchema.optional(),
  preventUserExistenceErrors: z.enum(["LEGACY", "ENABLED"]).optional(),
  enableTokenRevocation: z.boolean().optional(),
  /** Only for clients with a secret (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html). */
  enablePropagateAdditionalUserContextData: z.boolean().optional(),
  /** `AuthSessionValidityType`: minutes, 3–15. */
  authSessionValidity: z.int().min(3).max(15).optional(),
  refreshTokenRotation: refreshTokenRotationSchema.optional(),
});

/** One app client. `name` is the client's identity in the spec (unique per pool; rules/client-names.ts). */
export const appClientSchema = z.strictObject({
  /** `ClientNameType`: 1–128 characters. */
  name: z
    .string()
    .min(1)
    .max(128)
    .regex(FRIENDLY_NAME_PATTERN, { error: `may contain only ${FRIENDLY_NAME_RULE}` }),
  ...appClientSettingsSchema.shape,
});

export type AppClientSettings = z.infer<typeof appClientSettingsSchema>;
export type AppClientSpec = z.infer<typeof appClientSchema>;
export type TokenValidityUnits = z.infer<typeof tokenValidityUnitsSchema>;
