/**
 * The attribute-level changes of one resource, classified by the replacement rules: what every planner
 * (the pool, the MFA configuration, the domain and the keyed resources) builds its entries from.
 */
import type { Diagnostic } from "../spec/diagnostics";
import { type RawChange, diffValues } from "./diff";
import { formatPath } from "./paths";
import { POOL_REPLACEMENT_CASCADE, classifyChange, type ReplacementRule } from "./replacement-rules";
import type { Values } from "./resources";
import type { AttributeChange, PlanAction, ReplacementReason, ResourceChange, ResourceType, SecurityChange } from "./types";

/** Builds one entry of a resource type, addressed from its key. */
export type EntryBuilder = (key: string, action: PlanAction, changes: AttributeChange[], reasons: ReplacementReason[], documentPath: string) => ResourceChange;

/** The {@link EntryBuilder} of `type`, its addresses made by `address`. */
export function entryBuilder(type: ResourceType, address: (key: string) => string): EntryBuilder {
  return (key, action, changes, reasons, documentPath) => ({ type, address: address(key), key, action, changes, reasons, documentPath });
}

/** What the planners add to as they go. */
export interface Builder {
  entries: ResourceChange[];
  errors: Diagnostic[];
  security: SecurityChange[];
}

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

export function reasonFrom(rule: ReplacementRule, path: string): ReplacementReason {
  return { rule: rule.id, path, message: rule.message, source: rule.source };
}

export const CASCADE_REASON: ReplacementReason = { rule: POOL_REPLACEMENT_CASCADE.rule, path: "", message: POOL_REPLACEMENT_CASCADE.message, source: POOL_REPLACEMENT_CASCADE.source };

/** Every attribute of one side, as a create (`after`) or delete (`before`) lists them. */
export function exactChanges(type: ResourceType, before: Values | undefined, after: Values | undefined, skip?: ReadonlySet<string>): AttributeChange[] {
  const raw: RawChange[] = [];
  diffValues(before, after, { mode: "exact", atomic: atomicFor(type), skip }, raw);
  return raw.map(toAttributeChange).sort(byPath);
}

export interface Assessment {
  /** Managed changes that matter (rows with effect `not-a-change` dropped). */
  changes: AttributeChange[];
  replaceReasons: ReplacementReason[];
  impossible: { change: AttributeChange; rule: ReplacementRule }[];
}

/** Marks a change the rules classified; returns it, or undefined when it is not a change at all. */
function classified(type: ResourceType, raw: RawChange, result: Assessment): AttributeChange | undefined {
  const { effect, rule } = classifyChange(type, raw.segments, raw.before, raw.after);
  if (effect === "not-a-change") return undefined;
  const change = toAttributeChange(raw);
  if (rule && effect === "replace") {
    change.forcesReplacement = true;
    change.rule = rule.id;
    result.replaceReasons.push(reasonFrom(rule, change.path));
  } else if (rule && effect === "impossible") {
    change.impossible = true;
    change.rule = rule.id;
    result.impossible.push({ change, rule });
  }
  return change;
}

/** The managed diff of a resource that exists on both sides, classified by the replacement rules. */
export function assess(type: ResourceType, before: Values, after: Values, skip?: ReadonlySet<string>): Assessment {
  const raw: RawChange[] = [];
  diffValues(before, after, { mode: "managed", atomic: atomicFor(type), skip }, raw);
  const result: Assessment = { changes: [], replaceReasons: [], impossible: [] };
  for (const r of raw) {
    const change = classified(type, r, result);
    if (change) result.changes.push(change);
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
