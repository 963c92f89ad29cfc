/**
 * Starting points for sign-in providers (federated identity providers): Google, Sign in with Apple, a generic
 * OIDC provider and a generic SAML provider. Detail keys and example values are those of
 * [M CreateIdentityProviderRequest.ProviderDetails] ("Create or update request" examples); the secret is a
 * reference (an environment variable name), never a value. Example values are marked so the form asks for them.
 */
import type { IdentityProviderSpec } from "../spec/identity-provider-schema";
import { type Diagnostic, error, joinPath } from "../spec/diagnostics";
import type { PoolSpec } from "../spec/pool-schema";

export interface IdentityProviderPreset {
  name: "google" | "apple" | "oidc" | "saml";
  title: string;
  summary: string;
  provider: IdentityProviderSpec;
  /** Detail keys whose value is an example the user must replace. */
  placeholders: readonly string[];
}

export const IDENTITY_PROVIDER_PRESETS: readonly IdentityProviderPreset[] = [
  {
    name: "google",
    title: "Google",
    summary: "Sign in with a Google account. Needs an OAuth client of the Google Cloud console; its secret stays in an environment variable of the server that applies.",
    provider: {
      providerName: "Google",
      providerType: "Google",
      providerDetails: { client_id: "1example23456789.apps.googleusercontent.com", authorize_scopes: "openid email profile" },
      secretRef: { source: "env", name: "IDP_SECRET_GOOGLE" },
      attributeMapping: { email: "email", name: "name", username: "sub" },
    },
    placeholders: ["client_id"],
  },
  {
    name: "apple",
    title: "Sign in with Apple",
    summary: "Sign in with an Apple ID. Needs a Services ID (client_id), the team id and a key id; the private key stays in Secrets Manager.",
    provider: {
      providerName: "SignInWithApple",
      providerType: "SignInWithApple",
      providerDetails: { client_id: "com.example.cognito", team_id: "3EXAMPLE", key_id: "2EXAMPLE", authorize_scopes: "email name" },
      secretRef: { source: "secretsManager", name: "cognito/sign-in-with-apple-private-key" },
      attributeMapping: { email: "email" },
    },
    placeholders: ["client_id", "team_id", "key_id"],
  },
  {
    name: "oidc",
    title: "OpenID Connect (generic)",
    summary: "Any OIDC provider (Okta, Auth0, Entra ID, Keycloak…): endpoints are discovered from the issuer.",
    provider: {
      providerName: "CorpOIDC",
      providerType: "OIDC",
      providerDetails: { client_id: "1example23456789", authorize_scopes: "openid email profile", oidc_issuer: "https://auth.example.com", attributes_request_method: "GET" },
      secretRef: { source: "env", name: "IDP_SECRET_OIDC" },
      attributeMapping: { email: "email", username: "sub" },
    },
    placeholders: ["client_id", "oidc_issuer"],
  },
  {
    name: "saml",
    title: "SAML 2.0 (generic)",
    summary: "A SAML identity provider from its metadata URL; sign-out through the IdP is on.",
    provider: {
      providerName: "CorpSAML",
      providerType: "SAML",
      providerDetails: { MetadataURL: "https://auth.example.com/sso/saml/metadata", IDPSignout: "true" },
      attributeMapping: { email: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress" },
    },
    placeholders: ["MetadataURL"],
  },
];

export function getIdentityProviderPreset(name: string): IdentityProviderPreset | undefined {
  return IDENTITY_PROVIDER_PRESETS.find((p) => p.name === name);
}

/**
 * Adds a preset's provider to a spec (a new spec; the input is not changed). `providerName` renames a SAML or
 * OIDC provider; `offerOn` lists client names that should offer it (added to their supportedIdentityProviders,
 * with COGNITO kept first when the client had no list). A name already in use is an error, nothing is added.
 */
export function addIdentityProviderPreset(
  spec: PoolSpec,
  preset: IdentityProviderPreset,
  options: { providerName?: string; offerOn?: readonly string[] } = {},
): { spec: PoolSpec; diagnostics: Diagnostic[] } {
  const social = preset.provider.providerType !== "OIDC" && preset.provider.providerType !== "SAML";
  const providerName = social ? preset.provider.providerName : (options.providerName?.trim() || preset.provider.providerName);
  const providers = spec.identityProviders ?? [];
  if (providers.some((p) => p.providerName === providerName))
    return { spec, diagnostics: [error(joinPath("spec", "identityProviders"), "duplicate-provider-name", `the pool already has an identity provider named "${providerName}"`)] };
  const provider: IdentityProviderSpec = structuredClone({ ...preset.provider, providerName });
  const offer = new Set(options.offerOn ?? []);
  const clients = spec.clients?.map((c) =>
    offer.has(c.name) && !(c.supportedIdentityProviders ?? []).includes(providerName)
      ? { ...c, supportedIdentityProviders: [...(c.supportedIdentityProviders ?? ["COGNITO"]), providerName] }
      : c,
  );
  return { spec: { ...spec, identityProviders: [...providers, provider], ...(clients ? { clients } : {}) }, diagnostics: [] };
}
