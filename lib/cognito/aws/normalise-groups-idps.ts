/**
 * Normalising live groups and identity providers (the companion of normalise.ts): what AWS adds on its own is
 * removed where the desired spec leaves it unset, so a pool created from a spec reads back equal.
 *
 * | what | removed when | source |
 * |---|---|---|
 * | group `description: ""` | the spec sets no description | moto 5.2 stores `description or ""`; AWS omits an unset description |
 * | provider details Describe adds | the spec does not set that key | [M CreateIdentityProviderRequest.ProviderDetails] "Describe response" examples: Google/Facebook/LoginWithAmazon/SignInWithApple get `attributes_url`, `attributes_url_add_attributes`, `authorize_url`, `oidc_issuer`, `token_request_method`, `token_url`; OIDC gets `attributes_url_add_attributes` and the endpoints discovered from `oidc_issuer`; SAML gets `ActiveEncryptionCertificate`, `SLORedirectBindingURI`, `SSORedirectBindingURI` |
 * | attribute mapping `username: sub` | the spec maps no `username` | observed: moto 5.2 sets `{"username": "sub"}` when a provider is created without a mapping; AWS maps the user name to `sub` by default |
 * | empty `idpIdentifiers` / `attributeMapping` | the spec leaves them unset | *derived*: nothing configured |
 * | `secretRef` | — | the secret itself is never read into a document; the desired reference is kept when AWS holds a secret (its value cannot be compared). A plan that knows the reference last applied (`PlanOptions.live.appliedSecretRefs`) compares that one instead, so a change of the reference alone is still planned |
 */
import type { GroupSpec } from "../spec/group-schema";
import type { IdentityProviderSpec, IdentityProviderType } from "../spec/identity-provider-schema";

const SOCIAL_COMPUTED = ["attributes_url", "attributes_url_add_attributes", "authorize_url", "oidc_issuer", "token_request_method", "token_url"];

/** ProviderDetails keys AWS fills in on its own, per type (see the table above). */
export const COMPUTED_PROVIDER_DETAILS: Readonly<Record<IdentityProviderType, readonly string[]>> = {
  Google: SOCIAL_COMPUTED,
  Facebook: SOCIAL_COMPUTED,
  LoginWithAmazon: SOCIAL_COMPUTED,
  SignInWithApple: SOCIAL_COMPUTED,
  OIDC: ["attributes_url_add_attributes", "attributes_url", "authorize_url", "token_url", "jwks_uri"],
  SAML: ["ActiveEncryptionCertificate", "SLORedirectBindingURI", "SSORedirectBindingURI"],
};

export function normaliseGroup(live: GroupSpec, desired: GroupSpec | undefined): GroupSpec {
  const out: GroupSpec = { ...live };
  if (out.description === "" && desired?.description === undefined) delete out.description;
  return out;
}

/** `hadSecret`: AWS holds a secret for the provider (mapping-groups-idps.ts `identityProviderFromApi`). */
export function normaliseIdentityProvider(live: IdentityProviderSpec, hadSecret: boolean, desired: IdentityProviderSpec | undefined): IdentityProviderSpec {
  const computed = new Set(COMPUTED_PROVIDER_DETAILS[live.providerType]);
  const details = Object.fromEntries(Object.entries(live.providerDetails).filter(([key]) => !computed.has(key) || desired?.providerDetails[key] !== undefined));
  const out: IdentityProviderSpec = { ...live, providerDetails: details };
  const mapping = { ...(live.attributeMapping ?? {}) };
  if (mapping.username === "sub" && desired?.attributeMapping?.username === undefined) delete mapping.username;
  if (Object.keys(mapping).length > 0 || desired?.attributeMapping !== undefined) out.attributeMapping = mapping;
  else delete out.attributeMapping;
  if (out.idpIdentifiers?.length === 0 && desired?.idpIdentifiers === undefined) delete out.idpIdentifiers;
  if (desired?.idpIdentifiers !== undefined && out.idpIdentifiers === undefined) out.idpIdentifiers = [];
  if (hadSecret && desired?.secretRef) out.secretRef = desired.secretRef;
  return out;
}

/** Live groups normalised against the desired ones (matched by name); undefined when neither side has any. */
export function normaliseGroups(live: GroupSpec[] | undefined, desired: GroupSpec[] | undefined): GroupSpec[] | undefined {
  const wanted = new Map((desired ?? []).map((g) => [g.name, g]));
  const out = (live ?? []).map((g) => normaliseGroup(g, wanted.get(g.name)));
  return out.length > 0 || desired !== undefined ? out : undefined;
}

export function normaliseIdentityProviders(
  live: { spec: IdentityProviderSpec; hadSecret: boolean }[] | undefined,
  desired: IdentityProviderSpec[] | undefined,
): IdentityProviderSpec[] | undefined {
  const wanted = new Map((desired ?? []).map((p) => [p.providerName, p]));
  const out = (live ?? []).map((p) => normaliseIdentityProvider(p.spec, p.hadSecret, wanted.get(p.spec.providerName)));
  return out.length > 0 || desired !== undefined ? out : undefined;
}
