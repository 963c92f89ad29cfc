/**
 * CloudFormation for groups and identity providers: `AWS::Cognito::UserPoolGroup` (GroupName, Description,
 * Precedence, RoleArn) and `AWS::Cognito::UserPoolIdentityProvider` (ProviderName, ProviderType,
 * ProviderDetails, AttributeMapping, IdpIdentifiers), as in the CloudFormation template reference.
 *
 * The secret never appears in a template:
 * - a Secrets Manager reference becomes the dynamic reference `{{resolve:secretsmanager:NAME:SecretString:KEY}}`
 *   (CloudFormation resolves it at deploy time and never shows the value);
 * - an environment variable or SSM parameter becomes a `NoEcho` parameter (`ssm-secure` dynamic references work
 *   only for the resource properties CloudFormation lists, and ProviderDetails is not one), whose Description
 *   records the reference so the importer reads it back.
 * A template holding a literal secret is imported without it (a warning says so).
 */
import { type Diagnostic, warning } from "../../spec/diagnostics";
import type { GroupSpec } from "../../spec/group-schema";
import { SECRET_DETAIL_KEY, SECRET_DETAIL_KEYS, SECRET_SOURCES, envSecretName, type IdentityProviderSpec, type SecretRef } from "../../spec/identity-provider-schema";
import { CfnRef } from "./intrinsics";

export const CFN_GROUP = "AWS::Cognito::UserPoolGroup";
export const CFN_IDENTITY_PROVIDER = "AWS::Cognito::UserPoolIdentityProvider";

const REF_MARK = /\(cognito-studio secretRef: (\w+) ([^\s)]+)\)/u;
const SECRETS_MANAGER = /^\{\{resolve:secretsmanager:([^:}]+(?::[^:}]+){0,5}?)(?::SecretString(?::([^:}]*))?(?::[^:}]*){0,2})?\}\}$/u;
const SSM_SECURE = /^\{\{resolve:ssm-secure:([^:}]+)(?::\d+)?\}\}$/u;

export function groupProperties(group: GroupSpec, pool: CfnRef): Record<string, unknown> {
  return {
    UserPoolId: pool,
    GroupName: group.name,
    ...(group.description !== undefined ? { Description: group.description } : {}),
    ...(group.precedence !== undefined ? { Precedence: group.precedence } : {}),
    ...(group.roleArn !== undefined ? { RoleArn: group.roleArn } : {}),
  };
}

export interface NoEchoParameter {
  logicalId: string;
  description: string;
}

/** `arn:aws:secretsmanager:…:secret:name` contains colons: CloudFormation accepts the ARN before `:SecretString`. */
function secretsManagerReference(ref: SecretRef): string {
  return `{{resolve:secretsmanager:${ref.name}${ref.jsonKey ? `:SecretString:${ref.jsonKey}` : ""}}}`;
}

export function identityProviderProperties(provider: IdentityProviderSpec, pool: CfnRef, parameterId: () => string, parameters: NoEchoParameter[]): Record<string, unknown> {
  const details: Record<string, unknown> = { ...provider.providerDetails };
  const key = SECRET_DETAIL_KEY[provider.providerType];
  const ref = provider.secretRef;
  if (ref && key) {
    if (ref.source === "secretsManager") details[key] = secretsManagerReference(ref);
    else {
      const logicalId = parameterId();
      parameters.push({ logicalId, description: `${key} of identity provider "${provider.providerName}" (cognito-studio secretRef: ${ref.source} ${ref.name})` });
      details[key] = new CfnRef(logicalId);
    }
  }
  return {
    UserPoolId: pool,
    ProviderName: provider.providerName,
    ProviderType: provider.providerType,
    ProviderDetails: details,
    ...(provider.attributeMapping ? { AttributeMapping: provider.attributeMapping } : {}),
    ...(provider.idpIdentifiers ? { IdpIdentifiers: provider.idpIdentifiers } : {}),
  };
}

export function noEchoParameters(parameters: readonly NoEchoParameter[]): Record<string, unknown> | undefined {
  if (parameters.length === 0) return undefined;
  return Object.fromEntries(parameters.map((p) => [p.logicalId, { Type: "String", NoEcho: true, Description: p.description }]));
}

// ---- import ----

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

export function groupFromProperties(properties: Json, where: string, diagnostics: Diagnostic[]): Json {
  const { GroupName, Description, Precedence, RoleArn, ...other } = properties;
  for (const key of Object.keys(other)) diagnostics.push(warning("", "not-in-model", `${where}.${key} has no place in the group model and was not imported`));
  return { name: GroupName, ...(Description !== undefined ? { description: Description } : {}), ...(Precedence !== undefined ? { precedence: Precedence } : {}), ...(RoleArn !== undefined ? { roleArn: RoleArn } : {}) };
}

/** The secret detail of raw (unresolved) provider properties → a secretRef; literals are dropped with a warning. */
export function takeProviderSecret(properties: Json, parameterDescriptions: ReadonlyMap<string, unknown>, where: string, diagnostics: Diagnostic[]): { properties: Json; secretRef?: SecretRef } {
  const details = properties.ProviderDetails;
  if (!isObject(details)) return { properties };
  const kept: Json = { ...details };
  let secretRef: SecretRef | undefined;
  for (const key of SECRET_DETAIL_KEYS) {
    if (!(key in kept)) continue;
    const value = kept[key];
    delete kept[key];
    const text = typeof value === "string" ? value : undefined;
    const sm = text ? SECRETS_MANAGER.exec(text) : null;
    const ssm = text ? SSM_SECURE.exec(text) : null;
    const parameter = isObject(value) && typeof value.Ref === "string" && parameterDescriptions.has(value.Ref) ? value.Ref : undefined;
    if (sm?.[1]) secretRef = { source: "secretsManager", name: sm[1], ...(sm[2] ? { jsonKey: sm[2] } : {}) };
    else if (ssm?.[1]) secretRef = { source: "ssmParameter", name: ssm[1] };
    else if (parameter !== undefined) {
      const mark = REF_MARK.exec(String(parameterDescriptions.get(parameter) ?? ""));
      const source = mark?.[1];
      // A parameter without the studio's mark: the apply reads IDP_SECRET_<parameter> (only that prefix is ever read).
      secretRef = mark && source && (SECRET_SOURCES as readonly string[]).includes(source) && mark[2] ? { source: source as SecretRef["source"], name: mark[2] } : { source: "env", name: envSecretName(parameter) };
    } else
      diagnostics.push(
        warning("", "provider-secret-removed", `${where}.ProviderDetails.${key} is not a dynamic reference or a parameter; the value was not imported (the studio never stores secrets): set the provider's secretRef`),
      );
  }
  return { properties: { ...properties, ProviderDetails: kept }, ...(secretRef ? { secretRef } : {}) };
}

export function identityProviderFromProperties(properties: Json, secretRef: SecretRef | undefined, where: string, diagnostics: Diagnostic[]): Json {
  const { ProviderName, ProviderType, ProviderDetails, AttributeMapping, IdpIdentifiers, ...other } = properties;
  for (const key of Object.keys(other)) diagnostics.push(warning("", "not-in-model", `${where}.${key} has no place in the identity provider model and was not imported`));
  return {
    providerName: ProviderName,
    providerType: ProviderType,
    providerDetails: isObject(ProviderDetails) ? ProviderDetails : {},
    ...(secretRef ? { secretRef } : {}),
    ...(AttributeMapping !== undefined ? { attributeMapping: AttributeMapping } : {}),
    ...(IdpIdentifiers !== undefined ? { idpIdentifiers: IdpIdentifiers } : {}),
  };
}
