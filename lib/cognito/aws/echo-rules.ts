/**
 * How AWS echoes a setting: the one table of rules that keep a live read from reporting differences that
 * are only AWS's way of answering (drift without noise). normalise.ts applies them; nothing else may
 * special-case an echoed value.
 *
 * Each row says what AWS returns, where the spec leaves the field out or says it differently, why the two
 * mean the same, and where that comes from. Sources: [M] the Smithy model, vendored in
 * test/fixtures/reference/ (the Cognito API reference, https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/,
 * renders the same member docs); TF the Terraform AWS provider's docs
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool and its siblings);
 * *derived* marks a conclusion, *observed* what moto 5.2 answers where AWS documents nothing.
 *
 * Kinds:
 * - `default`: the value Describe returns for a field never set. Pruned when the desired spec leaves the
 *   field unset; filled in when the spec sets it and the API leaves it out.
 * - `empty-means-all`: an empty list in the answer means "everything", not "nothing".
 * - `filled-constraint`: AWS fills in constraints (string lengths) the create call did not send.
 * - `unit-equivalent`: the same duration in other units (token validity).
 * - `unordered`: AWS keeps no order; compared as a set.
 * - `computed`: keys AWS adds to a map of its own accord (the endpoints of an identity provider); removed
 *   where the spec does not set that key.
 */

import type { IdentityProviderType } from "../spec/identity-provider-schema";

export type EchoScope = "pool" | "client" | "resourceServer" | "domain" | "schemaAttribute" | "group" | "identityProvider";
export type EchoKind = "default" | "empty-means-all" | "filled-constraint" | "unit-equivalent" | "unordered" | "computed";

export interface EchoRule {
  scope: EchoScope;
  /** Dotted path inside the resource's spec (`passwordPolicy.minimumLength`); `*` = every attribute. */
  path: string;
  kind: EchoKind;
  /** What AWS answers (for `default` and `filled-constraint`). */
  value?: unknown;
  /** Why the echoed value and the spec mean the same. */
  reason: string;
  /** Where the rule comes from. */
  source: string;
}

/** Default message texts as moto 5.2 reports them for a pool created without templates (moto DEFAULT_USER_POOL_CONFIG). */
const DEFAULT_VERIFICATION_MESSAGE = "Your verification code is {####}. ";
const DEFAULT_INVITE_MESSAGE = "Your username is {username} and temporary password is {####}. ";
const DEFAULT_TEXTS_REASON = "AWS sends its own default texts when none are set, so an echoed default text carries no information";
const DEFAULT_TEXTS_SOURCE = "*observed*: moto 5.2 DEFAULT_USER_POOL_CONFIG for a pool created without templates";

const pool = (path: string, value: unknown, reason: string, source: string): EchoRule => ({ scope: "pool", path, kind: "default", value, reason, source });
const client = (path: string, value: unknown, reason: string, source: string): EchoRule => ({ scope: "client", path, kind: "default", value, reason, source });

const SOCIAL_COMPUTED = ["attributes_url", "attributes_url_add_attributes", "authorize_url", "oidc_issuer", "token_request_method", "token_url"];

const STRING_2048 = { stringAttributeConstraints: { minLength: "0", maxLength: "2048" } };
const standard = (attributeDataType: "String" | "Number" | "Boolean", extra: Record<string, unknown> = STRING_2048) => ({
  attributeDataType,
  developerOnlyAttribute: false,
  mutable: true,
  required: false,
  ...extra,
});

export const ECHO_RULES: readonly EchoRule[] = [
  // ---- user pool: defaults the API returns for fields never set
  pool("passwordPolicy.minimumLength", 8, "the default password policy", "AWS developer guide \"Adding user pool password requirements\"; moto DEFAULT_USER_POOL_CONFIG agrees"),
  pool("passwordPolicy.requireUppercase", true, "the default password policy", "as minimumLength"),
  pool("passwordPolicy.requireLowercase", true, "the default password policy", "as minimumLength"),
  pool("passwordPolicy.requireNumbers", true, "the default password policy", "as minimumLength"),
  pool("passwordPolicy.requireSymbols", true, "the default password policy", "as minimumLength"),
  pool("passwordPolicy.temporaryPasswordValidityDays", 7, "\"Defaults to 7\"", "[M PasswordPolicyType.TemporaryPasswordValidityDays], the default the API states"),
  pool("passwordPolicy.passwordHistorySize", 0, "no history is kept unless set (PasswordHistorySizeType 0–24)", "*derived*"),
  pool("signInPolicy.allowedFirstAuthFactors", ["PASSWORD"], "pools without choice-based sign-in offer the password factor only", "*derived*"),
  pool("mfaConfiguration", "OFF", "MFA is off unless turned on", "TF default of aws_cognito_user_pool"),
  pool("softwareTokenMfaConfiguration.enabled", false, "TOTP is off until enabled", "*derived*"),
  pool("smsMfaConfiguration.enabled", false, "SMS MFA is off until SmsMfaConfiguration is set", "*derived*"),
  pool("webAuthnConfiguration.userVerification", "preferred", "passkeys encourage but do not require user verification unless set to required (the console's default)", "*observed*: the extended moto answers preferred when unset; [M WebAuthnConfigurationType.UserVerification] states no default"),
  pool("webAuthnConfiguration.factorConfiguration", "SINGLE_FACTOR", "\"When set to SINGLE_FACTOR or not set, passkeys are a single authentication factor\"", "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnConfigurationType.html"),
  pool("deletionProtection", "INACTIVE", "deletion protection is off unless turned on", "TF default of aws_cognito_user_pool"),
  pool("userPoolTier", "ESSENTIALS", "\"Defaults to ESSENTIALS\"", "[M UserPoolTier], the default the API states"),
  pool("usernameConfiguration.caseSensitive", true, "\"This is the default value\"", "[M UsernameConfigurationType.CaseSensitive], the default the API states"),
  pool("emailConfiguration.emailSendingAccount", "COGNITO_DEFAULT", "Cognito sends mail itself unless told otherwise", "TF default of aws_cognito_user_pool"),
  pool("verificationMessageTemplate.defaultEmailOption", "CONFIRM_WITH_CODE", "codes, not links, unless chosen", "TF default of aws_cognito_user_pool"),
  pool("verificationMessageTemplate.smsMessage", DEFAULT_VERIFICATION_MESSAGE, DEFAULT_TEXTS_REASON, DEFAULT_TEXTS_SOURCE),
  pool("verificationMessageTemplate.emailMessage", DEFAULT_VERIFICATION_MESSAGE, DEFAULT_TEXTS_REASON, DEFAULT_TEXTS_SOURCE),
  pool("verificationMessageTemplate.emailSubject", "Your verification code", DEFAULT_TEXTS_REASON, DEFAULT_TEXTS_SOURCE),
  pool("adminCreateUserConfig.allowAdminCreateUserOnly", false, "self sign-up is allowed unless turned off", "*derived*"),
  pool("adminCreateUserConfig.inviteMessageTemplate.smsMessage", DEFAULT_INVITE_MESSAGE, DEFAULT_TEXTS_REASON, DEFAULT_TEXTS_SOURCE),
  pool("adminCreateUserConfig.inviteMessageTemplate.emailMessage", DEFAULT_INVITE_MESSAGE, DEFAULT_TEXTS_REASON, DEFAULT_TEXTS_SOURCE),
  pool("adminCreateUserConfig.inviteMessageTemplate.emailSubject", "Your temporary password", DEFAULT_TEXTS_REASON, DEFAULT_TEXTS_SOURCE),
  pool("deviceConfiguration.challengeRequiredOnNewDevice", false, "\"A null value indicates that you have deactivated device remembering\"", "[M UpdateUserPoolRequest.DeviceConfiguration], the default the API states"),
  pool("deviceConfiguration.deviceOnlyRememberedOnUserPrompt", false, "as challengeRequiredOnNewDevice", "[M UpdateUserPoolRequest.DeviceConfiguration], the default the API states"),
  pool("lambdaConfig", {}, "no trigger configured", "*derived*"),
  pool("userPoolTags", {}, "no tag configured", "*derived*"),
  pool("autoVerifiedAttributes", [], "nothing verified automatically", "*derived*"),
  pool("userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdate", [], "no attribute held back until verified", "*derived*"),

  // ---- schema attributes
  {
    scope: "schemaAttribute",
    path: "*",
    kind: "filled-constraint",
    value: {
      sub: { ...standard("String"), mutable: false, required: true, stringAttributeConstraints: { minLength: "1", maxLength: "2048" } },
      ...Object.fromEntries(
        ["name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile", "picture", "website", "email", "gender", "zoneinfo", "locale", "phone_number", "address"].map(
          (n) => [n, standard("String")],
        ),
      ),
      birthdate: standard("String", { stringAttributeConstraints: { minLength: "10", maxLength: "10" } }),
      email_verified: standard("Boolean", {}),
      phone_number_verified: standard("Boolean", {}),
      updated_at: standard("Number", { numberAttributeConstraints: { minValue: "0" } }),
      identities: standard("String", {}),
    },
    reason:
      "DescribeUserPool lists every standard attribute with the constraints AWS fills in (strings 0–2048, birthdate 10, sub 1–2048); a standard attribute left as AWS configures it is not something the spec manages",
    source: "[M SchemaAttributeType.Name] (DescribeUserPool's SchemaAttributes lists standard attributes too); constraints *observed* (moto 5.2 and the console agree)",
  },
  {
    scope: "schemaAttribute",
    path: "custom",
    kind: "default",
    value: { developerOnlyAttribute: false, mutable: true, required: false, stringAttributeConstraints: {}, numberAttributeConstraints: {} },
    reason: "a custom attribute is mutable, optional and not developer-only unless said; an empty constraint block means none",
    source: "TF docs for `schema` (mutable defaults to true); empty constraint blocks are the TF perpetual-diff case",
  },

  // ---- app clients
  client("generateSecret", false, "a public client unless a secret is asked for", "[M CreateUserPoolClientRequest.GenerateSecret]"),
  {
    scope: "client",
    path: "accessTokenValidity|idTokenValidity|refreshTokenValidity",
    kind: "unit-equivalent",
    value: { accessTokenValidity: { unit: "accessToken", defaultUnit: "hours", seconds: 3600 }, idTokenValidity: { unit: "idToken", defaultUnit: "hours", seconds: 3600 }, refreshTokenValidity: { unit: "refreshToken", defaultUnit: "days", seconds: 30 * 86400 } },
    reason:
      "\"valid for one hour\" / \"valid for 30 days\" in whatever unit AWS answers with (60 minutes, 1 hour and 3600 seconds are one lifetime); a unit whose lifetime is the default or unset says nothing and is dropped with it; a lifetime the design sets is compared as a duration and written the design's way",
    source: "[M AccessTokenValidity, IdTokenValidity, RefreshTokenValidity], the default the API states",
  },
  client("tokenValidityUnits.accessToken", "hours", "the unit of an unset access token lifetime", "[M TokenValidityUnits], the default the API states"),
  client("tokenValidityUnits.idToken", "hours", "the unit of an unset ID token lifetime", "[M TokenValidityUnits], the default the API states"),
  client("tokenValidityUnits.refreshToken", "days", "the unit of an unset refresh token lifetime", "[M TokenValidityUnits], the default the API states"),
  client("explicitAuthFlows", ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH"], "\"If you don't specify a value … your app client supports ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, and ALLOW_CUSTOM_AUTH\"", "[M ExplicitAuthFlows], the default the API states"),
  client("preventUserExistenceErrors", "LEGACY", "\"Defaults to LEGACY\"", "[M PreventUserExistenceErrors], the default the API states"),
  client("enableTokenRevocation", true, "\"token revocation is automatically activated\"", "[M EnableTokenRevocation], the default the API states"),
  client("allowedOAuthFlowsUserPoolClient", false, "\"it defaults to false\"", "[M AllowedOAuthFlowsUserPoolClient], the default the API states"),
  client("enablePropagateAdditionalUserContextData", false, "only for clients with a secret, off unless set", "*derived*"),
  client("authSessionValidity", 3, "the value Describe reports for clients created without it", "*observed* (moto agrees with AWS's documented minimum 3)"),
  {
    scope: "client",
    path: "readAttributes",
    kind: "empty-means-all",
    value: [],
    reason: "\"Amazon Cognito only populates ReadAttributes in the API response if you have specified your own custom set\": an empty answer means every attribute, not none",
    source: "[M ReadAttributes], the default the API states",
  },
  { scope: "client", path: "writeAttributes", kind: "empty-means-all", value: [], reason: "as readAttributes: an empty answer means the default set of writable attributes", source: "[M WriteAttributes], the default the API states" },
  client("supportedIdentityProviders", [], "Describe returns [] for a list never set", "*derived*"),
  client("callbackUrls", [], "Describe returns [] for a list never set", "*derived*"),
  client("logoutUrls", [], "Describe returns [] for a list never set", "*derived*"),
  client("allowedOAuthFlows", [], "Describe returns [] for a list never set", "*derived*"),
  client("allowedOAuthScopes", [], "Describe returns [] for a list never set", "*derived*"),
  client("refreshTokenRotation.feature", "DISABLED", "refresh tokens are not rotated unless enabled", "*derived*"),
  client("refreshTokenRotation.retryGracePeriodSeconds", 0, "no grace period without rotation", "*derived*"),

  // ---- resource servers and domains
  { scope: "resourceServer", path: "scopes", kind: "default", value: [], reason: "Describe returns [] for a server without scopes", source: "*derived*" },
  { scope: "domain", path: "managedLoginVersion", kind: "default", value: 1, reason: "API-created domains use the classic hosted UI until version 2 is chosen", source: "[M ManagedLoginVersion]" },

  // ---- user groups
  {
    scope: "group",
    path: "description",
    kind: "default",
    value: "",
    reason: "a group created without a description is answered with an empty one; empty and unset both mean no description",
    source: "*observed*: moto 5.2 stores `description or \"\"`; AWS omits an unset description [M GroupType.Description]",
  },

  // ---- identity providers
  {
    scope: "identityProvider",
    path: "providerDetails",
    kind: "computed",
    value: {
      Google: SOCIAL_COMPUTED,
      Facebook: SOCIAL_COMPUTED,
      LoginWithAmazon: SOCIAL_COMPUTED,
      SignInWithApple: SOCIAL_COMPUTED,
      OIDC: ["attributes_url_add_attributes", "attributes_url", "authorize_url", "token_url", "jwks_uri"],
      SAML: ["ActiveEncryptionCertificate", "SLORedirectBindingURI", "SSORedirectBindingURI"],
    } satisfies Record<IdentityProviderType, readonly string[]>,
    reason:
      "DescribeIdentityProvider adds details the create call did not send: the social providers' fixed endpoints, the endpoints an OIDC provider discovers from its issuer, the SAML binding URIs and encryption certificate taken from the metadata; they follow from what was set and are not settings of their own",
    source: "[M CreateIdentityProviderRequest.ProviderDetails] \"Describe response\" examples per provider type",
  },
  {
    scope: "identityProvider",
    path: "attributeMapping",
    kind: "default",
    value: {},
    reason: "an empty mapping (once the default `username: sub` below is set aside) is no mapping configured; it is dropped where the spec leaves the mapping unset",
    source: "*derived*: nothing configured",
  },
  {
    scope: "identityProvider",
    path: "attributeMapping.username",
    kind: "default",
    value: "sub",
    reason: "a provider created without a mapping for the user name maps it from the provider's `sub`; an echoed `username: sub` is that default, not a mapping someone chose",
    source: "*observed*: moto 5.2 sets `{\"username\": \"sub\"}` for a provider created without it; AWS maps the user name to `sub` by default [M IdentityProviderType.AttributeMapping]",
  },
  { scope: "identityProvider", path: "idpIdentifiers", kind: "default", value: [], reason: "Describe returns [] for a provider without identifiers", source: "*derived*: nothing configured [M IdentityProviderType.IdpIdentifiers]" },

  // ---- ordering, everywhere
  {
    scope: "pool",
    path: "*",
    kind: "unordered",
    reason: "Cognito keeps no order in callback URLs, auth flows, scopes, verified attributes…; a live read may answer in any order. The plan compares such lists as sets (plan/diff.ts) and so does the pruning of defaults here",
    source: "*derived*: the API reference documents them as lists without an order; lib/cognito/plan/README.md",
  },
];

type Json = Record<string, unknown>;

function setPath(target: Json, path: string, value: unknown): void {
  const parts = path.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) {
    // A copy, so that a nested row (attributeMapping.username under attributeMapping) never writes into another row's value.
    node[part] = typeof node[part] === "object" && node[part] !== null ? { ...(node[part] as Json) } : {};
    node = node[part] as Json;
  }
  node[parts[parts.length - 1] as string] = value;
}

/** The `default` and `empty-means-all` rows of one scope as one nested object of echoed values. */
export function echoedDefaults(scope: EchoScope): Json {
  const out: Json = {};
  for (const rule of ECHO_RULES) {
    if (rule.scope === scope && (rule.kind === "default" || rule.kind === "empty-means-all") && rule.path !== "custom") setPath(out, rule.path, rule.value);
  }
  return out;
}

/** The value of the one row for `scope`, `kind` and `path`; throws when the table has no such row. */
export function echoRuleValue<T>(scope: EchoScope, kind: EchoKind, path: string): T {
  const rule = ECHO_RULES.find((r) => r.scope === scope && r.kind === kind && r.path === path);
  if (!rule) throw new Error(`no echo rule ${scope} ${kind} ${path}`);
  return rule.value as T;
}

export const POOL_DEFAULTS: Json = echoedDefaults("pool");
export const CLIENT_DEFAULTS: Json = echoedDefaults("client");
export const RESOURCE_SERVER_DEFAULTS: Json = echoedDefaults("resourceServer");
export const DOMAIN_DEFAULTS: Json = echoedDefaults("domain");
/** The standard attributes DescribeUserPool lists for a pool that did not configure them. */
export const STANDARD_ATTRIBUTE_DEFAULTS: Readonly<Record<string, Json>> = echoRuleValue("schemaAttribute", "filled-constraint", "*");
export const CUSTOM_ATTRIBUTE_DEFAULTS: Json = echoRuleValue("schemaAttribute", "default", "custom");
/** Token lifetimes of a client that sets none: field, unit key, unit AWS assumes, lifetime in seconds. */
export const TOKEN_VALIDITY_DEFAULTS = Object.entries(
  echoRuleValue<Record<string, { unit: string; defaultUnit: string; seconds: number }>>("client", "unit-equivalent", "accessTokenValidity|idTokenValidity|refreshTokenValidity"),
).map(([field, v]) => ({ field, ...v }));
export const GROUP_DEFAULTS: Json = echoedDefaults("group");
/** ProviderDetails keys AWS fills in on its own, per provider type. */
export const COMPUTED_PROVIDER_DETAILS: Readonly<Record<IdentityProviderType, readonly string[]>> = echoRuleValue("identityProvider", "computed", "providerDetails");
/** What Describe answers for a provider's fields never set: `{ attributeMapping: { username: "sub" }, idpIdentifiers: [] }`. */
export const IDENTITY_PROVIDER_DEFAULTS: Json = echoedDefaults("identityProvider");
