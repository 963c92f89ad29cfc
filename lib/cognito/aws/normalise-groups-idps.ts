/**
 * Normalising live groups and identity providers (the companion of normalise.ts): what AWS adds on its own is
 * removed where the desired spec leaves it unset, so a pool created from a spec reads back equal.
 *
 * Every echoed value and the reason it means "the same" is a row of the one table in echo-rules.ts (scopes
 * `group` and `identityProvider`): a group's empty description, the provider details Describe computes per
 * provider type, the default `username: sub` mapping, an empty mapping and empty `idpIdentifiers`. This file
 * only applies them.
 *
 * Not an echo rule, so kept here: `secretRef`. The secret itself is never read into a document; the desired
 * reference is kept when AWS holds a secret (its value cannot be compared). A plan that knows the reference
 * last applied (`PlanOptions.live.appliedSecretRefs`) compares that one instead, so a change of the reference
 * alone is still planned.
 */
import type { GroupSpec } from "../spec/group-schema";
import type { IdentityProviderSpec } from "../spec/identity-provider-schema";
import { COMPUTED_PROVIDER_DETAILS, GROUP_DEFAULTS, IDENTITY_PROVIDER_DEFAULTS } from "./echo-rules";

const DEFAULT_MAPPING = IDENTITY_PROVIDER_DEFAULTS.attributeMapping as Readonly<Record<string, string>>;
const DEFAULT_IDP_IDENTIFIERS = IDENTITY_PROVIDER_DEFAULTS.idpIdentifiers as readonly string[];

const isDefaultList = (value: readonly string[] | undefined, defaults: readonly string[]) =>
  value !== undefined && value.length === defaults.length && value.every((v) => defaults.includes(v));

export function normaliseGroup(live: GroupSpec, desired: GroupSpec | undefined): GroupSpec {
  const out: GroupSpec = { ...live };
  if (out.description === GROUP_DEFAULTS.description && desired?.description === undefined) delete out.description;
  return out;
}

/** `hadSecret`: AWS holds a secret for the provider (mapping-groups-idps.ts `identityProviderFromApi`). */
export function normaliseIdentityProvider(live: IdentityProviderSpec, hadSecret: boolean, desired: IdentityProviderSpec | undefined): IdentityProviderSpec {
  const computed = new Set(COMPUTED_PROVIDER_DETAILS[live.providerType]);
  const details = Object.fromEntries(Object.entries(live.providerDetails).filter(([key]) => !computed.has(key) || desired?.providerDetails[key] !== undefined));
  const out: IdentityProviderSpec = { ...live, providerDetails: details };
  const mapping = { ...(live.attributeMapping ?? {}) };
  for (const [attribute, value] of Object.entries(DEFAULT_MAPPING)) if (mapping[attribute] === value && desired?.attributeMapping?.[attribute] === undefined) delete mapping[attribute];
  if (Object.keys(mapping).length > 0 || desired?.attributeMapping !== undefined) out.attributeMapping = mapping;
  else delete out.attributeMapping;
  if (isDefaultList(out.idpIdentifiers, DEFAULT_IDP_IDENTIFIERS) && desired?.idpIdentifiers === undefined) delete out.idpIdentifiers;
  if (desired?.idpIdentifiers !== undefined && out.idpIdentifiers === undefined) out.idpIdentifiers = [...DEFAULT_IDP_IDENTIFIERS];
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
