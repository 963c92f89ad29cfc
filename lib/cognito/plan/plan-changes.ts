/**
 * `planChanges(current, desired)`: what must happen to make a pool match `desired`.
 *
 * - `current === null`: nothing exists; everything is created.
 * - A field the desired document leaves unset is not managed and never a change. `clients` /
 *   `resourceServers` unset = not managed (nothing deleted); `[]` = delete them all. An unset `domain`
 *   is not managed either.
 * - Clients are matched by name, resource servers by identifier, schema attributes and scopes by name;
 *   never by list position. Clients are compared with `clientDefaults` applied.
 * - What cannot change in place is decided only by `REPLACEMENT_RULES` (replacement-rules.ts).
 *
 * Pure: never mutates its inputs, reads no clock or network. Linear in the size of the documents
 * (Map lookups by key), so a pool with 1000 clients and 25 × 100 scopes plans in milliseconds.
 */
import { pairRenames } from "./renames";
import type { AppClientSpec } from "../spec/client-schema";
import { type Diagnostic, error, joinPath } from "../spec/diagnostics";
import type { PoolDocument } from "../spec/document-schema";
import { type RawChange, diffValues } from "./diff";
import { describeImpact } from "./impact";
import { formatPath } from "./paths";
import { POOL_REPLACEMENT_CASCADE, classifyChange, type ReplacementRule } from "./replacement-rules";
import { planGroups, planIdentityProviders } from "./plan-groups-idps";
import { planLogDelivery, planRiskConfiguration } from "./plan-risk-logs";
import { type Values, effectiveClients, mfaAttributes, poolAttributes } from "./resources";
import { clientSecurityChanges, poolSecurityChanges } from "./security";
import type { AttributeChange, Plan, PlanAction, PlanOptions, ReplacementReason, ResourceChange, ResourceType, SecurityChange } from "./types";

const POOL_ATOMIC = new Set(["userPoolTags"]);
/** UpdateIdentityProvider replaces ProviderDetails and AttributeMapping whole, so they (and the secret reference, one value) are compared whole. */
const PROVIDER_ATOMIC = new Set(["providerDetails", "attributeMapping", "secretRef"]);
const NO_ATOMIC = new Set<string>();

function atomicFor(type: ResourceType): ReadonlySet<string> {
  return type === "userPool" ? POOL_ATOMIC : type === "identityProvider" ? PROVIDER_ATOMIC : NO_ATOMIC;
}

function toAttributeChange(raw: RawChange): AttributeChange {
  const change: AttributeChange = { path: formatPath(raw.segments) };
  if (raw.before !== undefined) change.before = raw.before;
  if (raw.after !== undefined) change.after = raw.after;
  return change;
}

function byPath(a: AttributeChange, b: AttributeChange): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function reasonFrom(rule: ReplacementRule, path: string): ReplacementReason {
  return { rule: rule.id, path, message: rule.message, source: rule.source };
}

export const CASCADE_REASON: ReplacementReason = { rule: POOL_REPLACEMENT_CASCADE.rule, path: "", message: POOL_REPLACEMENT_CASCADE.message, source: POOL_REPLACEMENT_CASCADE.source };

/** Every attribute of one side, as a create (`after`) or delete (`before`) lists them. */
export function exactChanges(type: ResourceType, before: Values | undefined, after: Values | undefined, skip?: ReadonlySet<string>): AttributeChange[] {
  const raw: RawChange[] = [];
  diffValues(before, after, { mode: "exact", atomic: atomicFor(type), skip }, raw);
  return raw.map(toAttributeChange).sort(byPath);
}

interface Assessment {
  /** Managed changes that matter (rows with effect `not-a-change` dropped). */
  changes: AttributeChange[];
  replaceReasons: ReplacementReason[];
  impossible: { change: AttributeChange; rule: ReplacementRule }[];
}

/** The managed diff of a resource that exists on both sides, classified by the replacement rules. */
export function assess(type: ResourceType, before: Values, after: Values, skip?: ReadonlySet<string>): Assessment {
  const raw: RawChange[] = [];
  diffValues(before, after, { mode: "managed", atomic: atomicFor(type), skip }, raw);
  const result: Assessment = { changes: [], replaceReasons: [], impossible: [] };
  for (const r of raw) {
    const { effect, rule } = classifyChange(type, r.segments, r.before, r.after);
    if (effect === "not-a-change") continue;
    const change = toAttributeChange(r);
    if (rule && effect === "replace") {
      change.forcesReplacement = true;
      change.rule = rule.id;
      result.replaceReasons.push(reasonFrom(rule, change.path));
    } else if (rule && effect === "impossible") {
      change.impossible = true;
      change.rule = rule.id;
      result.impossible.push({ change, rule });
    }
    result.changes.push(change);
  }
  result.changes.sort(byPath);
  return result;
}

/**
 * The changes of a replaced resource: every difference between the old and the new resource, with the
 * changes that force the replacement marked, and settings the desired side does not manage marked
 * `resetsToDefault` (the new resource will not have them).
 */
export function replacementChanges(type: ResourceType, before: Values, after: Values, managed: readonly AttributeChange[], skip?: ReadonlySet<string>): AttributeChange[] {
  const marks = new Map(managed.map((c) => [c.path, c]));
  return exactChanges(type, before, after, skip).map((change) => {
    const mark = marks.get(change.path);
    if (mark?.forcesReplacement) return { ...change, forcesReplacement: true, rule: mark.rule };
    if (mark?.impossible) return { ...change, forcesReplacement: true, rule: mark.rule };
    if (!mark && change.after === undefined) return { ...change, resetsToDefault: true };
    return change;
  });
}

export function actionOf(changes: readonly AttributeChange[]): PlanAction {
  return changes.length > 0 ? "update" : "noop";
}

const quote = (key: string) => JSON.stringify(key);

export interface Builder {
  entries: ResourceChange[];
  errors: Diagnostic[];
  security: SecurityChange[];
}

/** Indexes a keyed list, reporting duplicates (which would make matching by key ambiguous). */
export function indexByKey<T>(items: readonly T[], keyOf: (item: T) => string, report: (key: string, index: number) => void): Map<string, { item: T; index: number }> {
  const map = new Map<string, { item: T; index: number }>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (map.has(key)) report(key, index);
    else map.set(key, { item, index });
  });
  return map;
}

export function sortedKeys(...maps: Map<string, unknown>[]): string[] {
  const keys = new Set<string>();
  for (const map of maps) for (const key of map.keys()) keys.add(key);
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The document with `region` as its Region when it names none. */
function inRegion(doc: PoolDocument, region: string | undefined): PoolDocument {
  return doc.spec.region !== undefined || region === undefined ? doc : { ...doc, spec: { ...doc.spec, region } };
}

/** Plans the changes that make `current` (null = nothing exists) match `desired`. */
export function planChanges(currentDocument: PoolDocument | null, desiredDocument: PoolDocument, options: PlanOptions = {}): Plan {
  // A design may name no Region: it takes its target's. A side without one is planned in the Region of the
  // other side (or of the target), so "no Region" is never a change; two different Regions still are.
  const region = desiredDocument.spec.region ?? options.region ?? currentDocument?.spec.region;
  const desired = inRegion(desiredDocument, region);
  const current = currentDocument && inRegion(currentDocument, region);
  const b: Builder = { entries: [], errors: [], security: [] };
  const live = options.live;
  const creatingPool = current === null;

  // ---- the pool ----
  const desiredPool = poolAttributes(desired);
  let poolReplaced = false;
  const poolEntry: ResourceChange = {
    type: "userPool",
    address: "user_pool",
    key: desired.metadata.name,
    action: "noop",
    changes: [],
    reasons: [],
    documentPath: "spec",
  };
  if (live?.ids?.userPoolId) poolEntry.liveId = live.ids.userPoolId;
  if (current === null) {
    poolEntry.action = "create";
    poolEntry.changes = exactChanges("userPool", undefined, desiredPool);
  } else {
    const currentPool = poolAttributes(current);
    const assessment = assess("userPool", currentPool, desiredPool);
    const mustReplace = assessment.replaceReasons.length > 0;
    poolReplaced = mustReplace || (assessment.impossible.length > 0 && options.allowReplace === true);
    if (poolReplaced) {
      poolEntry.action = "replace";
      poolEntry.reasons = [...assessment.replaceReasons, ...assessment.impossible.map((i) => reasonFrom(i.rule, i.change.path))];
      poolEntry.changes = replacementChanges("userPool", currentPool, desiredPool, assessment.changes);
    } else {
      poolEntry.action = actionOf(assessment.changes);
      poolEntry.changes = assessment.changes;
      for (const { change, rule } of assessment.impossible) {
        b.errors.push(
          error(
            impossiblePath(desired, change.path),
            rule.id,
            `${change.path}: ${rule.message}. AWS cannot make this change; revert it, or allow replacing the pool (--allow-replace), which deletes every user in it`,
          ),
        );
      }
    }
  }
  b.entries.push(poolEntry);
  const cascade = poolReplaced;

  // ---- MFA configuration (SetUserPoolMfaConfig) ----
  planMfa(b, current, desired, cascade);

  // ---- resource servers (by identifier) ----
  planResourceServers(b, current, desired, cascade);

  // ---- identity providers (by name) ----
  planIdentityProviders(b, current, desired, cascade, live);

  // ---- app clients (by name) ----
  planClients(b, current, desired, cascade, options);

  // ---- groups (by name) ----
  planGroups(b, current, desired, cascade);

  // ---- domain ----
  planDomain(b, current, desired, cascade);

  // ---- threat protection settings and log delivery (after the clients, whose new ids they need) ----
  planRiskConfiguration(b, current, desired, cascade);
  planLogDelivery(b, current, desired, cascade);

  // ---- security flags ----
  if (current !== null) {
    b.security.unshift(...poolSecurityChanges(current.spec as Values, desired.spec as Values, poolReplaced ? "recreate" : "update"));
  }

  const summary = { add: 0, change: 0, replace: 0, destroy: 0 };
  for (const e of b.entries) {
    if (e.action === "create") summary.add++;
    else if (e.action === "update") summary.change++;
    else if (e.action === "replace") summary.replace++;
    else if (e.action === "delete") summary.destroy++;
  }
  const plan: Plan = {
    poolName: desired.metadata.name,
    ...(region !== undefined ? { region } : {}),
    creatingPool,
    entries: b.entries,
    errors: b.errors,
    securityChanges: b.security,
    summary,
    hasChanges: b.entries.some((e) => e.action !== "noop"),
    worstImpact: { level: "none", headline: "", details: [] },
    blastRadius: { poolReplaced, usersDeleted: poolReplaced ? "all" : "none", clients: [], resourceServers: [] },
  };
  if (live && (live.fingerprint !== undefined || live.estimatedNumberOfUsers !== undefined || live.ids?.userPoolId !== undefined)) {
    plan.live = {};
    if (live.ids?.userPoolId !== undefined) plan.live.userPoolId = live.ids.userPoolId;
    if (live.fingerprint !== undefined) plan.live.fingerprint = live.fingerprint;
    if (live.estimatedNumberOfUsers !== undefined) plan.live.estimatedNumberOfUsers = live.estimatedNumberOfUsers;
  }
  const impact = describeImpact(plan, current);
  plan.worstImpact = impact.worstImpact;
  plan.blastRadius = impact.blastRadius;
  return plan;
}

/** Where an impossible change points in the desired document (the attribute, or the list it left). */
function impossiblePath(desired: PoolDocument, path: string): string {
  const match = /^schemaAttributes\["((?:[^"\\]|\\.)*)"\]/u.exec(path);
  if (!match) return joinPath("spec", path);
  const name = JSON.parse(`"${match[1] ?? ""}"`) as string;
  const index = desired.spec.schemaAttributes?.findIndex((a) => a.name === name) ?? -1;
  return index >= 0 ? joinPath("spec", "schemaAttributes", index) : "spec.schemaAttributes";
}

function planMfa(b: Builder, current: PoolDocument | null, desired: PoolDocument, cascade: boolean): void {
  const after = mfaAttributes(desired);
  const before = current === null ? undefined : mfaAttributes(current);
  const desiredManages = Object.keys(after).length > 0;
  const currentHas = before !== undefined && Object.keys(before).length > 0;
  const entry = (action: PlanAction, changes: AttributeChange[], reasons: ReplacementReason[] = []): ResourceChange => ({
    type: "mfaConfig",
    address: "mfa_config",
    key: "mfa_config",
    action,
    changes,
    reasons,
    documentPath: "spec",
  });
  if (before === undefined) {
    if (desiredManages) b.entries.push(entry("create", exactChanges("mfaConfig", undefined, after)));
    return;
  }
  if (cascade) {
    if (desiredManages) b.entries.push(entry(currentHas ? "replace" : "create", replacementChanges("mfaConfig", before, after, assess("mfaConfig", before, after).changes), currentHas ? [CASCADE_REASON] : []));
    else if (currentHas) b.entries.push(entry("delete", exactChanges("mfaConfig", before, undefined), [CASCADE_REASON]));
    return;
  }
  if (!desiredManages) return;
  const { changes } = assess("mfaConfig", before, after);
  b.entries.push(entry(actionOf(changes), changes));
}

const RS_SKIP = new Set(["identifier"]);

function planResourceServers(b: Builder, current: PoolDocument | null, desired: PoolDocument, cascade: boolean): void {
  const desiredList = desired.spec.resourceServers;
  const currentList = current?.spec.resourceServers ?? [];
  if (desiredList === undefined && !cascade) return;
  const address = (id: string) => `resource_server[${quote(id)}]`;
  const want = indexByKey(desiredList ?? [], (r) => r.identifier, (key, index) =>
    b.errors.push(error(joinPath("spec", "resourceServers", index, "identifier"), "duplicate-resource-server", `resource server identifier ${quote(key)} is used more than once; resource servers are matched by identifier`)),
  );
  const have = indexByKey(currentList, (r) => r.identifier, (key) =>
    b.errors.push(error("spec.resourceServers", "ambiguous-current-resource-server", `the current pool has more than one resource server with identifier ${quote(key)}`)),
  );
  const entry = (key: string, action: PlanAction, changes: AttributeChange[], reasons: ReplacementReason[], documentPath: string): ResourceChange => ({
    type: "resourceServer",
    address: address(key),
    key,
    action,
    changes,
    reasons,
    documentPath,
  });

  // An identifier cannot change (replacement-rules.ts `resource-server.identifier`): when exactly one
  // resource server disappears and exactly one appears under the same name, show it as that replacement.
  // new identifier -> old identifier
  const renamed = current !== null && !cascade && desiredList !== undefined ? pairRenames(have, want, (item) => item.name) : new Map<string, string>();
  const consumed = new Set(renamed.values());

  for (const key of sortedKeys(want, have)) {
    const w = want.get(key);
    const h = have.get(key);
    if (w && h) {
      const before = h.item as Values;
      const after = w.item as Values;
      const path = joinPath("spec", "resourceServers", w.index);
      if (cascade) {
        b.entries.push(entry(key, "replace", replacementChanges("resourceServer", before, after, assess("resourceServer", before, after, RS_SKIP).changes, RS_SKIP), [CASCADE_REASON], path));
        continue;
      }
      const a = assess("resourceServer", before, after, RS_SKIP);
      if (a.replaceReasons.length > 0) b.entries.push(entry(key, "replace", replacementChanges("resourceServer", before, after, a.changes, RS_SKIP), a.replaceReasons, path));
      else b.entries.push(entry(key, actionOf(a.changes), a.changes, [], path));
    } else if (w) {
      const path = joinPath("spec", "resourceServers", w.index);
      const old = renamed.get(key);
      const oldItem = old === undefined ? undefined : have.get(old)?.item;
      if (old !== undefined && oldItem) {
        const a = assess("resourceServer", oldItem as Values, w.item as Values);
        const e = entry(key, "replace", replacementChanges("resourceServer", oldItem as Values, w.item as Values, a.changes), a.replaceReasons, path);
        e.previousKey = old;
        b.entries.push(e);
      } else {
        b.entries.push(entry(key, "create", exactChanges("resourceServer", undefined, w.item as Values, RS_SKIP), [], path));
      }
    } else if (h && !consumed.has(key)) {
      if (desiredList === undefined && !cascade) continue;
      b.entries.push(entry(key, "delete", exactChanges("resourceServer", h.item as Values, undefined, RS_SKIP), cascade ? [CASCADE_REASON] : [], joinPath("spec", "resourceServers", h.index)));
    }
  }
}

const CLIENT_SKIP = new Set(["name"]);

function planClients(b: Builder, current: PoolDocument | null, desired: PoolDocument, cascade: boolean, options: PlanOptions): void {
  const desiredList = effectiveClients(desired);
  const currentList = current === null ? [] : (effectiveClients(current) ?? []);
  if (desiredList === undefined && !cascade) return;
  const clientIds = options.live?.ids?.clientIds ?? {};
  const want = indexByKey<AppClientSpec>(desiredList ?? [], (c) => c.name, (key, index) =>
    b.errors.push(error(joinPath("spec", "clients", index, "name"), "duplicate-client-name", `client name ${quote(key)} is used more than once; clients are matched by name`)),
  );
  const have = indexByKey<AppClientSpec>(currentList, (c) => c.name, (key) =>
    b.errors.push(error("spec.clients", "ambiguous-current-client", `the current pool has more than one client named ${quote(key)}; rename one so clients can be matched by name`)),
  );
  const entry = (key: string, action: PlanAction, changes: AttributeChange[], reasons: ReplacementReason[], documentPath: string): ResourceChange => {
    const e: ResourceChange = { type: "appClient", address: `app_client[${quote(key)}]`, key, action, changes, reasons, documentPath };
    const id = Object.hasOwn(clientIds, key) ? clientIds[key] : undefined;
    if (id !== undefined) e.liveId = id;
    return e;
  };
  const poolExists = current !== null;

  for (const key of sortedKeys(want, have)) {
    const w = want.get(key);
    const h = have.get(key);
    if (w && h) {
      const before = h.item as Values;
      const after = w.item as Values;
      const path = joinPath("spec", "clients", w.index);
      const a = assess("appClient", before, after, CLIENT_SKIP);
      const address = `app_client[${quote(key)}]`;
      if (cascade || a.replaceReasons.length > 0) {
        const reasons = cascade ? [CASCADE_REASON, ...a.replaceReasons] : a.replaceReasons;
        b.entries.push(entry(key, "replace", replacementChanges("appClient", before, after, a.changes, CLIENT_SKIP), reasons, path));
        b.security.push(...clientSecurityChanges(address, before, after, "recreate"));
      } else {
        b.entries.push(entry(key, actionOf(a.changes), a.changes, [], path));
        // In place, a client without managed changes keeps every value: nothing to flag.
        if (a.changes.length > 0) b.security.push(...clientSecurityChanges(address, before, after, "update"));
      }
    } else if (w) {
      b.entries.push(entry(key, "create", exactChanges("appClient", undefined, w.item as Values, CLIENT_SKIP), [], joinPath("spec", "clients", w.index)));
      if (poolExists) b.security.push(...clientSecurityChanges(`app_client[${quote(key)}]`, undefined, w.item as Values, "create"));
    } else if (h) {
      const reasons: ReplacementReason[] = cascade
        ? [
            desiredList === undefined
              ? { ...CASCADE_REASON, message: `${CASCADE_REASON.message}; the desired document does not manage clients, so this client is not created again` }
              : CASCADE_REASON,
          ]
        : [];
      b.entries.push(entry(key, "delete", exactChanges("appClient", h.item as Values, undefined, CLIENT_SKIP), reasons, joinPath("spec", "clients", h.index)));
    }
  }
}

function planDomain(b: Builder, current: PoolDocument | null, desired: PoolDocument, cascade: boolean): void {
  const after = desired.spec.domain;
  const before = current?.spec.domain;
  const entry = (key: string, action: PlanAction, changes: AttributeChange[], reasons: ReplacementReason[] = []): ResourceChange => ({
    type: "domain",
    address: "domain",
    key,
    action,
    changes,
    reasons,
    documentPath: "spec.domain",
  });
  if (after && !before) {
    b.entries.push(entry(after.domain, "create", exactChanges("domain", undefined, after as Values)));
    return;
  }
  if (!before) return;
  if (!after) {
    if (cascade) b.entries.push(entry(before.domain, "delete", exactChanges("domain", before as Values, undefined), [CASCADE_REASON]));
    return;
  }
  const a = assess("domain", before as Values, after as Values);
  if (cascade || a.replaceReasons.length > 0) {
    const e = entry(after.domain, "replace", replacementChanges("domain", before as Values, after as Values, a.changes), cascade ? [CASCADE_REASON, ...a.replaceReasons] : a.replaceReasons);
    if (before.domain !== after.domain) e.previousKey = before.domain;
    b.entries.push(e);
    return;
  }
  b.entries.push(entry(after.domain, actionOf(a.changes), a.changes));
}
