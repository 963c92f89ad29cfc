/**
 * Conversions between the spec (camelCase, `lib/cognito/spec/`) and the API shapes of the Cognito user
 * pools API (PascalCase, the SDK's types). Pure functions; type-only imports from the SDK.
 *
 * Member names are Cognito's own (the spec mirrors the Smithy model), so most keys convert by case; the
 * exceptions are the table {@link SPEC_TO_API_KEYS}. Reading is guided by the spec's zod schema: an API
 * member the spec has no field for (newer API features like `KeyConfiguration`, read-only facts like
 * `CreationDate`) is left out of the document — and kept by updates, which merge live values
 * (see `updateUserPoolInput`).
 */
import { TOKEN_VALIDITY_DEFAULTS } from "./echo-rules";
import type {
  CreateResourceServerRequest,
  CreateUserPoolClientRequest,
  CreateUserPoolRequest,
  DomainDescriptionType,
  PasswordPolicyType,
  ResourceServerType,
  SchemaAttributeType,
  SetUserPoolMfaConfigRequest,
  UpdateUserPoolClientRequest,
  UpdateUserPoolRequest,
  UserPoolClientType,
  UserPoolType,
} from "@aws-sdk/client-cognito-identity-provider";
import type { z } from "zod";
import type { MfaConfigType } from "./port";
import { appClientSchema, type AppClientSpec } from "../spec/client-schema";
import type { MfaValue, PoolValue } from "../plan/types";
import type { DomainSpec } from "../spec/domain-schema";
import { poolSpecSchema, type PoolSpec } from "../spec/pool-schema";
import type { ResourceServerSpec } from "../spec/resource-server-schema";
import type { SchemaAttributeSpec } from "../spec/schema-attribute-schema";
import { boundsOf, schemaAt } from "../spec/schema-introspection";

type Json = Record<string, unknown>;

/** Spec keys whose API name is not just the key with an upper-case first letter. */
export const SPEC_TO_API_KEYS: Readonly<Record<string, string>> = {
  callbackUrls: "CallbackURLs",
  logoutUrls: "LogoutURLs",
  defaultRedirectUri: "DefaultRedirectURI",
  customSmsSender: "CustomSMSSender",
  kmsKeyId: "KMSKeyID",
};
const API_TO_SPEC_KEYS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(SPEC_TO_API_KEYS).map(([spec, api]) => [api, spec])),
  // `MessageTemplateType.SMSMessage` (the invitation) vs `VerificationMessageTemplateType.SmsMessage`.
  SMSMessage: "smsMessage",
};

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function apiKeyOf(specKey: string, parentSpecKey: string | undefined): string {
  if (specKey === "smsMessage" && parentSpecKey === "inviteMessageTemplate") return "SMSMessage";
  return SPEC_TO_API_KEYS[specKey] ?? specKey.charAt(0).toUpperCase() + specKey.slice(1);
}

function specKeyOf(apiKey: string): string {
  return API_TO_SPEC_KEYS[apiKey] ?? apiKey.charAt(0).toLowerCase() + apiKey.slice(1);
}

/**
 * Converts an API value to the spec shape `schema` describes. Members the schema has no field for are
 * dropped; nulls become absent; record keys (tags) are data and stay as they are.
 */
export function fromApiShape(value: unknown, schema: z.ZodType): unknown {
  if (value === null || value === undefined) return undefined;
  const type = boundsOf(schema).type;
  if (type === "object") {
    if (!isObject(value)) return undefined;
    const out: Json = {};
    for (const [apiKey, member] of Object.entries(value)) {
      const key = specKeyOf(apiKey);
      const sub = schemaAt(schema, [key]);
      if (!sub) continue;
      const converted = fromApiShape(member, sub);
      if (converted !== undefined) out[key] = converted;
    }
    return out;
  }
  if (type === "array") {
    if (!Array.isArray(value)) return undefined;
    const element = schemaAt(schema, [0]);
    return element ? value.map((v) => fromApiShape(v, element)).filter((v) => v !== undefined) : undefined;
  }
  if (type === "record") return isObject(value) ? { ...value } : undefined;
  return value;
}

/** Converts a spec value to its API shape (the inverse of {@link fromApiShape}). */
export function toApiShape(value: unknown, schema: z.ZodType, parentKey?: string): unknown {
  if (value === undefined) return undefined;
  const type = boundsOf(schema).type;
  if (type === "object" && isObject(value)) {
    const out: Json = {};
    for (const [key, member] of Object.entries(value)) {
      const sub = schemaAt(schema, [key]);
      if (!sub || member === undefined) continue;
      out[apiKeyOf(key, parentKey)] = toApiShape(member, sub, key);
    }
    return out;
  }
  if (type === "array" && Array.isArray(value)) {
    const element = schemaAt(schema, [0]);
    return element ? value.map((v) => toApiShape(v, element, parentKey)) : value;
  }
  if (type === "record" && isObject(value)) return { ...value };
  return value;
}

function field(name: keyof PoolSpec): z.ZodType {
  const schema = schemaAt(poolSpecSchema, [name]);
  if (!schema) throw new Error(`poolSpecSchema has no field ${name}`);
  return schema;
}

// ---------------------------------------------------------------------------------------------------
// Schema attributes

/** API attribute names carry `custom:` / `dev:` prefixes; the spec uses the bare name (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPool.html). */
export function schemaAttributeFromApi(attribute: SchemaAttributeType): SchemaAttributeSpec | undefined {
  if (!attribute.Name || !attribute.AttributeDataType) return undefined;
  let name = attribute.Name;
  let developerOnly = attribute.DeveloperOnlyAttribute;
  if (name.startsWith("dev:")) {
    name = name.slice(4);
    developerOnly = true;
  }
  if (name.startsWith("custom:")) name = name.slice(7);
  const spec: SchemaAttributeSpec = { name, attributeDataType: attribute.AttributeDataType };
  if (developerOnly !== undefined) spec.developerOnlyAttribute = developerOnly;
  if (attribute.Mutable !== undefined) spec.mutable = attribute.Mutable;
  if (attribute.Required !== undefined) spec.required = attribute.Required;
  const number = fromApiShape(attribute.NumberAttributeConstraints, schemaAt(poolSpecSchema, ["schemaAttributes", 0, "numberAttributeConstraints"])!);
  if (number !== undefined) spec.numberAttributeConstraints = number as SchemaAttributeSpec["numberAttributeConstraints"];
  const string = fromApiShape(attribute.StringAttributeConstraints, schemaAt(poolSpecSchema, ["schemaAttributes", 0, "stringAttributeConstraints"])!);
  if (string !== undefined) spec.stringAttributeConstraints = string as SchemaAttributeSpec["stringAttributeConstraints"];
  return spec;
}

export function schemaAttributeToApi(attribute: SchemaAttributeSpec): SchemaAttributeType {
  return toApiShape(attribute, schemaAt(poolSpecSchema, ["schemaAttributes", 0])!) as SchemaAttributeType;
}

// ---------------------------------------------------------------------------------------------------
// User pool

/**
 * PasswordPolicyType's requirement switches. A request that leaves one out turns it off (the API reads an absent
 * boolean as false; the Terraform provider, on the AWS SDK for Go v2, leaves `false` out of its requests), and an
 * answer that leaves one out, as moto's does for a policy created that way, means the same: off. Read as the
 * password-policy default (on), it would show a change on every plan of a pool Terraform made.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_PasswordPolicyType.html
 */
const PASSWORD_POLICY_SWITCHES = ["RequireUppercase", "RequireLowercase", "RequireNumbers", "RequireSymbols"] as const;

function passwordPolicyFromApi(policy: PasswordPolicyType | undefined): PasswordPolicyType | undefined {
  if (!policy) return undefined;
  const out: PasswordPolicyType = { ...policy };
  for (const key of PASSWORD_POLICY_SWITCHES) out[key] ??= false;
  return out;
}

/**
 * The pool part of a spec (everything but clients, resource servers and domain) from DescribeUserPool
 * and GetUserPoolMfaConfig, un-normalised: every value AWS returned that the spec can hold.
 * MFA and WebAuthn settings come from GetUserPoolMfaConfig, which is authoritative for them
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPool.html).
 */
export function poolSpecFromApi(pool: UserPoolType, mfa: MfaConfigType, region: string): PoolSpec {
  const flat: Json = {
    ...pool,
    PasswordPolicy: passwordPolicyFromApi(pool.Policies?.PasswordPolicy),
    SignInPolicy: pool.Policies?.SignInPolicy,
    MfaConfiguration: mfa.MfaConfiguration ?? pool.MfaConfiguration,
    SoftwareTokenMfaConfiguration: mfa.SoftwareTokenMfaConfiguration,
    EmailMfaConfiguration: mfa.EmailMfaConfiguration,
    WebAuthnConfiguration: mfa.WebAuthnConfiguration,
    // SMS MFA is on exactly when the MFA configuration carries SmsMfaConfiguration (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUserPoolMfaConfig.html).
    SmsMfaConfiguration: mfa.SmsMfaConfiguration ? { Enabled: true } : undefined,
    SmsAuthenticationMessage: pool.SmsAuthenticationMessage ?? mfa.SmsMfaConfiguration?.SmsAuthenticationMessage,
    SmsConfiguration: pool.SmsConfiguration ?? mfa.SmsMfaConfiguration?.SmsConfiguration,
  };
  // Not spec fields, or spec fields filled from other calls.
  for (const key of ["Domain", "CustomDomain", "SchemaAttributes", "Policies"]) delete flat[key];
  const spec = fromApiShape(flat, poolSpecSchema) as Json;
  const attributes = (pool.SchemaAttributes ?? []).map(schemaAttributeFromApi).filter((a) => a !== undefined);
  if (attributes.length > 0) spec.schemaAttributes = attributes;
  spec.region = region;
  return spec as PoolSpec;
}

/** Spec fields that become top-level members of CreateUserPool / UpdateUserPool (besides Policies and Schema). */
const POOL_MEMBER_FIELDS = [
  "usernameAttributes",
  "aliasAttributes",
  "usernameConfiguration",
  "autoVerifiedAttributes",
  "userAttributeUpdateSettings",
  "smsAuthenticationMessage",
  "smsConfiguration",
  "emailConfiguration",
  "verificationMessageTemplate",
  "adminCreateUserConfig",
  "deviceConfiguration",
  "userPoolAddOns",
  "accountRecoverySetting",
  "lambdaConfig",
  "userPoolTags",
  "userPoolTier",
  "deletionProtection",
] as const satisfies readonly (keyof PoolSpec)[];

/** Members that only CreateUserPool accepts (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPool.html). */
const CREATE_ONLY_POOL_MEMBERS = ["UsernameAttributes", "AliasAttributes", "UsernameConfiguration", "Schema"] as const;

/** The members of a pool request the spec sets (unset fields are not sent: AWS defaults apply on create). */
function poolMembersFromSpec(spec: PoolSpec): Json {
  const out: Json = {};
  for (const name of POOL_MEMBER_FIELDS) {
    if (spec[name] !== undefined) out[apiKeyOf(name, undefined)] = toApiShape(spec[name], field(name), name);
  }
  const policies: Json = {};
  if (spec.passwordPolicy) policies.PasswordPolicy = toApiShape(spec.passwordPolicy, field("passwordPolicy"));
  if (spec.signInPolicy) policies.SignInPolicy = toApiShape(spec.signInPolicy, field("signInPolicy"));
  if (Object.keys(policies).length > 0) out.Policies = policies;
  return out;
}

/**
 * CreateUserPool from a document. MFA is not sent here: TOTP, email MFA and WebAuthn exist only in
 * SetUserPoolMfaConfig, which runs right after (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserPoolMfaConfig.html), so the pool is created
 * with MFA off and switched on by that step.
 */
export function createUserPoolInput(pool: PoolValue): CreateUserPoolRequest {
  const { spec } = pool;
  const input: Json = { PoolName: pool.name, ...poolMembersFromSpec(spec) };
  if (spec.schemaAttributes) input.Schema = spec.schemaAttributes.map(schemaAttributeToApi);
  return input as unknown as CreateUserPoolRequest;
}

/** Members of UpdateUserPoolRequest that DescribeUserPool also returns (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPool.html, UpdateUserPool). */
const UPDATE_POOL_MEMBERS = [
  "Policies",
  "DeletionProtection",
  "LambdaConfig",
  "AutoVerifiedAttributes",
  "SmsVerificationMessage",
  "EmailVerificationMessage",
  "EmailVerificationSubject",
  "VerificationMessageTemplate",
  "SmsAuthenticationMessage",
  "UserAttributeUpdateSettings",
  "MfaConfiguration",
  "DeviceConfiguration",
  "EmailConfiguration",
  "SmsConfiguration",
  "UserPoolTags",
  "AdminCreateUserConfig",
  "UserPoolAddOns",
  "DcrConfiguration",
  "AccountRecoverySetting",
  "UserPoolTier",
  "KeyConfiguration",
  "IssuerConfiguration",
  "AcrConfiguration",
] as const satisfies readonly (keyof UpdateUserPoolRequest & keyof UserPoolType)[];

/**
 * Deep merge for full-replace updates: `desired` wins; objects merge member by member (a member the
 * spec leaves unset is "not managed" and keeps its live value); arrays and scalars are replaced whole.
 */
export function mergeManaged(live: unknown, desired: unknown): unknown {
  if (desired === undefined) return live;
  if (isObject(live) && isObject(desired)) {
    const out: Json = { ...live };
    for (const [key, value] of Object.entries(desired)) out[key] = mergeManaged(live[key], value);
    return out;
  }
  return desired;
}

/**
 * UpdateUserPool as a full replacement (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPool.html: every member not sent is reset): the
 * live configuration from DescribeUserPool, with the spec's managed fields merged over it. Create-only
 * members are left out (they are not members of UpdateUserPoolRequest); `MfaConfiguration` keeps its live value because the MFA step that follows
 * sets the desired one together with the factors it needs.
 */
export function updateUserPoolInput(userPoolId: string, pool: PoolValue, live: UserPoolType): UpdateUserPoolRequest {
  const liveMembers: Json = {};
  for (const member of UPDATE_POOL_MEMBERS) if (live[member] !== undefined && live[member] !== null) liveMembers[member] = live[member];
  const desired = poolMembersFromSpec(pool.spec);
  for (const member of CREATE_ONLY_POOL_MEMBERS) delete desired[member];
  const merged = mergeManaged(liveMembers, desired) as Json;
  // The legacy message members duplicate VerificationMessageTemplate; sending both lets the stale
  // legacy copy compete with the template, so the template alone is sent when there is one.
  if (merged.VerificationMessageTemplate) {
    delete merged.SmsVerificationMessage;
    delete merged.EmailVerificationMessage;
    delete merged.EmailVerificationSubject;
  }
  // "When you set TemporaryPasswordValidityDays for a user pool, you can no longer set a value for the
  // legacy UnusedAccountValidityDays parameter" [M PasswordPolicyType.TemporaryPasswordValidityDays].
  const admin = merged.AdminCreateUserConfig;
  const policy = (merged.Policies as Json | undefined)?.PasswordPolicy as Json | undefined;
  if (isObject(admin) && policy?.TemporaryPasswordValidityDays !== undefined && "UnusedAccountValidityDays" in admin) {
    const { UnusedAccountValidityDays: _, ...rest } = admin;
    merged.AdminCreateUserConfig = rest;
  }
  if (live.MfaConfiguration) merged.MfaConfiguration = live.MfaConfiguration;
  return { UserPoolId: userPoolId, PoolName: pool.name, ...merged } as UpdateUserPoolRequest;
}

/** Schema attributes of the spec that the live pool lacks: the ones AddCustomAttributes must add. */
export function missingCustomAttributes(spec: PoolSpec, live: UserPoolType): SchemaAttributeType[] {
  const liveNames = new Set((live.SchemaAttributes ?? []).map((a) => schemaAttributeFromApi(a)?.name));
  return (spec.schemaAttributes ?? []).filter((a) => !liveNames.has(a.name)).map(schemaAttributeToApi);
}

/** True when the spec manages any MFA setting (then SetUserPoolMfaConfig runs). */
export function specManagesMfa(spec: PoolSpec): boolean {
  return (
    spec.mfaConfiguration !== undefined ||
    spec.softwareTokenMfaConfiguration !== undefined ||
    spec.smsMfaConfiguration !== undefined ||
    spec.emailMfaConfiguration !== undefined ||
    spec.webAuthnConfiguration !== undefined
  );
}

/**
 * SetUserPoolMfaConfig as a full replacement: the live MFA configuration with the spec's managed fields
 * merged over it (the call sets every factor at once, like the update calls).
 */
export function mfaConfigInput(userPoolId: string, spec: MfaValue, live: MfaConfigType): SetUserPoolMfaConfigRequest {
  const input: Json = { UserPoolId: userPoolId };
  const mfaConfiguration = spec.mfaConfiguration ?? live.MfaConfiguration;
  if (mfaConfiguration) input.MfaConfiguration = mfaConfiguration;
  const totp = mergeManaged(live.SoftwareTokenMfaConfiguration, toApiShape(spec.softwareTokenMfaConfiguration, field("softwareTokenMfaConfiguration")));
  if (totp !== undefined) input.SoftwareTokenMfaConfiguration = totp;
  const email = mergeManaged(live.EmailMfaConfiguration, toApiShape(spec.emailMfaConfiguration, field("emailMfaConfiguration")));
  if (email !== undefined) input.EmailMfaConfiguration = email;
  const webAuthn = mergeManaged(live.WebAuthnConfiguration, toApiShape(spec.webAuthnConfiguration, field("webAuthnConfiguration")));
  if (webAuthn !== undefined) input.WebAuthnConfiguration = webAuthn;
  const sms = smsMfaConfigurationInput(spec, live);
  if (sms) input.SmsMfaConfiguration = sms;
  return input as unknown as SetUserPoolMfaConfigRequest;
}

/**
 * `SmsMfaConfiguration` when SMS MFA is on: the design's switch, or the live state when the design leaves it
 * unset. Sent only with its SMS configuration (the design's, else the live one): Cognito sends the codes
 * through it, and a SmsMfaConfiguration without one is refused
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SmsMfaConfigType.html).
 */
function smsMfaConfigurationInput(spec: PoolSpec, live: MfaConfigType): Json | undefined {
  const on = spec.smsMfaConfiguration?.enabled ?? live.SmsMfaConfiguration !== undefined;
  if (!on) return undefined;
  const smsConfiguration = spec.smsConfiguration !== undefined ? toApiShape(spec.smsConfiguration, field("smsConfiguration")) : live.SmsMfaConfiguration?.SmsConfiguration;
  if (smsConfiguration === undefined) return undefined;
  const message = spec.smsAuthenticationMessage ?? live.SmsMfaConfiguration?.SmsAuthenticationMessage;
  return { ...(message !== undefined ? { SmsAuthenticationMessage: message } : {}), SmsConfiguration: smsConfiguration };
}

// ---------------------------------------------------------------------------------------------------
// App clients

/**
 * A client's spec from DescribeUserPoolClient, without its secret: `generateSecret` is derived from
 * whether the client has one (the secret itself never enters a document).
 */
export function clientSpecFromApi(client: UserPoolClientType): AppClientSpec {
  const { ClientSecret, ClientName, ...answer } = client;
  // AnalyticsConfigurationType.UserDataShared: absent is off, as for the password-policy switches above.
  const rest = answer.AnalyticsConfiguration ? { ...answer, AnalyticsConfiguration: { ...answer.AnalyticsConfiguration, UserDataShared: answer.AnalyticsConfiguration.UserDataShared ?? false } } : answer;
  const spec = fromApiShape(rest, appClientSchema) as Json;
  return { name: ClientName ?? "", generateSecret: ClientSecret !== undefined && ClientSecret !== "", ...spec } as AppClientSpec;
}

export function createUserPoolClientInput(userPoolId: string, client: AppClientSpec): CreateUserPoolClientRequest {
  const { name, ...settings } = client;
  return { UserPoolId: userPoolId, ClientName: name, ...(toApiShape(settings, appClientSchema) as Json) } as CreateUserPoolClientRequest;
}

/** Members of UpdateUserPoolClientRequest that DescribeUserPoolClient returns. */
const UPDATE_CLIENT_MEMBERS = [
  "RefreshTokenValidity",
  "AccessTokenValidity",
  "IdTokenValidity",
  "TokenValidityUnits",
  "ReadAttributes",
  "WriteAttributes",
  "ExplicitAuthFlows",
  "SupportedIdentityProviders",
  "CallbackURLs",
  "LogoutURLs",
  "DefaultRedirectURI",
  "AllowedOAuthFlows",
  "AllowedOAuthScopes",
  "AllowedOAuthFlowsUserPoolClient",
  "AnalyticsConfiguration",
  "PreventUserExistenceErrors",
  "EnableTokenRevocation",
  "EnablePropagateAdditionalUserContextData",
  "AuthSessionValidity",
  "RefreshTokenRotation",
] as const satisfies readonly (keyof UpdateUserPoolClientRequest & keyof UserPoolClientType)[];

/**
 * UpdateUserPoolClient as a full replacement (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolClient.html): the live client merged with the
 * spec's managed settings. `GenerateSecret` is create-only (not a member of UpdateUserPoolClientRequest) and never sent. Empty Read/Write
 * attribute lists in Describe mean "the defaults" ([M ReadAttributes]), so they are not sent back as empty lists.
 */
export function updateUserPoolClientInput(userPoolId: string, clientId: string, client: AppClientSpec, live: UserPoolClientType): UpdateUserPoolClientRequest {
  const liveMembers: Json = {};
  for (const member of UPDATE_CLIENT_MEMBERS) {
    const value = live[member];
    if (value === undefined || value === null) continue;
    if ((member === "ReadAttributes" || member === "WriteAttributes") && Array.isArray(value) && value.length === 0) continue;
    liveMembers[member] = value;
  }
  const { name, generateSecret: _, ...settings } = client;
  const merged = mergeManaged(liveMembers, toApiShape(settings, appClientSchema)) as Json;
  // A lifetime the spec sets without its unit is in the default unit ([M TokenValidityUnits]); merged
  // over a live non-default unit it would change meaning (2 over "minutes" is 2 minutes, not 2 hours).
  const liveUnits = (live.TokenValidityUnits ?? {}) as Record<string, string | undefined>;
  const specUnits = (settings.tokenValidityUnits ?? {}) as Record<string, string | undefined>;
  for (const token of TOKEN_VALIDITY_DEFAULTS) {
    const apiUnit = `${token.unit.charAt(0).toUpperCase()}${token.unit.slice(1)}`;
    const liveUnit = liveUnits[apiUnit];
    if ((settings as Json)[token.field] !== undefined && specUnits[token.unit] === undefined && liveUnit !== undefined && liveUnit !== token.defaultUnit) {
      merged.TokenValidityUnits = { ...(merged.TokenValidityUnits as Json), [apiUnit]: token.defaultUnit };
    }
  }
  return { UserPoolId: userPoolId, ClientId: clientId, ClientName: name, ...merged } as UpdateUserPoolClientRequest;
}

// ---------------------------------------------------------------------------------------------------
// Resource servers and domain

export function resourceServerFromApi(server: ResourceServerType): ResourceServerSpec {
  const spec: ResourceServerSpec = { identifier: server.Identifier ?? "", name: server.Name ?? "" };
  if (server.Scopes) spec.scopes = server.Scopes.map((s) => ({ name: s.ScopeName ?? "", description: s.ScopeDescription ?? "" }));
  return spec;
}

/** Create and Update take the same members; updates always send the full scope list (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateResourceServer.html). */
export function resourceServerInput(userPoolId: string, server: ResourceServerSpec): CreateResourceServerRequest {
  return {
    UserPoolId: userPoolId,
    Identifier: server.identifier,
    Name: server.name,
    Scopes: (server.scopes ?? []).map((s) => ({ ScopeName: s.name, ScopeDescription: s.description })),
  };
}

export function domainFromApi(description: DomainDescriptionType): DomainSpec {
  const spec: DomainSpec = { domain: description.Domain ?? "" };
  if (description.CustomDomainConfig?.CertificateArn) spec.certificateArn = description.CustomDomainConfig.CertificateArn;
  if (description.ManagedLoginVersion === 1 || description.ManagedLoginVersion === 2) spec.managedLoginVersion = description.ManagedLoginVersion;
  return spec;
}
