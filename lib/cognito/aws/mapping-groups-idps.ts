/**
 * Conversions between the spec's groups and identity providers and the API shapes (`GroupType`,
 * `IdentityProviderType`, Create/Update requests). Pure functions; type-only imports from the SDK.
 *
 * Secrets: a provider read from AWS carries its `client_secret` / `private_key` in ProviderDetails; the
 * conversion drops them (the spec only names where a secret lives). Requests get the resolved secret
 * added by the apply engine, which never keeps or logs them.
 */
import type {
  CreateGroupRequest,
  CreateIdentityProviderRequest,
  GroupType,
  IdentityProviderType as ApiIdentityProvider,
  UpdateGroupRequest,
  UpdateIdentityProviderRequest,
} from "@aws-sdk/client-cognito-identity-provider";
import type { GroupSpec } from "../spec/group-schema";
import { IDENTITY_PROVIDER_TYPES, SECRET_DETAIL_KEY, SECRET_DETAIL_KEYS, type IdentityProviderSpec, type IdentityProviderType } from "../spec/identity-provider-schema";

export function groupFromApi(group: GroupType): GroupSpec {
  const spec: GroupSpec = { name: group.GroupName ?? "" };
  if (group.Description !== undefined && group.Description !== null) spec.description = group.Description;
  if (typeof group.Precedence === "number") spec.precedence = group.Precedence;
  if (group.RoleArn) spec.roleArn = group.RoleArn;
  return spec;
}

export function createGroupInput(userPoolId: string, group: GroupSpec): CreateGroupRequest {
  return {
    UserPoolId: userPoolId,
    GroupName: group.name,
    ...(group.description !== undefined ? { Description: group.description } : {}),
    ...(group.precedence !== undefined ? { Precedence: group.precedence } : {}),
    ...(group.roleArn !== undefined ? { RoleArn: group.roleArn } : {}),
  };
}

/**
 * UpdateGroup as a full replacement (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateGroup.html: updates reset what they are not sent): the live
 * group with the spec's managed settings over it, so a setting the spec leaves unset keeps its live value.
 */
export function updateGroupInput(userPoolId: string, group: GroupSpec, live: GroupType | undefined): UpdateGroupRequest {
  const merged: GroupSpec = { ...(live ? groupFromApi(live) : { name: group.name }), ...definedOnly(group) };
  return createGroupInput(userPoolId, merged);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function isProviderType(value: unknown): value is IdentityProviderType {
  return typeof value === "string" && (IDENTITY_PROVIDER_TYPES as readonly string[]).includes(value);
}

/**
 * A provider as the spec holds it: ProviderDetails without its secret. `hadSecret` says whether AWS holds a
 * secret for it (normalise.ts keeps the desired `secretRef` then, since the value cannot be compared).
 */
export function identityProviderFromApi(provider: ApiIdentityProvider): { spec: IdentityProviderSpec; hadSecret: boolean } {
  const details: Record<string, string> = {};
  let hadSecret = false;
  for (const [key, value] of Object.entries(provider.ProviderDetails ?? {})) {
    if ((SECRET_DETAIL_KEYS as readonly string[]).includes(key)) {
      hadSecret ||= typeof value === "string" && value !== "";
      continue;
    }
    if (typeof value === "string") details[key] = value;
  }
  const type = isProviderType(provider.ProviderType) ? provider.ProviderType : "OIDC";
  const spec: IdentityProviderSpec = { providerName: provider.ProviderName ?? "", providerType: type, providerDetails: details };
  if (provider.AttributeMapping && Object.keys(provider.AttributeMapping).length > 0) spec.attributeMapping = { ...provider.AttributeMapping };
  if (provider.IdpIdentifiers && provider.IdpIdentifiers.length > 0) spec.idpIdentifiers = [...provider.IdpIdentifiers];
  return { spec, hadSecret };
}

/** ProviderDetails to send: every detail of the spec plus the resolved secret under the type's key. */
function detailsWithSecret(provider: IdentityProviderSpec, secret: string | undefined): Record<string, string> {
  const key = SECRET_DETAIL_KEY[provider.providerType];
  return { ...provider.providerDetails, ...(key && secret !== undefined ? { [key]: secret } : {}) };
}

export function createIdentityProviderInput(userPoolId: string, provider: IdentityProviderSpec, secret: string | undefined): CreateIdentityProviderRequest {
  return {
    UserPoolId: userPoolId,
    ProviderName: provider.providerName,
    ProviderType: provider.providerType,
    ProviderDetails: detailsWithSecret(provider, secret),
    ...(provider.attributeMapping ? { AttributeMapping: { ...provider.attributeMapping } } : {}),
    ...(provider.idpIdentifiers ? { IdpIdentifiers: [...provider.idpIdentifiers] } : {}),
  };
}

/**
 * UpdateIdentityProvider replaces ProviderDetails and AttributeMapping whole, so the request carries every
 * desired detail and the secret again; a mapping or identifier list the spec does not manage keeps the live one.
 */
export function updateIdentityProviderInput(userPoolId: string, provider: IdentityProviderSpec, secret: string | undefined, live: ApiIdentityProvider | undefined): UpdateIdentityProviderRequest {
  const mapping = provider.attributeMapping ?? live?.AttributeMapping;
  const identifiers = provider.idpIdentifiers ?? live?.IdpIdentifiers;
  return {
    UserPoolId: userPoolId,
    ProviderName: provider.providerName,
    ProviderDetails: detailsWithSecret(provider, secret),
    ...(mapping ? { AttributeMapping: { ...mapping } } : {}),
    ...(identifiers ? { IdpIdentifiers: [...identifiers] } : {}),
  };
}
