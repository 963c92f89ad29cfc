/**
 * Identity providers (federated sign-in): Smithy `CreateIdentityProviderRequest` /
 * `UpdateIdentityProviderRequest` (boto/botocore `botocore/data/cognito-idp/2016-04-18/service-2.json`: `ProviderNameTypeV2`,
 * `IdentityProviderTypeType`, `ProviderDetailsType`, `AttributeMappingType`, `IdpIdentifiersListType`).
 * Per-type required details, names and the cross-resource rules live in rules/identity-providers.ts.
 *
 * Secrets stay out of the document: the IdP's `client_secret` (Google, Facebook, LoginWithAmazon, OIDC) and
 * Apple's `private_key` are never written in `providerDetails`; `secretRef` names where the server reads the
 * value at apply time (an environment variable, a Secrets Manager secret or an SSM SecureString parameter).
 */
import { z } from "zod";

/** `IdentityProviderTypeType`. */
export const IDENTITY_PROVIDER_TYPES = ["Google", "Facebook", "LoginWithAmazon", "SignInWithApple", "OIDC", "SAML"] as const;
export type IdentityProviderType = (typeof IDENTITY_PROVIDER_TYPES)[number];

/**
 * Social providers are named by their type: the client lists them as "COGNITO, Facebook, Google,
 * SignInWithApple, and LoginWithAmazon" [M UserPoolClientType.SupportedIdentityProviders]; only SAML and OIDC
 * providers get names of their own ("the names that you configured for the SAML and OIDC IdPs").
 */
export const SOCIAL_PROVIDER_TYPES = ["Google", "Facebook", "LoginWithAmazon", "SignInWithApple"] as const;

/**
 * The `ProviderDetails` key that holds the secret, per type [M CreateIdentityProviderRequest.ProviderDetails]:
 * `client_secret` for Google, Facebook, LoginWithAmazon and OIDC, `private_key` for SignInWithApple; SAML has none.
 */
export const SECRET_DETAIL_KEY: Readonly<Record<IdentityProviderType, "client_secret" | "private_key" | undefined>> = {
  Google: "client_secret",
  Facebook: "client_secret",
  LoginWithAmazon: "client_secret",
  OIDC: "client_secret",
  SignInWithApple: "private_key",
  SAML: undefined,
};
export const SECRET_DETAIL_KEYS = ["client_secret", "private_key"] as const;

/**
 * Smithy `ProviderNameTypeV2` (CreateIdentityProvider): len 1–32, pattern `[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+`,
 * so at least 3 characters, with an underscore or space allowed only as the second character. https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html: "Characters in identity provider name 32".
 */
export const PROVIDER_NAME_PATTERN = /^[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+$/u;

/** Smithy `IdpIdentifierType`: len 1–40, `[\w\s+=.@-]+`. */
export const IDP_IDENTIFIER_PATTERN = /^[\w\s+=.@-]+$/u;

/** Where the server reads a provider secret at apply time. Only the reference is stored, never the value. */
export const SECRET_SOURCES = ["env", "secretsManager", "ssmParameter"] as const;

/**
 * Environment variables a `secretRef` may name start with this prefix. The server that applies resolves `env`
 * references from its own environment, which also holds its AWS credentials, AUTH_SECRET and DATABASE_URL: without
 * a fixed prefix an editor could send any of them to an identity provider of their choosing as its client_secret.
 * Checked by the spec rule (rules/identity-providers.ts) and again by the resolver (aws/secret-resolver.ts).
 */
export const ENV_SECRET_PREFIX = "IDP_SECRET_";

/** An importer's variable or parameter name as an env `secretRef` name the resolver accepts (prefixed once). */
export function envSecretName(name: string): string {
  return name.startsWith(ENV_SECRET_PREFIX) ? name : `${ENV_SECRET_PREFIX}${name}`;
}

export const secretRefSchema = z.strictObject({
  /** `env`: an environment variable of the server; `secretsManager`: a secret name or ARN; `ssmParameter`: a SecureString parameter name. */
  source: z.enum(SECRET_SOURCES),
  /** Variable name, secret name/ARN or parameter name; never the secret itself. */
  name: z
    .string()
    .min(1)
    .max(2048)
    .regex(/^[\w+=,.@/:-]+$/u, { error: "must be a variable, secret or parameter name (letters, digits and + = , . @ / : - _), not a secret value" }),
  /** Secrets Manager only: the key of a JSON secret to read (like CloudFormation's `SecretString:json-key`). */
  jsonKey: z.string().min(1).max(256).regex(/^[\w.-]+$/u, { error: "must be a JSON key of letters, digits, . - _" }).optional(),
});

/** Smithy `StringType` values of `ProviderDetailsType` / `AttributeMappingType`. */
const detailValueSchema = z.string().max(131072);

export const identityProviderSchema = z.strictObject({
  /** `ProviderNameTypeV2`; social providers must be named as their type (rules/identity-providers.ts). */
  providerName: z
    .string()
    .min(1)
    .max(32)
    .regex(PROVIDER_NAME_PATTERN, { error: "must be at least 3 printable characters; an underscore or a space may only be the second character" }),
  providerType: z.enum(IDENTITY_PROVIDER_TYPES),
  /**
   * `ProviderDetailsType` without the secret: client_id, authorize_scopes, oidc_issuer, MetadataURL, ...
   * UpdateIdentityProvider replaces the whole map, so apply always sends every detail (with the resolved secret).
   */
  providerDetails: z.record(z.string().min(1).max(131072), detailValueSchema),
  /** The secret's reference (`client_secret`, or `private_key` for SignInWithApple). */
  secretRef: secretRefSchema.optional(),
  /** `AttributeMappingType`: user pool attribute (key, len 1–32) → IdP claim. Replaced as a whole by updates. */
  attributeMapping: z.record(z.string().min(1).max(32), detailValueSchema).optional(),
  /** `IdpIdentifiersListType`: 0–50 identifiers (https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html "Identifiers per identity provider 50"). */
  idpIdentifiers: z
    .array(z.string().min(1).max(40).regex(IDP_IDENTIFIER_PATTERN, { error: "may contain only letters, digits, spaces and + = . @ - _" }))
    .max(50)
    .optional(),
});

export type SecretRef = z.infer<typeof secretRefSchema>;
export type IdentityProviderSpec = z.infer<typeof identityProviderSchema>;
