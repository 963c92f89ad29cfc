/**
 * Identity providers and the clients that offer them.
 *
 * - Names: unique per pool (`CreateIdentityProvider` fails with DuplicateProviderException [M]); social
 *   providers are named as their type and `COGNITO` is the user pool's own directory
 *   [M UserPoolClientType.SupportedIdentityProviders: "COGNITO, Facebook, Google, SignInWithApple, and LoginWithAmazon …
 *   the names that you configured for the SAML and OIDC IdPs"].
 * - Required details per type: the "Create or update request" examples of [M CreateIdentityProviderRequest.ProviderDetails]
 *   (Google/Facebook/LoginWithAmazon: client_id, authorize_scopes, client_secret; SignInWithApple: client_id, team_id,
 *   key_id, authorize_scopes, private_key; OIDC: client_id, authorize_scopes, oidc_issuer, attributes_request_method;
 *   SAML: MetadataURL or MetadataFile). The secret comes from `secretRef`, never from the details.
 * - IdP identifiers select one provider (`GetIdentityProviderByIdentifier`), so they are unique per pool (*derived*).
 * - Clients may list only COGNITO and providers of the pool (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html: SupportedIdentityProviders names IdPs configured in the pool).
 * - Mapped attributes: "Any user pool attribute whose value you map from an IdP attribute must be mutable"
 *   [M SchemaAttributeType.Mutable] and a client offering the IdP "must include all attributes that you have mapped to
 *   IdP attributes" in WriteAttributes [M WriteAttributes] (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html, WriteAttributes).
 */
import type { Diagnostic } from "../diagnostics";
import { error, warning } from "../diagnostics";
import { ENV_SECRET_PREFIX, SECRET_DETAIL_KEY, SECRET_DETAIL_KEYS, SOCIAL_PROVIDER_TYPES, type IdentityProviderType } from "../identity-provider-schema";
import { type Rule, type RuleContext, at, duplicateIndexes, effectiveClients } from "./rule";

/** `COGNITO`: the pool's own user directory, always available to clients. */
export const COGNITO_PROVIDER = "COGNITO";

/** Details each type needs besides its secret ([M CreateIdentityProviderRequest.ProviderDetails]). */
export const REQUIRED_PROVIDER_DETAILS: Readonly<Record<IdentityProviderType, readonly string[]>> = {
  Google: ["client_id", "authorize_scopes"],
  Facebook: ["client_id", "authorize_scopes"],
  LoginWithAmazon: ["client_id", "authorize_scopes"],
  SignInWithApple: ["client_id", "team_id", "key_id", "authorize_scopes"],
  OIDC: ["client_id", "authorize_scopes", "oidc_issuer", "attributes_request_method"],
  SAML: [],
};

/** Types whose secret AWS requires (OIDC providers may be public clients, so their secret is optional). */
const SECRET_REQUIRED = new Set<IdentityProviderType>(["Google", "Facebook", "LoginWithAmazon", "SignInWithApple"]);

/** The `username` mapping names the federated user's identity, not a pool attribute. */
const NOT_AN_ATTRIBUTE = new Set(["username"]);

type Provider = NonNullable<RuleContext["spec"]["identityProviders"]>[number];
type PathOf = (...rest: (string | number)[]) => string;

/** Social providers are named as their type; SAML and OIDC names may not take the pool directory's. */
function checkProviderName(p: Provider, path: PathOf): Diagnostic[] {
  const social = (SOCIAL_PROVIDER_TYPES as readonly string[]).includes(p.providerType);
  if (social && p.providerName !== p.providerType)
    return [error(path("providerName"), "social-provider-name", `a ${p.providerType} provider must be named "${p.providerType}"; only SAML and OIDC providers take names of their own`)];
  if (!social && p.providerName.toUpperCase() === COGNITO_PROVIDER) return [error(path("providerName"), "provider-name-reserved", `"${p.providerName}" is reserved for the user pool's own directory`)];
  return [];
}

/** The details each type needs, SAML's one metadata source, OIDC's request method, and no secret among them. */
function checkProviderDetails(p: Provider, path: PathOf): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const key of REQUIRED_PROVIDER_DETAILS[p.providerType])
    if (!p.providerDetails[key]?.trim()) out.push(error(path("providerDetails"), "provider-detail-required", `a ${p.providerType} provider needs providerDetails.${key}`));
  if (p.providerType === "SAML") {
    const url = p.providerDetails.MetadataURL?.trim();
    const file = p.providerDetails.MetadataFile?.trim();
    if (!url === !file)
      out.push(error(path("providerDetails"), "saml-metadata", `a SAML provider needs exactly one of providerDetails.MetadataURL or providerDetails.MetadataFile${url && file ? " (both are set)" : ""}`));
  }
  if (p.providerType === "OIDC" && p.providerDetails.attributes_request_method && !["GET", "POST"].includes(p.providerDetails.attributes_request_method))
    out.push(error(path("providerDetails"), "provider-detail-invalid", `providerDetails.attributes_request_method must be GET or POST`));
  for (const key of SECRET_DETAIL_KEYS)
    if (Object.hasOwn(p.providerDetails, key))
      out.push(error(path("providerDetails", key), "secret-in-details", `${key} must not be written in the spec; put its environment variable, Secrets Manager secret or SSM parameter in secretRef`));
  return out;
}

/** Where the provider's secret comes from: required for some types, unused for others, env names prefixed, jsonKey for Secrets Manager only. */
function checkProviderSecret(p: Provider, path: PathOf): Diagnostic[] {
  const out: Diagnostic[] = [];
  const secretKey = SECRET_DETAIL_KEY[p.providerType];
  if (!p.secretRef && SECRET_REQUIRED.has(p.providerType))
    out.push(error(path("secretRef"), "provider-secret-required", `a ${p.providerType} provider needs its ${secretKey} from secretRef (an environment variable, a Secrets Manager secret or an SSM parameter)`));
  if (p.secretRef && !secretKey) out.push(error(path("secretRef"), "provider-secret-unused", `a ${p.providerType} provider has no secret; remove secretRef`));
  if (p.secretRef?.source === "env" && !p.secretRef.name.startsWith(ENV_SECRET_PREFIX))
    out.push(
      error(
        path("secretRef", "name"),
        "secret-env-prefix",
        `secretRef.name must start with ${ENV_SECRET_PREFIX} when the source is env (for example ${ENV_SECRET_PREFIX}${p.providerName.toUpperCase().replace(/\W/gu, "_")}): the server only reads provider secrets from variables with that prefix, never its own settings or credentials`,
      ),
    );
  if (p.secretRef?.jsonKey !== undefined && p.secretRef.source !== "secretsManager")
    out.push(error(path("secretRef", "jsonKey"), "secret-json-key", `jsonKey applies only to a Secrets Manager secret, not to source ${p.secretRef.source}`));
  return out;
}

/** An IdP identifier selects one provider: `identifierOwner` holds those seen so far, across providers. */
function checkIdpIdentifiers(p: Provider, path: PathOf, identifierOwner: Map<string, string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  (p.idpIdentifiers ?? []).forEach((id, j) => {
    const owner = identifierOwner.get(id);
    if (owner !== undefined)
      out.push(error(path("idpIdentifiers", j), "duplicate-idp-identifier", `identifier "${id}" is already used by ${owner === p.providerName ? "this provider" : `provider "${owner}"`}; an identifier selects one provider`));
    else identifierOwner.set(id, p.providerName);
  });
  return out;
}

/** Attributes mapped from an IdP must be mutable in the pool schema. */
function checkMappedAttributesMutable(ctx: RuleContext, providers: readonly Provider[]): Diagnostic[] {
  const attributes = new Map((ctx.spec.schemaAttributes ?? []).map((a) => [a.developerOnlyAttribute ? `dev:${a.name}` : a.name, a]));
  const attributeOf = (key: string) => attributes.get(key.startsWith("custom:") ? key.slice("custom:".length) : key);
  const out: Diagnostic[] = [];
  providers.forEach((p, i) => {
    for (const key of Object.keys(p.attributeMapping ?? {})) {
      if (NOT_AN_ATTRIBUTE.has(key)) continue;
      if (attributeOf(key)?.mutable === false)
        out.push(error(at(ctx, "identityProviders", i, "attributeMapping", key), "mapped-attribute-immutable", `"${key}" is mapped from ${p.providerName} but is not mutable in the pool schema; attributes mapped from an IdP must be mutable`));
    }
  });
  return out;
}

/** Clients list only COGNITO and the pool's providers, and may write every attribute those providers map. */
function checkClientProviders(ctx: RuleContext, providers: readonly Provider[]): Diagnostic[] {
  const defined = new Map(providers.map((p) => [p.providerName, p]));
  // Providers the document does not manage may exist in the pool already: an unknown one is then a warning.
  const managed = ctx.spec.identityProviders !== undefined;
  const out: Diagnostic[] = [];
  for (const { client, pathOf } of effectiveClients(ctx)) {
    (client.supportedIdentityProviders ?? []).forEach((name, j) => {
      if (name === COGNITO_PROVIDER) return;
      const provider = defined.get(name);
      if (!provider) {
        const message = `client "${client.name}" lists identity provider "${name}", which is not defined in this pool (define it under identityProviders, or list only COGNITO and defined providers)`;
        out.push(managed ? error(pathOf("supportedIdentityProviders", j), "client-unknown-provider", message) : warning(pathOf("supportedIdentityProviders", j), "client-unknown-provider", `${message}; fine if it exists in the pool already`));
        return;
      }
      if (client.writeAttributes === undefined) return; // unset: every mutable attribute is writable
      const writable = new Set(client.writeAttributes);
      for (const key of Object.keys(provider.attributeMapping ?? {})) {
        if (NOT_AN_ATTRIBUTE.has(key) || writable.has(key)) continue;
        out.push(error(pathOf("writeAttributes"), "mapped-attribute-not-writable", `client "${client.name}" offers ${name}, which maps "${key}"; add "${key}" to writeAttributes so sign-in through ${name} can set it`));
      }
    });
  }
  return out;
}

export const identityProvidersRule: Rule = (ctx) => {
  const providers = ctx.spec.identityProviders ?? [];
  const out: Diagnostic[] = [];
  for (const i of duplicateIndexes(providers, (p) => p.providerName))
    out.push(error(at(ctx, "identityProviders", i, "providerName"), "duplicate-provider-name", `identity provider "${providers[i].providerName}" is defined twice; provider names must be unique in a pool`));
  const identifierOwner = new Map<string, string>();
  providers.forEach((p, i) => {
    const path: PathOf = (...rest) => at(ctx, "identityProviders", i, ...rest);
    out.push(...checkProviderName(p, path), ...checkProviderDetails(p, path), ...checkProviderSecret(p, path), ...checkIdpIdentifiers(p, path, identifierOwner));
  });
  out.push(...checkMappedAttributesMutable(ctx, providers), ...checkClientProviders(ctx, providers));
  return out;
};
