/**
 * Normalising a live pool: values that equal AWS's defaults are removed where the spec would leave them
 * unset, so that a pool created from a spec and read back plans as no change ("unset = not managed / AWS
 * default", spec/pool-schema.ts). Where the desired spec does set a field, the live value is kept even
 * when it is the default (and a default the API omits is filled in), so that both sides compare equal.
 *
 * Without a desired document (`cognito-studio pull`), every default is removed: the result is the
 * smallest spec that describes the pool.
 *
 * Every echoed value and the reason it means "the same" is a row of the one table in echo-rules.ts
 * (ECHO_RULES, each citing the API model or the Terraform provider docs); this file only applies them.
 */
import type { AppClientSpec, TimeUnit } from "../spec/client-schema";
import type { PoolDocument } from "../spec/document-schema";
import type { DomainSpec } from "../spec/domain-schema";
import type { PoolSpec } from "../spec/pool-schema";
import type { ResourceServerSpec } from "../spec/resource-server-schema";
import type { SchemaAttributeSpec } from "../spec/schema-attribute-schema";
import {
  CLIENT_DEFAULTS,
  CUSTOM_ATTRIBUTE_DEFAULTS,
  DOMAIN_DEFAULTS,
  POOL_DEFAULTS,
  RESOURCE_SERVER_DEFAULTS,
  STANDARD_ATTRIBUTE_DEFAULTS,
  TOKEN_VALIDITY_DEFAULTS,
} from "./echo-rules";
import { effectiveClient } from "../spec/client-defaults";

export { CLIENT_DEFAULTS, POOL_DEFAULTS, STANDARD_ATTRIBUTE_DEFAULTS };

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

const SECONDS: Record<TimeUnit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

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
  const want = desired as Json | undefined;
  const units: Record<string, TimeUnit | undefined> = { ...(live.tokenValidityUnits ?? {}) };
  const desiredUnits = (desired?.tokenValidityUnits ?? {}) as Record<string, TimeUnit | undefined>;
  let rewroteUnits = false;
  // Token lifetimes compare as durations (echo-rules.ts, unit-equivalent): 60 minutes is 1 hour.
  for (const token of TOKEN_VALIDITY_DEFAULTS) {
    const value = client[token.field];
    const liveSeconds = typeof value === "number" ? value * SECONDS[units[token.unit] ?? (token.defaultUnit as TimeUnit)] : token.seconds;
    const wanted = want?.[token.field];
    if (typeof wanted === "number") {
      const wantUnit = desiredUnits[token.unit] ?? (token.defaultUnit as TimeUnit);
      if (wanted * SECONDS[wantUnit] === liveSeconds) {
        // The same lifetime, written the design's way.
        client[token.field] = wanted;
        units[token.unit] = wantUnit;
        rewroteUnits = true;
      }
    } else if (typeof value === "number" && liveSeconds === token.seconds) {
      delete client[token.field];
    }
  }
  // A unit whose lifetime is the default (pruned above) or unset says nothing.
  const keptUnits = Object.fromEntries(
    Object.entries(units).filter(([unit]) => desiredUnits[unit] !== undefined || TOKEN_VALIDITY_DEFAULTS.some((t) => t.unit === unit && client[t.field] !== undefined)),
  );
  if (live.tokenValidityUnits || rewroteUnits) client.tokenValidityUnits = keptUnits;
  const out = prune(client, CLIENT_DEFAULTS, desired as unknown as Json | undefined);
  return { ...out, name: live.name } as AppClientSpec;
}

function normaliseResourceServer(live: ResourceServerSpec, desired: ResourceServerSpec | undefined): ResourceServerSpec {
  return prune(live as unknown as Json, RESOURCE_SERVER_DEFAULTS, desired as unknown as Json | undefined) as unknown as ResourceServerSpec;
}

function normaliseDomain(live: DomainSpec, desired: DomainSpec | undefined): DomainSpec {
  return prune(live as unknown as Json, DOMAIN_DEFAULTS, desired as unknown as Json | undefined) as unknown as DomainSpec;
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
  const { clients, resourceServers, domain, customDomain, schemaAttributes, groups, identityProviders, managedLoginBranding, uiCustomizations, ...pool } = live;
  const children = ["clients", "resourceServers", "domain", "customDomain", "schemaAttributes", "groups", "identityProviders", "managedLoginBranding", "uiCustomizations"];
  const desiredPool = desired ? (Object.fromEntries(Object.entries(desired).filter(([k]) => !children.includes(k))) as Json) : undefined;
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
  if (customDomain) out.customDomain = normaliseDomain(customDomain, desired?.customDomain);
  // Groups and identity providers: normalise-groups-idps.ts (readLivePool knows which providers hold a secret).
  if (groups !== undefined) out.groups = groups;
  if (identityProviders !== undefined) out.identityProviders = identityProviders;
  // Branding is read as the document writes it (mapping-branding.ts): nothing to prune.
  if (managedLoginBranding !== undefined) out.managedLoginBranding = managedLoginBranding;
  if (uiCustomizations !== undefined) out.uiCustomizations = uiCustomizations;
  return out;
}

/** {@link normaliseLiveSpec} for a whole document (metadata is the pool's name; labels are not live state). */
export function normaliseLiveDocument(live: PoolDocument, desired?: PoolDocument): PoolDocument {
  return { ...live, metadata: { ...live.metadata, ...(desired?.metadata.labels ? { labels: desired.metadata.labels } : {}) }, spec: normaliseLiveSpec(live.spec, desired?.spec) };
}
