/**
 * The value each plan entry carries: the desired resource exactly as apply sends it. The plan attaches it
 * while planning; a plan stored before entries carried values (format version 1) gets them here from the
 * document it was planned for, so apply never has to look a resource up in a document by name.
 */
import type { AppClientSpec } from "../spec/client-schema";
import type { PoolDocument } from "../spec/document-schema";
import type { PoolSpec } from "../spec/pool-schema";
import { termsKey } from "../spec/terms-schema";
import { PLAN_FORMAT_VERSION } from "./format-version";
import { POOL_RISK_KEY, poolRiskSettings } from "./plan-risk-logs";
import { CHILD_RESOURCE_FIELDS, effectiveClients } from "./resources";
import type { MfaValue, Plan, PoolValue, ResourceChange, ResourceType, ResourceValues } from "./types";

const CHILDREN = new Set<string>(CHILD_RESOURCE_FIELDS);

/** The pool's own settings (every spec field that is not a child resource), with its name. */
export function poolValue(doc: PoolDocument): PoolValue {
  const spec: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc.spec)) if (!CHILDREN.has(key) && value !== undefined) spec[key] = value;
  return { name: doc.metadata.name, spec: spec as PoolSpec };
}

/** What SetUserPoolMfaConfig is sent: the MFA settings, and the SMS configuration it repeats. */
export function mfaValue(doc: PoolDocument): MfaValue {
  const { mfaConfiguration, softwareTokenMfaConfiguration, smsMfaConfiguration, emailMfaConfiguration, webAuthnConfiguration, smsAuthenticationMessage, smsConfiguration } = doc.spec;
  const all: MfaValue = { mfaConfiguration, softwareTokenMfaConfiguration, smsMfaConfiguration, emailMfaConfiguration, webAuthnConfiguration, smsAuthenticationMessage, smsConfiguration };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as MfaValue;
}

type ClientsOf = (doc: PoolDocument) => AppClientSpec[] | undefined;
type KeyedLists = { [T in ResourceType]?: (doc: PoolDocument, clientsOf: ClientsOf) => Map<string, ResourceValues[T]> };

const byKey = <V>(items: readonly V[] | undefined, keyOf: (item: V) => string) => {
  const map = new Map<string, V>();
  // The first of a duplicated key wins, as the plan's matching does (duplicates are plan errors).
  for (const item of items ?? []) if (!map.has(keyOf(item))) map.set(keyOf(item), item);
  return map;
};

/** The desired resources of each keyed type, by key. */
const KEYED: KeyedLists = {
  resourceServer: (doc) => byKey(doc.spec.resourceServers, (s) => s.identifier),
  identityProvider: (doc) => byKey(doc.spec.identityProviders, (p) => p.providerName),
  appClient: (doc, clientsOf) => byKey(clientsOf(doc), (c) => c.name),
  group: (doc) => byKey(doc.spec.groups, (g) => g.name),
  terms: (doc) => byKey(doc.spec.terms, termsKey),
  managedLoginBranding: (doc) => byKey(doc.spec.managedLoginBranding, (s) => s.clientName),
  uiCustomization: (doc) => byKey(doc.spec.uiCustomizations, (c) => c.clientName),
};

/** The threat protection settings an entry sends: the pool's own (key ""), or a client's own. */
function riskValue(doc: PoolDocument, key: string): ResourceValues["riskConfiguration"] | undefined {
  const risk = doc.spec.riskConfiguration;
  if (key === POOL_RISK_KEY) return poolRiskSettings(risk);
  return byKey(risk?.clients, (c) => c.clientName).get(key);
}

/** The value of the desired resource of `type` with `key`; undefined when the document has none. */
export function desiredValue<T extends ResourceType>(doc: PoolDocument, type: T, key: string): ResourceValues[T] | undefined {
  return desiredValues(doc, effectiveClients)(type, key);
}

/**
 * Looks resources of one document up by type and key, building each keyed type's map once: a plan of a
 * 1,000-client pool attaches a value to each changed client, and rebuilding the clients (defaults applied)
 * for each of them made attaching quadratic.
 */
function desiredValues(doc: PoolDocument, clientsOf: ClientsOf): <T extends ResourceType>(type: T, key: string) => ResourceValues[T] | undefined {
  const maps = new Map<ResourceType, Map<string, unknown>>();
  return <T extends ResourceType>(type: T, key: string) => {
    const list = KEYED[type];
    if (!list) return unkeyedValue(doc, type, key);
    let map = maps.get(type);
    if (!map) maps.set(type, (map = list(doc, clientsOf)));
    return map.get(key) as ResourceValues[T] | undefined;
  };
}

function unkeyedValue<T extends ResourceType>(doc: PoolDocument, type: T, key: string): ResourceValues[T] | undefined {
  if (type === "userPool") return poolValue(doc) as ResourceValues[T];
  if (type === "mfaConfig") return mfaValue(doc) as ResourceValues[T];
  // A pool's domains (`domain`, `customDomain`) are told apart by name: the entry's key.
  if (type === "domain") return [doc.spec.domain, doc.spec.customDomain].find((d) => d?.domain === key) as ResourceValues[T] | undefined;
  if (type === "riskConfiguration") return riskValue(doc, key) as ResourceValues[T] | undefined;
  if (type === "logDelivery") return doc.spec.logDeliveryConfiguration as ResourceValues[T] | undefined;
  return undefined;
}

/** Whether an entry with this action sends the desired resource. */
export function sendsValue(entry: Pick<ResourceChange, "action">): boolean {
  return entry.action === "create" || entry.action === "update" || entry.action === "replace";
}

/** The entries with the desired value attached to every create, update and replace (`clientsOf`: a plan's resolved clients). */
export function attachValues(entries: readonly ResourceChange[], desired: PoolDocument, clientsOf: ClientsOf = effectiveClients): ResourceChange[] {
  const valueOf = desiredValues(desired, clientsOf);
  return entries.map((entry) => {
    if (!sendsValue(entry)) return entry;
    const value = valueOf(entry.type, entry.key);
    return value === undefined ? entry : { ...entry, value };
  });
}

/**
 * A stored plan in the current format: a plan from before values were recorded (no `formatVersion`, or 1)
 * gets them from `desired`, the document it was planned for. Any other version is returned as it is (apply
 * refuses a version it does not know).
 */
export function upgradePlan(plan: Plan, desired: PoolDocument): Plan {
  const version = (plan as Partial<Plan>).formatVersion ?? 1;
  if (version !== 1) return plan;
  return { ...plan, formatVersion: PLAN_FORMAT_VERSION, entries: attachValues(plan.entries, desired) };
}
