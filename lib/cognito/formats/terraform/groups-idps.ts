/**
 * Terraform for groups and identity providers: `aws_cognito_user_group` (name, description, precedence, role_arn)
 * and `aws_cognito_identity_provider` (provider_name, provider_type, provider_details, attribute_mapping,
 * idp_identifiers), hashicorp/aws provider. Import ids: `user_pool_id/name` for a group and
 * `user_pool_id:provider_name` for a provider (the provider docs' Import sections).
 *
 * The provider's secret never appears in a file: `provider_details.client_secret` (or `private_key` for Sign in
 * with Apple) is `var.<name>`, a variable marked `sensitive` with no default, whose description records the
 * document's `secretRef` so an import reads the same reference back. A hand-written file that holds a literal
 * secret is imported without it (a warning says so).
 */
import { type Diagnostic, warning } from "../../spec/diagnostics";
import type { GroupSpec } from "../../spec/group-schema";
import { SECRET_DETAIL_KEY, SECRET_DETAIL_KEYS, SECRET_SOURCES, envSecretName, type IdentityProviderSpec, type SecretRef } from "../../spec/identity-provider-schema";
import { type HclNode, type HclValue, attr, blank, block, expr } from "./hcl";

export const TF_GROUP = "aws_cognito_user_group";
export const TF_IDENTITY_PROVIDER = "aws_cognito_identity_provider";

export interface SensitiveVariable {
  name: string;
  description: string;
}

const REF_MARK = /\(cognito-studio secretRef: (\w+) ([^\s)]+)(?: key ([^\s)]+))?\)/u;

/** The description that carries a secret reference through Terraform (parsed back by {@link secretRefFromDescription}). */
export function secretVariableDescription(provider: IdentityProviderSpec, ref: SecretRef): string {
  const key = SECRET_DETAIL_KEY[provider.providerType] ?? "secret";
  return `${key} of identity provider "${provider.providerName}", supplied at apply time (cognito-studio secretRef: ${ref.source} ${ref.name}${ref.jsonKey ? ` key ${ref.jsonKey}` : ""})`;
}

export function secretRefFromDescription(description: unknown, variableName: string): SecretRef {
  const match = typeof description === "string" ? REF_MARK.exec(description) : null;
  const source = match?.[1];
  if (match && source && (SECRET_SOURCES as readonly string[]).includes(source) && match[2])
    return { source: source as SecretRef["source"], name: match[2], ...(match[3] ? { jsonKey: match[3] } : {}) };
  // The studio's apply reads only IDP_SECRET_ variables (ENV_SECRET_PREFIX): the variable is named after the Terraform one.
  return { source: "env", name: envSecretName(variableName) };
}

export function groupResource(group: GroupSpec, label: string, poolId: HclValue): HclNode {
  const body: HclNode[] = [attr("name", group.name), attr("user_pool_id", poolId)];
  if (group.description !== undefined) body.push(attr("description", group.description));
  if (group.precedence !== undefined) body.push(attr("precedence", group.precedence));
  if (group.roleArn !== undefined) body.push(attr("role_arn", group.roleArn));
  return block("resource", [TF_GROUP, label], body);
}

export function identityProviderResource(provider: IdentityProviderSpec, label: string, poolId: HclValue, variables: SensitiveVariable[]): HclNode {
  const details: Record<string, HclValue> = { ...provider.providerDetails };
  const key = SECRET_DETAIL_KEY[provider.providerType];
  if (provider.secretRef && key) {
    const name = `${label}_${key}`;
    variables.push({ name, description: secretVariableDescription(provider, provider.secretRef) });
    details[key] = expr(`var.${name}`);
  }
  const body: HclNode[] = [attr("user_pool_id", poolId), attr("provider_name", provider.providerName), attr("provider_type", provider.providerType), blank, attr("provider_details", details)];
  if (provider.attributeMapping) body.push(blank, attr("attribute_mapping", provider.attributeMapping));
  if (provider.idpIdentifiers) body.push(blank, attr("idp_identifiers", provider.idpIdentifiers));
  return block("resource", [TF_IDENTITY_PROVIDER, label], body);
}

export function sensitiveVariableNodes(variables: readonly SensitiveVariable[]): HclNode[] {
  const nodes: HclNode[] = [];
  for (const v of variables) {
    if (nodes.length) nodes.push(blank);
    nodes.push(block("variable", [v.name], [attr("type", expr("string")), attr("description", v.description), attr("sensitive", true)]));
  }
  return nodes;
}

// ---- import ----

type Body = Record<string, unknown>;
const isObject = (v: unknown): v is Body => v !== null && typeof v === "object" && !Array.isArray(v);

/** A group body (already resolved) → spec; unknown arguments are named in a warning. */
export function groupFromBody(body: Body, where: string, diagnostics: Diagnostic[]): Body {
  const { name, description, precedence, role_arn, user_pool_id: _pool, ...rest } = body;
  void _pool;
  for (const key of Object.keys(rest)) diagnostics.push(warning("", "not-in-model", `${where}.${key} is not part of the group model; it was not imported`));
  return { name, ...(description !== undefined ? { description } : {}), ...(precedence !== undefined ? { precedence } : {}), ...(role_arn !== undefined ? { roleArn: role_arn } : {}) };
}

/**
 * Takes the secret detail out of a provider body before its expressions are resolved: `var.NAME` becomes a
 * secretRef (from the variable's description), a literal value is dropped with a warning.
 */
export function takeProviderSecret(body: Body, variableDescriptions: ReadonlyMap<string, unknown>, where: string, diagnostics: Diagnostic[]): { body: Body; secretRef?: SecretRef } {
  const details = body.provider_details;
  if (!isObject(details)) return { body };
  const kept: Body = { ...details };
  let secretRef: SecretRef | undefined;
  for (const key of SECRET_DETAIL_KEYS) {
    if (!(key in kept)) continue;
    const value = kept[key];
    delete kept[key];
    const variable = typeof value === "string" ? /^\$\{var\.([\w-]+)\}$/u.exec(value)?.[1] : undefined;
    if (variable) secretRef = secretRefFromDescription(variableDescriptions.get(variable), variable);
    else
      diagnostics.push(
        warning("", "provider-secret-removed", `${where}.provider_details.${key} holds a literal secret; it was not imported (the studio never stores secrets): set the provider's secretRef`),
      );
  }
  return { body: { ...body, provider_details: kept }, ...(secretRef ? { secretRef } : {}) };
}

export function identityProviderFromBody(body: Body, secretRef: SecretRef | undefined, where: string, diagnostics: Diagnostic[]): Body {
  const { provider_name, provider_type, provider_details, attribute_mapping, idp_identifiers, user_pool_id: _pool, ...rest } = body;
  void _pool;
  for (const key of Object.keys(rest)) diagnostics.push(warning("", "not-in-model", `${where}.${key} is not part of the identity provider model; it was not imported`));
  return {
    providerName: provider_name,
    providerType: provider_type,
    providerDetails: isObject(provider_details) ? provider_details : {},
    ...(secretRef ? { secretRef } : {}),
    ...(attribute_mapping !== undefined ? { attributeMapping: attribute_mapping } : {}),
    ...(idp_identifiers !== undefined ? { idpIdentifiers: idp_identifiers } : {}),
  };
}
