/**
 * Normalising a live pool: values that equal AWS's defaults are removed where the spec would leave them
 * unset, so that a pool created from a spec and read back plans as no change ("unset = not managed / AWS
 * default", spec/pool-schema.ts). Where the desired spec does set a field, the live value is kept even
 * when it is the default (and a default the API omits is filled in), so that both sides compare equal.
 *
 * Without a desired document (`cognito-studio pull`), every default is removed: the result is the
 * smallest spec that describes the pool.
 *
 * ## The defaults table (sources)
 * | field | default | source |
 * |---|---|---|
 * | passwordPolicy.temporaryPasswordValidityDays | 7 | [M PasswordPolicyType.TemporaryPasswordValidityDays], cognito-semantics.md §1 |
 * | passwordPolicy.minimumLength / require* | 8 / true | AWS developer guide "Adding user pool password requirements" (the default policy); moto's DEFAULT_USER_POOL_CONFIG agrees |
 * | passwordPolicy.passwordHistorySize | 0 | *derived*: no history is kept unless set (PasswordHistorySizeType 0–24) |
 * | signInPolicy.allowedFirstAuthFactors | [PASSWORD] | *derived*: pools without choice-based sign-in offer the password factor only |
 * | mfaConfiguration | OFF | cognito-semantics.md §1 (TF default) |
 * | softwareTokenMfaConfiguration.enabled | false | *derived*: TOTP is off until enabled |
 * | deletionProtection | INACTIVE | cognito-semantics.md §1 (TF default) |
 * | userPoolTier | ESSENTIALS | [M UserPoolTier] "Defaults to ESSENTIALS", §1 |
 * | usernameConfiguration.caseSensitive | true | [M UsernameConfigurationType.CaseSensitive] "This is the default value", §1 |
 * | emailConfiguration.emailSendingAccount | COGNITO_DEFAULT | cognito-semantics.md §1 (TF default) |
 * | verificationMessageTemplate.defaultEmailOption | CONFIRM_WITH_CODE | cognito-semantics.md §1 (TF default) |
 * | adminCreateUserConfig.allowAdminCreateUserOnly | false | *derived*: self sign-up is allowed unless turned off |
 * | default verification / invitation texts | "Your verification code is {####}. " … | observed: what moto 5.2 returns for a pool created without templates (its DEFAULT_USER_POOL_CONFIG); AWS sends its own default texts when none are set, so equal texts carry no information |
 * | deviceConfiguration.* | false | *derived* |
 * | lambdaConfig, userPoolTags, autoVerifiedAttributes, attributesRequireVerificationBeforeUpdate | empty | *derived*: nothing configured |
 * | standard schema attributes | {@link STANDARD_ATTRIBUTE_DEFAULTS} | what DescribeUserPool lists for every pool (cognito-semantics.md §6: "SchemaAttributes lists standard attributes too") |
 * | custom attribute developerOnlyAttribute / mutable / required, empty constraints | false / true / false / {} | TF docs for `schema` (mutable defaults to true); empty constraint blocks are the TF perpetual-diff case |
 * | client refreshTokenValidity | 30 days | [M RefreshTokenValidity] "valid for 30 days", §1 |
 * | client access/ID token validity | 1 hour | [M AccessTokenValidity/IdTokenValidity] "valid for one hour", §1 |
 * | client tokenValidityUnits | hours, hours, days | [M TokenValidityUnits], §1 |
 * | client explicitAuthFlows | REFRESH_TOKEN, USER_SRP, CUSTOM | [M ExplicitAuthFlows], §1 |
 * | client preventUserExistenceErrors | LEGACY | [M PreventUserExistenceErrors] "Defaults to LEGACY" |
 * | client enableTokenRevocation | true | [M EnableTokenRevocation] "automatically activated", §1 |
 * | client allowedOAuthFlowsUserPoolClient | false | [M AllowedOAuthFlowsUserPoolClient] "it defaults to false" |
 * | client enablePropagateAdditionalUserContextData | false | *derived*: only for clients with a secret, off unless set |
 * | client authSessionValidity | 3 | *derived*: the value Describe reports for clients created without it (moto agrees) |
 * | client read/writeAttributes | [] | [M ReadAttributes] "only populates ReadAttributes … if you have specified your own", §1 |
 * | client generateSecret | false | [M CreateUserPoolClientRequest.GenerateSecret] |
 * | client refreshTokenRotation | { feature: DISABLED } | *derived* |
 * | domain managedLoginVersion | 1 | *derived*: API-created domains use the classic hosted UI until version 2 is chosen ([M ManagedLoginVersion]) |
 * | empty lists/objects (callbackUrls, scopes, ...) | absent | *derived*: Describe returns [] for lists that were never set |
 */
import type { AppClientSpec, TimeUnit } from "../spec/client-schema";
import type { PoolDocument } from "../spec/document-schema";
import type { DomainSpec } from "../spec/domain-schema";
import type { PoolSpec } from "../spec/pool-schema";
import type { ResourceServerSpec } from "../spec/resource-server-schema";
import type { SchemaAttributeSpec } from "../spec/schema-attribute-schema";
import { effectiveClient } from "./mapping";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep equality; arrays of scalars compare as sets (defaults like explicitAuthFlows have no order). */
function equalValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    if (a.every((x) => !isObject(x)) && b.every((x) => !isObject(x))) return a.every((x) => b.some((y) => equalValue(x, y)));
    return a.every((x, i) => equalValue(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => equalValue(a[k], b[k]));
  }
  return a === b;
}

function isEmpty(value: unknown): boolean {
  return (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0);
}

/** Default message texts as moto 5.2 reports them for a pool created without templates (moto DEFAULT_USER_POOL_CONFIG). */
const DEFAULT_VERIFICATION_MESSAGE = "Your verification code is {####}. ";
const DEFAULT_INVITE_MESSAGE = "Your username is {username} and temporary password is {####}. ";

export const POOL_DEFAULTS: Json = {
  passwordPolicy: {
    minimumLength: 8,
    requireUppercase: true,
    requireLowercase: true,
    requireNumbers: true,
    requireSymbols: true,
    temporaryPasswordValidityDays: 7,
    passwordHistorySize: 0,
  },
  signInPolicy: { allowedFirstAuthFactors: ["PASSWORD"] },
  mfaConfiguration: "OFF",
  softwareTokenMfaConfiguration: { enabled: false },
  deletionProtection: "INACTIVE",
  userPoolTier: "ESSENTIALS",
  usernameConfiguration: { caseSensitive: true },
  emailConfiguration: { emailSendingAccount: "COGNITO_DEFAULT" },
  verificationMessageTemplate: {
    defaultEmailOption: "CONFIRM_WITH_CODE",
    smsMessage: DEFAULT_VERIFICATION_MESSAGE,
    emailMessage: DEFAULT_VERIFICATION_MESSAGE,
    emailSubject: "Your verification code",
  },
  adminCreateUserConfig: {
    allowAdminCreateUserOnly: false,
    inviteMessageTemplate: { smsMessage: DEFAULT_INVITE_MESSAGE, emailMessage: DEFAULT_INVITE_MESSAGE, emailSubject: "Your temporary password" },
  },
  deviceConfiguration: { challengeRequiredOnNewDevice: false, deviceOnlyRememberedOnUserPrompt: false },
  lambdaConfig: {},
  userPoolTags: {},
  autoVerifiedAttributes: [],
  userAttributeUpdateSettings: { attributesRequireVerificationBeforeUpdate: [] },
};

export const CLIENT_DEFAULTS: Json = {
  generateSecret: false,
  tokenValidityUnits: { accessToken: "hours", idToken: "hours", refreshToken: "days" },
  explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH"],
  preventUserExistenceErrors: "LEGACY",
  enableTokenRevocation: true,
  allowedOAuthFlowsUserPoolClient: false,
  enablePropagateAdditionalUserContextData: false,
  authSessionValidity: 3,
  readAttributes: [],
  writeAttributes: [],
  supportedIdentityProviders: [],
  callbackUrls: [],
  logoutUrls: [],
  allowedOAuthFlows: [],
  allowedOAuthScopes: [],
  refreshTokenRotation: { feature: "DISABLED", retryGracePeriodSeconds: 0 },
};

const SECONDS: Record<TimeUnit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };
/** Token lifetimes a client has when none is set, in seconds (§1: 1 hour, 1 hour, 30 days). */
const TOKEN_DEFAULTS = [
  { field: "accessTokenValidity", unit: "accessToken", defaultUnit: "hours", seconds: 3600 },
  { field: "idTokenValidity", unit: "idToken", defaultUnit: "hours", seconds: 3600 },
  { field: "refreshTokenValidity", unit: "refreshToken", defaultUnit: "days", seconds: 30 * 86400 },
] as const;

const STRING_2048 = { stringAttributeConstraints: { minLength: "0", maxLength: "2048" } };
const std = (attributeDataType: SchemaAttributeSpec["attributeDataType"], extra: Json = STRING_2048): Json => ({
  attributeDataType,
  developerOnlyAttribute: false,
  mutable: true,
  required: false,
  ...extra,
});
/** The standard attributes DescribeUserPool lists for a pool that did not configure them. */
export const STANDARD_ATTRIBUTE_DEFAULTS: Readonly<Record<string, Json>> = {
  sub: { ...std("String"), mutable: false, required: true, stringAttributeConstraints: { minLength: "1", maxLength: "2048" } },
  ...Object.fromEntries(
    ["name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile", "picture", "website", "email", "gender", "zoneinfo", "locale", "phone_number", "address"].map(
      (n) => [n, std("String")],
    ),
  ),
  birthdate: std("String", { stringAttributeConstraints: { minLength: "10", maxLength: "10" } }),
  email_verified: std("Boolean", {}),
  phone_number_verified: std("Boolean", {}),
  updated_at: std("Number", { numberAttributeConstraints: { minValue: "0" } }),
  identities: std("String", {}),
};
const CUSTOM_ATTRIBUTE_DEFAULTS: Json = { developerOnlyAttribute: false, mutable: true, required: false, stringAttributeConstraints: {}, numberAttributeConstraints: {} };

/**
 * Removes defaults from `live` where `desired` leaves the field unset; keeps (or fills in from the
 * defaults) fields `desired` sets. `desired === undefined` with `given` false means "no desired spec".
 */
function prune(live: Json, defaults: Json, desired: Json | undefined): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(live)) {
    if (value === undefined) continue;
    const want = desired?.[key];
    const def = defaults[key];
    if (want !== undefined) {
      out[key] = isObject(value) && isObject(def) && isObject(want) ? prune(value, def, want) : value;
      continue;
    }
    if (def !== undefined && equalValue(value, def)) continue;
    if (isObject(value) && isObject(def)) {
      const inner = prune(value, def, undefined);
      if (!isEmpty(inner)) out[key] = inner;
      continue;
    }
    if (isEmpty(value)) continue;
    out[key] = value;
  }
  // A default the API left out of its answer, for a field the desired spec sets.
  for (const [key, want] of Object.entries(desired ?? {})) {
    if (want === undefined || out[key] !== undefined || defaults[key] === undefined) continue;
    const def = defaults[key];
    out[key] = isObject(def) && isObject(want) ? prune(def, def, want) : def;
  }
  return out;
}

function normaliseSchemaAttribute(live: SchemaAttributeSpec, desired: SchemaAttributeSpec | undefined): SchemaAttributeSpec | undefined {
  const standard = STANDARD_ATTRIBUTE_DEFAULTS[live.name];
  const defaults = standard ?? CUSTOM_ATTRIBUTE_DEFAULTS;
  const out = prune(live as unknown as Json, defaults, desired as unknown as Json | undefined);
  // A standard attribute left as AWS configures it is not something the spec manages.
  if (!desired && standard && live.attributeDataType === standard.attributeDataType && Object.keys(out).every((k) => k === "name" || k === "attributeDataType")) return undefined;
  return { ...out, name: live.name, attributeDataType: live.attributeDataType } as SchemaAttributeSpec;
}

function normaliseClient(live: AppClientSpec, desired: AppClientSpec | undefined): AppClientSpec {
  const client: Json = { ...live };
  const units = (live.tokenValidityUnits ?? {}) as Record<string, TimeUnit | undefined>;
  for (const token of TOKEN_DEFAULTS) {
    const value = client[token.field];
    const unit = units[token.unit] ?? token.defaultUnit;
    if (typeof value === "number" && desired?.[token.field] === undefined && value * SECONDS[unit] === token.seconds) delete client[token.field];
  }
  const out = prune(client, CLIENT_DEFAULTS, desired as unknown as Json | undefined);
  return { ...out, name: live.name } as AppClientSpec;
}

function normaliseResourceServer(live: ResourceServerSpec, desired: ResourceServerSpec | undefined): ResourceServerSpec {
  return prune(live as unknown as Json, { scopes: [] }, desired as unknown as Json | undefined) as unknown as ResourceServerSpec;
}

function normaliseDomain(live: DomainSpec, desired: DomainSpec | undefined): DomainSpec {
  return prune(live as unknown as Json, { managedLoginVersion: 1 }, desired as unknown as Json | undefined) as unknown as DomainSpec;
}

function byKey<T>(items: readonly T[] | undefined, key: (item: T) => string): Map<string, T> {
  return new Map((items ?? []).map((item) => [key(item), item]));
}

/**
 * Normalises a live pool spec read from AWS (see the module comment). `desired`, when given, is the
 * spec the live pool will be compared with: its set fields are kept, its unset fields are pruned of
 * defaults. Clients, resource servers and schema attributes are matched by name/identifier.
 */
export function normaliseLiveSpec(live: PoolSpec, desired?: PoolSpec): PoolSpec {
  const { clients, resourceServers, domain, schemaAttributes, groups, identityProviders, ...pool } = live;
  const desiredPool = desired ? (Object.fromEntries(Object.entries(desired).filter(([k]) => !["clients", "resourceServers", "domain", "schemaAttributes", "groups", "identityProviders"].includes(k))) as Json) : undefined;
  const out = prune(pool as Json, POOL_DEFAULTS, desiredPool) as PoolSpec;
  out.region = live.region;

  const desiredAttributes = byKey(desired?.schemaAttributes, (a) => a.name);
  const attributes = (schemaAttributes ?? []).map((a) => normaliseSchemaAttribute(a, desiredAttributes.get(a.name))).filter((a) => a !== undefined);
  if (attributes.length > 0 || desired?.schemaAttributes !== undefined) out.schemaAttributes = attributes;
  // A spec that never manages the schema compares against no attributes at all.
  if (desired && desired.schemaAttributes === undefined && out.schemaAttributes?.length === 0) delete out.schemaAttributes;

  const desiredClients = byKey(desired?.clients, (c) => c.name);
  const normalisedClients = (clients ?? []).map((c) => {
    const want = desiredClients.get(c.name);
    return normaliseClient(c, want && desired ? effectiveClient(desired, want) : undefined);
  });
  if (normalisedClients.length > 0 || desired?.clients !== undefined) out.clients = normalisedClients;

  const desiredServers = byKey(desired?.resourceServers, (s) => s.identifier);
  const servers = (resourceServers ?? []).map((s) => normaliseResourceServer(s, desiredServers.get(s.identifier)));
  if (servers.length > 0 || desired?.resourceServers !== undefined) out.resourceServers = servers;

  if (domain) out.domain = normaliseDomain(domain, desired?.domain);
  // Groups and identity providers: normalise-groups-idps.ts (readLivePool knows which providers hold a secret).
  if (groups !== undefined) out.groups = groups;
  if (identityProviders !== undefined) out.identityProviders = identityProviders;
  return out;
}

/** {@link normaliseLiveSpec} for a whole document (metadata is the pool's name; labels are not live state). */
export function normaliseLiveDocument(live: PoolDocument, desired?: PoolDocument): PoolDocument {
  return { ...live, metadata: { ...live.metadata, ...(desired?.metadata.labels ? { labels: desired.metadata.labels } : {}) }, spec: normaliseLiveSpec(live.spec, desired?.spec) };
}
