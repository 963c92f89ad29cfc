/**
 * The resources a pool has one of: the pool itself, its MFA configuration (SetUserPoolMfaConfig) and its
 * domain. A replaced pool takes the other two along (the cascade).
 */
import { error, joinPath } from "../spec/diagnostics";
import type { PoolDocument } from "../spec/document-schema";
import { CUSTOM_DOMAIN_ADDRESS, addressOf } from "./addresses";
import { type Builder, CASCADE_REASON, actionOf, assess, exactChanges, reasonFrom, replacementChanges } from "./classify";
import { mfaAttributes, poolAttributes, type Values } from "./resources";
import type { AttributeChange, PlanAction, PlanOptions, ReplacementReason, ResourceChange, ResourceType } from "./types";

function entry(type: ResourceType, key: string, action: PlanAction, changes: AttributeChange[], reasons: ReplacementReason[], documentPath: string): ResourceChange {
  return { type, address: addressOf(type, key), key, action, changes, reasons, documentPath };
}

/** Where an impossible change points in the desired document (the attribute, or the list it left). */
function impossiblePath(desired: PoolDocument, path: string): string {
  const match = /^schemaAttributes\["((?:[^"\\]|\\.)*)"\]/u.exec(path);
  if (!match) return joinPath("spec", path);
  const name = JSON.parse(`"${match[1] ?? ""}"`) as string;
  const index = desired.spec.schemaAttributes?.findIndex((a) => a.name === name) ?? -1;
  return index >= 0 ? joinPath("spec", "schemaAttributes", index) : "spec.schemaAttributes";
}

/** Plans the pool; returns whether it is replaced (then every child goes with it). */
export function planPool(b: Builder, current: PoolDocument | null, desired: PoolDocument, options: PlanOptions): boolean {
  const after = poolAttributes(desired);
  const pool = entry("userPool", desired.metadata.name, "noop", [], [], "spec");
  if (options.live?.ids?.userPoolId) pool.liveId = options.live.ids.userPoolId;
  b.entries.push(pool);
  if (current === null) {
    pool.action = "create";
    pool.changes = exactChanges("userPool", undefined, after);
    return false;
  }
  const before = poolAttributes(current);
  const a = assess("userPool", before, after);
  const replaced = a.replaceReasons.length > 0 || (a.impossible.length > 0 && options.allowReplace === true);
  if (replaced) {
    pool.action = "replace";
    pool.reasons = [...a.replaceReasons, ...a.impossible.map((i) => reasonFrom(i.rule, i.change.path))];
    pool.changes = replacementChanges("userPool", before, after, a.changes);
    return true;
  }
  pool.action = actionOf(a.changes);
  pool.changes = a.changes;
  for (const { change, rule } of a.impossible) {
    const message = `${change.path}: ${rule.message}. AWS cannot make this change; revert it, or allow replacing the pool (--allow-replace), which deletes every user in it`;
    b.errors.push(error(impossiblePath(desired, change.path), rule.id, message));
  }
  return false;
}

/** The MFA configuration: planned when the desired document manages any of it (or the pool is replaced). */
export function planMfa(b: Builder, current: PoolDocument | null, desired: PoolDocument, cascade: boolean): void {
  const after = mfaAttributes(desired);
  const before = current === null ? undefined : mfaAttributes(current);
  const desiredManages = Object.keys(after).length > 0;
  const currentHas = before !== undefined && Object.keys(before).length > 0;
  const push = (action: PlanAction, changes: AttributeChange[], reasons: ReplacementReason[] = []) => b.entries.push(entry("mfaConfig", "mfa_config", action, changes, reasons, "spec"));
  if (before === undefined) {
    if (desiredManages) push("create", exactChanges("mfaConfig", undefined, after));
    return;
  }
  if (cascade) {
    if (desiredManages) push(currentHas ? "replace" : "create", replacementChanges("mfaConfig", before, after, assess("mfaConfig", before, after).changes), currentHas ? [CASCADE_REASON] : []);
    else if (currentHas) push("delete", exactChanges("mfaConfig", before, undefined), [CASCADE_REASON]);
    return;
  }
  if (!desiredManages) return;
  const { changes } = assess("mfaConfig", before, after);
  push(actionOf(changes), changes);
}

/**
 * A pool's two domains (`domain` and `customDomain`, https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolType.html),
 * each planned on its own (addresses `domain` and `custom_domain`). A domain the design moves from one slot to
 * the other is the same domain (matched by name), so it is neither deleted nor created.
 */
export function planDomain(b: Builder, current: PoolDocument | null, desired: PoolDocument, cascade: boolean): void {
  const before = { domain: current?.spec.domain as Values | undefined, customDomain: current?.spec.customDomain as Values | undefined };
  const after = { domain: desired.spec.domain as Values | undefined, customDomain: desired.spec.customDomain as Values | undefined };
  const name = (d: Values | undefined) => (d === undefined ? undefined : String(d.domain));
  const moved = (from: keyof typeof before, to: keyof typeof before) =>
    before[from] !== undefined && name(before[from]) === name(after[to]) && name(before[to]) !== name(after[to]) && name(after[from]) !== name(before[from]);
  if (moved("domain", "customDomain") || moved("customDomain", "domain")) [before.domain, before.customDomain] = [before.customDomain, before.domain];
  planOneDomain(b, before.domain, after.domain, cascade, addressOf("domain"), "spec.domain");
  planOneDomain(b, before.customDomain, after.customDomain, cascade, CUSTOM_DOMAIN_ADDRESS, "spec.customDomain");
}

function planOneDomain(b: Builder, before: Values | undefined, after: Values | undefined, cascade: boolean, address: string, documentPath: string): void {
  const push = (key: string, action: PlanAction, changes: AttributeChange[], reasons: ReplacementReason[] = []) => {
    const e: ResourceChange = { ...entry("domain", key, action, changes, reasons, documentPath), address };
    b.entries.push(e);
    return e;
  };
  const keyOf = (domain: Values) => String(domain.domain);
  if (after && !before) push(keyOf(after), "create", exactChanges("domain", undefined, after));
  if (!before) return;
  if (!after) {
    if (cascade) push(keyOf(before), "delete", exactChanges("domain", before, undefined), [CASCADE_REASON]);
    return;
  }
  const a = assess("domain", before, after);
  if (!cascade && a.replaceReasons.length === 0) {
    push(keyOf(after), actionOf(a.changes), a.changes);
    return;
  }
  const e = push(keyOf(after), "replace", replacementChanges("domain", before, after, a.changes), cascade ? [CASCADE_REASON, ...a.replaceReasons] : a.replaceReasons);
  if (keyOf(before) !== keyOf(after)) e.previousKey = keyOf(before);
}
