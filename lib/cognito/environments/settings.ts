/**
 * The per-environment settings other than URLs and the domain, one row each: where the design holds it, what
 * a person calls it, and how a target's value is written. The overlay, the pull that keeps the design's values,
 * the target page's table and the CLI all go through this table, so they agree on what a setting is.
 */
import type { PoolSpec } from "../spec/pool-schema";
import { ENVIRONMENT_TRIGGERS, type EnvironmentTrigger, type EnvironmentValues } from "./environment-values";

export const SETTING_KINDS = [
  "trigger",
  "customSenderKmsKeyId",
  "emailSourceArn",
  "emailFrom",
  "smsRoleArn",
  "smsExternalId",
  "identityProviderClientId",
  "identityProviderMetadataUrl",
  "resourceServerIdentifier",
  "groupRoleArn",
  "tag",
] as const;
export type SettingKind = (typeof SETTING_KINDS)[number];

/** One setting: its kind and, for settings of a named thing, the name (trigger, provider, design identifier, group, tag key). */
export interface SettingEntry {
  kind: SettingKind;
  name: string;
  value: string;
}

/** The console's names of the triggers (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html). */
const TRIGGER_LABELS: Record<EnvironmentTrigger, string> = {
  preSignUp: "Pre sign-up",
  customMessage: "Custom message",
  postConfirmation: "Post confirmation",
  preAuthentication: "Pre authentication",
  postAuthentication: "Post authentication",
  defineAuthChallenge: "Define auth challenge",
  createAuthChallenge: "Create auth challenge",
  verifyAuthChallengeResponse: "Verify auth challenge response",
  preTokenGeneration: "Pre token generation",
  userMigration: "User migration",
  customSmsSender: "Custom SMS sender",
  customEmailSender: "Custom email sender",
  inboundFederation: "Inbound federation",
};

/** The setting in the words of the page: "Pre sign-up trigger", "Identity provider Google: client id". */
export function describeSetting(kind: SettingKind, name: string): string {
  switch (kind) {
    case "trigger":
      return `${TRIGGER_LABELS[name as EnvironmentTrigger] ?? name} trigger`;
    case "customSenderKmsKeyId":
      return "Custom sender KMS key";
    case "emailSourceArn":
      return "SES identity (email source ARN)";
    case "emailFrom":
      return "Email From address";
    case "smsRoleArn":
      return "SMS role (SNS caller ARN)";
    case "smsExternalId":
      return "SMS role external id";
    case "identityProviderClientId":
      return `Identity provider ${name}: client id`;
    case "identityProviderMetadataUrl":
      return `Identity provider ${name}: metadata URL`;
    case "resourceServerIdentifier":
      return `Resource server ${name}: identifier`;
    case "groupRoleArn":
      return `Group ${name}: IAM role`;
    case "tag":
      return `Tag ${name}`;
  }
}

/** Where a setting's value sits in EnvironmentValues (and so in the schema's issue paths). */
export function settingPath(kind: SettingKind, name: string): string[] {
  switch (kind) {
    case "trigger":
      return ["triggers", name];
    case "customSenderKmsKeyId":
      return ["customSenderKmsKeyId"];
    case "emailSourceArn":
      return ["email", "sourceArn"];
    case "emailFrom":
      return ["email", "from"];
    case "smsRoleArn":
      return ["sms", "snsCallerArn"];
    case "smsExternalId":
      return ["sms", "externalId"];
    case "identityProviderClientId":
      return ["identityProviders", name, "clientId"];
    case "identityProviderMetadataUrl":
      return ["identityProviders", name, "metadataUrl"];
    case "resourceServerIdentifier":
      return ["resourceServers", name, "identifier"];
    case "groupRoleArn":
      return ["groups", name, "roleArn"];
    case "tag":
      return ["tags", name];
  }
}

/** The settings a target's values hold (URLs and the domain aside), in table order. */
export function listSettingEntries(values: EnvironmentValues): SettingEntry[] {
  const out: SettingEntry[] = [];
  const add = (kind: SettingKind, name: string, value: string | undefined) => {
    if (value !== undefined) out.push({ kind, name, value });
  };
  for (const trigger of ENVIRONMENT_TRIGGERS) add("trigger", trigger, values.triggers?.[trigger]);
  add("customSenderKmsKeyId", "", values.customSenderKmsKeyId);
  add("emailSourceArn", "", values.email?.sourceArn);
  add("emailFrom", "", values.email?.from);
  add("smsRoleArn", "", values.sms?.snsCallerArn);
  add("smsExternalId", "", values.sms?.externalId);
  for (const [name, p] of Object.entries(values.identityProviders ?? {})) {
    add("identityProviderClientId", name, p.clientId);
    add("identityProviderMetadataUrl", name, p.metadataUrl);
  }
  for (const [name, s] of Object.entries(values.resourceServers ?? {})) add("resourceServerIdentifier", name, s.identifier);
  for (const [name, g] of Object.entries(values.groups ?? {})) add("groupRoleArn", name, g.roleArn);
  for (const [name, value] of Object.entries(values.tags ?? {})) add("tag", name, value);
  return out;
}

/**
 * The inverse of {@link listSettingEntries}: entries (from a form or a file) as EnvironmentValues, not yet
 * validated (the caller parses the result with `environmentValuesSchema`, whose issue paths are
 * {@link settingPath}s). A later entry for the same setting wins.
 */
export function valuesFromSettingEntries(entries: readonly SettingEntry[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { kind, name, value } of entries) {
    const path = settingPath(kind, name);
    let node = out;
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]!] = value;
  }
  return out;
}

/** The trigger's current ARN in a spec: a versioned trigger's `lambdaArn`, pre token generation from either field. */
function readTrigger(spec: PoolSpec, trigger: EnvironmentTrigger): string | undefined {
  const l = spec.lambdaConfig;
  if (!l) return undefined;
  switch (trigger) {
    case "preTokenGeneration":
      return l.preTokenGenerationConfig?.lambdaArn ?? l.preTokenGeneration;
    case "customSmsSender":
    case "customEmailSender":
    case "inboundFederation":
      return l[trigger]?.lambdaArn;
    default:
      return l[trigger];
  }
}

function writeTrigger(spec: PoolSpec, trigger: EnvironmentTrigger, arn: string): void {
  const l = spec.lambdaConfig;
  if (!l) return;
  switch (trigger) {
    case "preTokenGeneration":
      if (l.preTokenGeneration !== undefined) l.preTokenGeneration = arn;
      if (l.preTokenGenerationConfig) l.preTokenGenerationConfig = { ...l.preTokenGenerationConfig, lambdaArn: arn };
      return;
    case "customSmsSender":
    case "customEmailSender":
    case "inboundFederation": {
      const config = l[trigger];
      if (config) l[trigger] = { ...config, lambdaArn: arn };
      return;
    }
    default:
      l[trigger] = arn;
  }
}

/** A setting's value in a spec, or undefined when the spec does not have that setting. */
export function readSetting(spec: PoolSpec, kind: SettingKind, name: string): string | undefined {
  switch (kind) {
    case "trigger":
      return readTrigger(spec, name as EnvironmentTrigger);
    case "customSenderKmsKeyId":
      return spec.lambdaConfig?.kmsKeyId;
    case "emailSourceArn":
      return spec.emailConfiguration?.sourceArn;
    case "emailFrom":
      return spec.emailConfiguration?.from;
    case "smsRoleArn":
      return spec.smsConfiguration?.snsCallerArn;
    case "smsExternalId":
      return spec.smsConfiguration?.externalId;
    case "identityProviderClientId":
      return spec.identityProviders?.find((p) => p.providerName === name)?.providerDetails.client_id;
    case "identityProviderMetadataUrl":
      return spec.identityProviders?.find((p) => p.providerName === name)?.providerDetails.MetadataURL;
    case "resourceServerIdentifier":
      return spec.resourceServers?.find((s) => s.identifier === name)?.identifier;
    case "groupRoleArn":
      return spec.groups?.find((g) => g.name === name)?.roleArn;
    case "tag":
      return spec.userPoolTags?.[name];
  }
}

/**
 * Writes a setting the spec has (mutating `spec`, a clone the caller owns); a tag is added when missing.
 * `undefined` removes the setting where it is optional (used to take a target's value back out of a pulled
 * pool). A resource server's identifier is its key: renaming it renames the clients' scopes with it.
 */
export function writeSetting(spec: PoolSpec, kind: SettingKind, name: string, value: string | undefined): void {
  switch (kind) {
    case "trigger":
      if (value !== undefined) writeTrigger(spec, name as EnvironmentTrigger, value);
      return;
    case "customSenderKmsKeyId":
      if (spec.lambdaConfig) setOrDelete(spec.lambdaConfig, "kmsKeyId", value);
      return;
    case "emailSourceArn":
      if (spec.emailConfiguration) setOrDelete(spec.emailConfiguration, "sourceArn", value);
      return;
    case "emailFrom":
      if (spec.emailConfiguration) setOrDelete(spec.emailConfiguration, "from", value);
      return;
    case "smsRoleArn":
      if (spec.smsConfiguration && value !== undefined) spec.smsConfiguration.snsCallerArn = value;
      return;
    case "smsExternalId":
      if (spec.smsConfiguration) setOrDelete(spec.smsConfiguration, "externalId", value);
      return;
    case "identityProviderClientId":
    case "identityProviderMetadataUrl": {
      const provider = spec.identityProviders?.find((p) => p.providerName === name);
      if (provider) setOrDelete(provider.providerDetails, kind === "identityProviderClientId" ? "client_id" : "MetadataURL", value);
      return;
    }
    case "resourceServerIdentifier":
      if (value !== undefined) renameResourceServer(spec, name, value);
      return;
    case "groupRoleArn": {
      const group = spec.groups?.find((g) => g.name === name);
      if (group) setOrDelete(group, "roleArn", value);
      return;
    }
    case "tag":
      if (value !== undefined) spec.userPoolTags = { ...spec.userPoolTags, [name]: value };
      else if (spec.userPoolTags) {
        const { [name]: _removed, ...rest } = spec.userPoolTags;
        spec.userPoolTags = rest;
      }
      return;
  }
}

function setOrDelete<T extends object, K extends keyof T>(target: T, key: K, value: string | undefined): void {
  if (value === undefined) delete target[key];
  else target[key] = value as T[K];
}

/**
 * Renames resource servers' identifiers (all at once, so two servers may swap) and every client scope that
 * names them (`<identifier>/<scope>`, https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-define-resource-servers.html),
 * in the clients and in `clientDefaults`.
 */
export function renameResourceServers(spec: PoolSpec, renames: ReadonlyMap<string, string>): void {
  if (renames.size === 0) return;
  for (const server of spec.resourceServers ?? []) server.identifier = renames.get(server.identifier) ?? server.identifier;
  const rename = (scope: string) => {
    const slash = scope.lastIndexOf("/");
    const to = slash > 0 ? renames.get(scope.slice(0, slash)) : undefined;
    return to === undefined ? scope : `${to}${scope.slice(slash)}`;
  };
  for (const client of spec.clients ?? []) if (client.allowedOAuthScopes) client.allowedOAuthScopes = client.allowedOAuthScopes.map(rename);
  if (spec.clientDefaults?.allowedOAuthScopes) spec.clientDefaults.allowedOAuthScopes = spec.clientDefaults.allowedOAuthScopes.map(rename);
}

function renameResourceServer(spec: PoolSpec, from: string, to: string): void {
  if (spec.resourceServers?.some((s) => s.identifier === from)) renameResourceServers(spec, new Map([[from, to]]));
}

/** The spec path a setting writes, for the page to say what a target changed: `spec.lambdaConfig.preSignUp`. */
export function settingSpecPath(kind: SettingKind, name: string): string {
  switch (kind) {
    case "trigger":
      return `spec.lambdaConfig.${name}`;
    case "customSenderKmsKeyId":
      return "spec.lambdaConfig.kmsKeyId";
    case "emailSourceArn":
      return "spec.emailConfiguration.sourceArn";
    case "emailFrom":
      return "spec.emailConfiguration.from";
    case "smsRoleArn":
      return "spec.smsConfiguration.snsCallerArn";
    case "smsExternalId":
      return "spec.smsConfiguration.externalId";
    case "identityProviderClientId":
      return `spec.identityProviders[${name}].providerDetails.client_id`;
    case "identityProviderMetadataUrl":
      return `spec.identityProviders[${name}].providerDetails.MetadataURL`;
    case "resourceServerIdentifier":
      return `spec.resourceServers[${name}].identifier`;
    case "groupRoleArn":
      return `spec.groups[${name}].roleArn`;
    case "tag":
      return `spec.userPoolTags[${name}]`;
  }
}

/**
 * Every setting of the design a target may vary, with the design's value, in table order (the target page's
 * rows). Tags are listed by the design's keys.
 */
export function listDesignSettings(spec: PoolSpec): SettingEntry[] {
  const out: SettingEntry[] = [];
  const add = (kind: SettingKind, name: string) => {
    const value = readSetting(spec, kind, name);
    if (value !== undefined) out.push({ kind, name, value });
  };
  for (const trigger of ENVIRONMENT_TRIGGERS) add("trigger", trigger);
  add("customSenderKmsKeyId", "");
  add("emailSourceArn", "");
  add("emailFrom", "");
  add("smsRoleArn", "");
  add("smsExternalId", "");
  for (const p of spec.identityProviders ?? []) {
    add("identityProviderClientId", p.providerName);
    add("identityProviderMetadataUrl", p.providerName);
  }
  for (const s of spec.resourceServers ?? []) add("resourceServerIdentifier", s.identifier);
  for (const g of spec.groups ?? []) add("groupRoleArn", g.name);
  for (const key of Object.keys(spec.userPoolTags ?? {})) add("tag", key);
  return out;
}

/** One row of the target page's table. */
export interface EnvironmentSettingRow {
  kind: SettingKind;
  name: string;
  /** "Pre sign-up trigger", "Resource server https://api.example.com: identifier". */
  label: string;
  /** The design's value; undefined when the design lacks the setting (the target's value is then ignored). */
  designValue: string | undefined;
  /** This target's value; undefined keeps the design's. */
  targetValue: string | undefined;
}

/**
 * The rows of the target page's table: every setting of the design a target may vary, then the target's
 * values for settings the design lacks (shown so they can be cleared; the overlay ignores them).
 */
export function listEnvironmentSettingRows(spec: PoolSpec | undefined, values: EnvironmentValues): EnvironmentSettingRow[] {
  const own = listSettingEntries(values);
  const key = (e: { kind: SettingKind; name: string }) => `${e.kind}\u0000${e.name}`;
  const targetValues = new Map(own.map((e) => [key(e), e.value]));
  const rows: EnvironmentSettingRow[] = (spec ? listDesignSettings(spec) : []).map((e) => ({
    kind: e.kind,
    name: e.name,
    label: describeSetting(e.kind, e.name),
    designValue: e.value,
    targetValue: targetValues.get(key(e)),
  }));
  const listed = new Set(rows.map(key));
  for (const e of own) if (!listed.has(key(e))) rows.push({ kind: e.kind, name: e.name, label: describeSetting(e.kind, e.name), designValue: undefined, targetValue: e.value });
  return rows;
}
