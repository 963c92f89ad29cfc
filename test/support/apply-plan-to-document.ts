/**
 * Test support: applies a plan to a document as a patch, the document AWS would hold after the plan ran.
 * It makes the plan's central property testable: for any `a`, `b`,
 * `planChanges(applyPlanToDocument(a, planChanges(a, b)), b)` has no changes, and the result equals `b`
 * on everything `b` manages while keeping `a`'s values where `b` leaves a field unset.
 *
 * The result is in resolved form: `clientDefaults` are folded into the clients (plans compare effective
 * clients, so this is the same pool), and `metadata.labels` (document-only, not in AWS) are the current
 * document's. Changes marked `impossible` (a plan with errors) are not applied: AWS would refuse them.
 * Never mutates its inputs.
 */
import type { PoolDocument } from "../../lib/cognito/spec/document-schema";
import { termsKey } from "../../lib/cognito/spec/terms-schema";
import { type PathSegment, formatPath, KEYED_LISTS, parsePath } from "../../lib/cognito/plan/paths";
import { POOL_RISK_KEY } from "../../lib/cognito/plan/plan-risk-logs";
import { NON_POOL_FIELDS, resolveClientDefaults, type Values } from "../../lib/cognito/plan/resources";
import type { Plan, ResourceChange } from "../../lib/cognito/plan/types";

const NON_POOL = new Set<string>(NON_POOL_FIELDS);

function clone<T>(value: T): T {
  return structuredClone(value);
}

function applyChanges(target: Values, entry: ResourceChange): void {
  for (const change of entry.changes) {
    if (change.impossible) continue;
    const segments = parsePath(change.path);
    if (!segments) throw new Error(`plan holds an unreadable attribute path: ${change.path}`);
    setAtPath(target, segments, change.after === undefined ? undefined : clone(change.after));
  }
}

/** Builds a resource from a create entry (or the new side of a replacement) on top of `base`. */
function build(base: Values, entry: ResourceChange): Values {
  const target = clone(base);
  applyChanges(target, entry);
  return target;
}

/**
 * The pool's attributes live at the top of `spec`, except `name` (metadata.name). Paths are relative to
 * the resource, so a pool path is applied to the spec with its first segment mapped.
 */
function applyPoolChanges(doc: { metadata: Values; spec: Values }, entry: ResourceChange): void {
  for (const change of entry.changes) {
    if (change.impossible) continue;
    const segments = parsePath(change.path);
    if (!segments || segments.length === 0) throw new Error(`plan holds an unreadable attribute path: ${change.path}`);
    const after = change.after === undefined ? undefined : clone(change.after);
    if (segments.length === 1 && segments[0] === "name") {
      if (typeof after === "string") doc.metadata.name = after;
      continue;
    }
    const head = segments[0];
    if (typeof head === "string" && NON_POOL.has(head)) continue;
    setAtPath(doc.spec, segments as PathSegment[], after);
  }
}

/** Applies `plan` to `current` (null: the pool does not exist yet) and returns the resulting document. */
export function applyPlanToDocument(current: PoolDocument | null, plan: Plan, desired?: PoolDocument): PoolDocument {
  const base: PoolDocument = current
    ? clone(resolveClientDefaults(current))
    : { apiVersion: "cognito-studio.dev/v1", kind: "UserPool", metadata: { name: plan.poolName }, spec: plan.region !== undefined ? { region: plan.region } : {} };
  const doc = base as unknown as { apiVersion: string; kind: string; metadata: Values; spec: Values };

  for (const entry of plan.entries) {
    switch (entry.type) {
      case "userPool":
        if (entry.action === "create") doc.spec = { ...pickNonPool(doc.spec) };
        // A new pool has no styles, customizations or terms; the plan creates again those the design holds.
        if (entry.action === "create" || entry.action === "replace")
          for (const { field } of Object.values(WHOLE_ITEMS)) if (Array.isArray(doc.spec[field])) doc.spec[field] = [];
        applyPoolChanges(doc, entry);
        break;
      case "mfaConfig":
        // The MFA settings are top-level spec fields too; their paths start with the field name.
        for (const change of entry.changes) {
          if (change.impossible) continue;
          const segments = parsePath(change.path);
          if (segments) setAtPath(doc.spec, segments, change.after === undefined ? undefined : clone(change.after));
        }
        break;
      case "appClient":
        applyListEntry(doc.spec, "clients", "name", entry);
        // A replaced client takes its style, customization and terms documents along; the plan creates again those the design holds.
        if (entry.action === "replace") dropClientItems(doc.spec, entry.previousKey ?? entry.key);
        break;
      case "resourceServer":
        applyListEntry(doc.spec, "resourceServers", "identifier", entry);
        break;
      case "identityProvider":
        applyListEntry(doc.spec, "identityProviders", "providerName", entry);
        break;
      case "group":
        applyListEntry(doc.spec, "groups", "name", entry);
        break;
      case "domain": {
        const slot = entry.address === "custom_domain" ? "customDomain" : "domain";
        if (entry.action === "delete") delete doc.spec[slot];
        else if (entry.action === "create") doc.spec[slot] = build({}, entry);
        else doc.spec[slot] = build((doc.spec[slot] as Values | undefined) ?? {}, entry);
        break;
      }
      case "riskConfiguration":
      case "logDelivery":
        applyRiskLogsEntry(doc.spec, entry, build);
        break;
      case "managedLoginBranding":
      case "uiCustomization":
      case "terms":
        applyWholeEntry(doc.spec, entry, desired);
        break;
    }
  }
  return base;
}

/** The list each whole-item resource lives in, and the key a plan names an item by. */
const WHOLE_ITEMS = {
  managedLoginBranding: { field: "managedLoginBranding", key: (item: Values) => item.clientName },
  uiCustomization: { field: "uiCustomizations", key: (item: Values) => item.clientName },
  terms: { field: "terms", key: (item: Values) => termsKey(item as { client: string; name: "terms-of-use" }) },
} as const;

function dropClientItems(spec: Values, clientName: string): void {
  const owner: Record<keyof typeof WHOLE_ITEMS, string> = { managedLoginBranding: "clientName", uiCustomization: "clientName", terms: "client" };
  for (const [type, { field }] of Object.entries(WHOLE_ITEMS) as [keyof typeof WHOLE_ITEMS, (typeof WHOLE_ITEMS)[keyof typeof WHOLE_ITEMS]][]) {
    const list = spec[field];
    if (Array.isArray(list)) spec[field] = (list as Values[]).filter((item) => item[owner[type]] !== clientName);
  }
}

function applyWholeEntry(spec: Values, entry: ResourceChange, desired: PoolDocument | undefined): void {
  if (entry.action === "noop") return;
  const { field, key } = WHOLE_ITEMS[entry.type as keyof typeof WHOLE_ITEMS];
  const list = Array.isArray(spec[field]) ? (spec[field] as Values[]) : [];
  spec[field] = list;
  const index = list.findIndex((item) => key(item) === entry.key);
  if (entry.action === "delete") {
    if (index >= 0) list.splice(index, 1);
    return;
  }
  const wanted = ((desired?.spec as Values | undefined)?.[field] as Values[] | undefined)?.find((item) => key(item) === entry.key);
  if (!wanted) throw new Error(`${entry.address}: applying a ${entry.action} needs the desired document's item (pass the document the plan was made for)`);
  if (index >= 0) list[index] = clone(wanted);
  else list.push(clone(wanted));
}

function pickNonPool(spec: Values): Values {
  const out: Values = {};
  for (const [key, value] of Object.entries(spec)) if (NON_POOL.has(key)) out[key] = value;
  return out;
}

function applyListEntry(spec: Values, field: "clients" | "resourceServers" | "identityProviders" | "groups", keyField: string, entry: ResourceChange): void {
  if (entry.action === "noop") return;
  const list = Array.isArray(spec[field]) ? (spec[field] as Values[]) : [];
  spec[field] = list;
  const oldKey = entry.previousKey ?? entry.key;
  const index = list.findIndex((item) => item[keyField] === oldKey);
  if (entry.action === "delete") {
    // A delete the plan refuses (a provider a client still lists) is not applied, like an impossible change.
    const refused = entry.changes.length > 0 && entry.changes.every((c) => c.impossible);
    if (index >= 0 && !refused) list.splice(index, 1);
    return;
  }
  if (entry.action === "create") {
    list.push({ [keyField]: entry.key, ...build({}, entry) });
    return;
  }
  // update or replace: patch the old resource (a replacement's changes include every difference).
  const old = index >= 0 ? list[index] : undefined;
  const next = { ...build(old ?? {}, entry), [keyField]: entry.key };
  if (index >= 0) list[index] = next;
  else list.push(next);
}

type Container = Record<string, unknown>;

function isRecord(value: unknown): value is Container {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Sets (or with `undefined`, removes) the value at `segments` inside `root`, creating objects and keyed
 * lists on the way. Mutates `root`, which the caller owns (a deep copy). Empty objects left behind by a
 * removal are pruned ("empty" and "not set" manage nothing either way); lists are kept, because `[]`
 * (manage: none) differs from unset (not managed).
 */
export function setAtPath(root: Container, segments: readonly PathSegment[], value: unknown): void {
  if (segments.length === 0) return;
  const [head, ...rest] = segments;
  if (head === undefined) return;
  if (typeof head === "string") {
    if (rest.length === 0) {
      if (value === undefined) delete root[head];
      else root[head] = value;
      return;
    }
    const next = rest[0];
    if (next !== undefined && typeof next !== "string") {
      // `head` is a keyed list.
      const keyField = KEYED_LISTS[head] ?? "name";
      const list = Array.isArray(root[head]) ? (root[head] as unknown[]) : [];
      if (value === undefined && !Array.isArray(root[head])) return;
      root[head] = list;
      setInList(list, keyField, next.key, rest.slice(1), value);
      return;
    }
    let child = root[head];
    if (!isRecord(child)) {
      if (value === undefined) return;
      child = {};
      root[head] = child;
    }
    setAtPath(child as Container, rest, value);
    if (value === undefined && Object.keys(child as Container).length === 0) delete root[head];
    return;
  }
  throw new Error(`a keyed segment must follow a list field: ${formatPath(segments)}`);
}

function setInList(list: unknown[], keyField: string, key: string, rest: readonly PathSegment[], value: unknown): void {
  const index = list.findIndex((e) => isRecord(e) && e[keyField] === key);
  if (rest.length === 0) {
    if (value === undefined) {
      if (index >= 0) list.splice(index, 1);
    } else if (index >= 0) list[index] = value;
    else list.push(value);
    return;
  }
  if (index < 0) {
    if (value === undefined) return;
    list.push({ [keyField]: key });
    setAtPath(list[list.length - 1] as Container, rest, value);
    return;
  }
  setAtPath(list[index] as Container, rest, value);
}

/** The document after a risk configuration or log delivery entry ran. */
function applyRiskLogsEntry(spec: Values, entry: ResourceChange, build: (base: Values, entry: ResourceChange) => Values): void {
  if (entry.action === "noop") return;
  if (entry.type === "logDelivery") {
    const base = entry.action === "create" ? undefined : (spec.logDeliveryConfiguration as Values | undefined);
    spec.logDeliveryConfiguration = build(base ?? { logConfigurations: [] }, entry);
    return;
  }
  const risk = ((spec.riskConfiguration as Values | undefined) ?? {}) as Values & { clients?: Values[] };
  spec.riskConfiguration = risk;
  if (entry.key === POOL_RISK_KEY) {
    // A create means nothing was there (or the pool is new): no client had settings of its own either.
    if (entry.action === "create") {
      spec.riskConfiguration = build({}, entry);
      return;
    }
    const { clients } = risk;
    const next = build(risk, entry);
    spec.riskConfiguration = clients === undefined ? next : { ...next, clients };
    return;
  }
  const list = risk.clients ?? [];
  risk.clients = list;
  const index = list.findIndex((c) => c.clientName === entry.key);
  if (entry.action === "delete") {
    if (index >= 0) list.splice(index, 1);
    return;
  }
  const next = { clientName: entry.key, ...build(entry.action === "create" || index < 0 ? {} : list[index] ?? {}, entry) };
  if (index >= 0) list[index] = next;
  else list.push(next);
}
